/** Our event-stream frames, read back by @smithy's reference codec (what the SDK clients decode with). */
import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import t from 'tap';
import { AwsError } from '../../src/protocol/errors.js';
import { encodeEvent, encodeException } from '../../src/protocol/eventstream.js';

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const headersOf = (frame: Uint8Array) => Object.fromEntries(Object.entries(codec.decode(frame).headers).map(([k, v]) => [k, v.value]));

t.test('events: three string headers and the JSON payload, CRCs checked by the decoder', async (t) => {
  for (const payload of [{}, { nodeName: 'Out', content: { document: 'é✓🙂'.repeat(2000) } }, { list: [1, null, true] }]) {
    const frame = encodeEvent('flowOutputEvent', payload);
    const message = codec.decode(frame);
    t.same(headersOf(frame), { ':message-type': 'event', ':event-type': 'flowOutputEvent', ':content-type': 'application/json' });
    t.same(JSON.parse(toUtf8(message.body)), payload);
  }
  // A second event type does not reuse the first one's header bytes.
  t.equal(headersOf(encodeEvent('flowCompletionEvent', { completionReason: 'SUCCESS' }))[':event-type'], 'flowCompletionEvent');
});

t.test('exceptions are named by their lower-camel union member', async (t) => {
  const frame = encodeException(new AwsError('ValidationException', 400, 'bad input'));
  t.same(headersOf(frame), { ':message-type': 'exception', ':exception-type': 'validationException', ':content-type': 'application/json' });
  t.match(JSON.parse(toUtf8(codec.decode(frame).body)), { message: 'bad input' });
});

t.test('a corrupted frame fails the decoder CRC check', async (t) => {
  const frame = Buffer.from(encodeEvent('flowOutputEvent', { a: 1 }));
  frame[frame.length - 6]! ^= 1;
  t.throws(() => codec.decode(frame), /checksum/i);
});
