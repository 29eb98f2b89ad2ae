/** Splits an application/vnd.amazon.eventstream body into messages and names each one (for raw HTTP responses). */
import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';

const codec = new EventStreamCodec(toUtf8, fromUtf8);

export interface StreamMessage {
  /** `event`, `exception` or `error`. */
  messageType: string;
  /** The event or exception member name, e.g. `flowCompletionEvent`, `validationException`. */
  type: string;
  payload: unknown;
}

export function decodeEventStream(body: Uint8Array): StreamMessage[] {
  const out: StreamMessage[] = [];
  let offset = 0;
  while (offset + 4 <= body.length) {
    const length = new DataView(body.buffer, body.byteOffset + offset, 4).getUint32(0);
    const message = codec.decode(body.subarray(offset, offset + length));
    const header = (name: string) => String(message.headers[name]?.value ?? '');
    const messageType = header(':message-type');
    const text = toUtf8(message.body);
    let payload: unknown = text;
    try {
      payload = JSON.parse(text);
    } catch {
      // An `error` message may carry no JSON.
    }
    out.push({
      messageType,
      type: header(messageType === 'exception' ? ':exception-type' : messageType === 'error' ? ':error-code' : ':event-type'),
      payload,
    });
    offset += length;
  }
  return out;
}
