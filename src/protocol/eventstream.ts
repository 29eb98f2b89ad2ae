/**
 * application/vnd.amazon.eventstream framing for InvokeFlow's response. Events carry the union member name as
 * `:event-type`; modelled exceptions carry the lower-camel member name as `:exception-type` (the SDKs map only that
 * spelling to their typed exceptions — wire-notes §1c).
 */
import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import type { AwsError } from './errors.js';

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const str = (value: string) => ({ type: 'string' as const, value });
const JSON_TYPE = str('application/json');

export const EVENT_STREAM_CONTENT_TYPE = 'application/vnd.amazon.eventstream';

export function encodeEvent(eventType: string, payload: unknown): Uint8Array {
  return codec.encode({
    headers: { ':message-type': str('event'), ':event-type': str(eventType), ':content-type': JSON_TYPE },
    body: fromUtf8(JSON.stringify(payload)),
  });
}

/** `ValidationException` → `validationException`: the stream names exceptions by their union member. */
export function encodeException(error: AwsError): Uint8Array {
  const member = error.type.charAt(0).toLowerCase() + error.type.slice(1);
  return codec.encode({
    headers: { ':message-type': str('exception'), ':exception-type': str(member), ':content-type': JSON_TYPE },
    body: fromUtf8(JSON.stringify(error.body())),
  });
}
