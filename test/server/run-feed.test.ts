/** The live run feed's bounds: a client that does not read is dropped, and a closing server ends every feed. */
import { request } from 'node:http';
import type { FastifyReply } from 'fastify';
import t from 'tap';
import { startEmulator } from '../../src/index.js';
import { RunRecorder } from '../../src/runs/index.js';
import { createClock } from '../../src/world/clock.js';
import { FEED_MAX_BUFFERED_BYTES, RunFeeds } from '../../src/server/run-feed.js';

/** Just enough of a response for the feed: it counts what it is given and never drains. */
function stalledReply() {
  const res = {
    written: [] as string[],
    writableLength: 0,
    writableEnded: false,
    destroyed: false,
    writeHead() {},
    write(text: string) {
      this.written.push(text);
      this.writableLength += text.length;
      return false;
    },
    end() {
      this.writableEnded = true;
    },
    destroy() {
      this.destroyed = true;
    },
    on() {},
  };
  return { res, reply: { hijack() {}, raw: res } as unknown as FastifyReply };
}

t.test('a client that stops reading is dropped once it is a bound behind, and hears nothing more', async (t) => {
  const recorder = new RunRecorder(createClock());
  const { res, reply } = stalledReply();
  new RunFeeds().serve(reply, recorder);
  for (let i = 0; i < 10_000 && !res.destroyed; i++) {
    recorder.begin({
      kind: 'InvokeFlow',
      executionId: `r${i}`,
      account: '1',
      region: 'r',
      flowId: 'F',
      flowAliasId: 'A',
      flowVersion: 'DRAFT',
      caller: 'c',
      input: 'z'.repeat(4000),
    });
  }
  t.ok(res.destroyed, 'dropped');
  t.ok(res.writableLength <= FEED_MAX_BUFFERED_BYTES + 8 * 1024, `${res.writableLength} bytes held at most`);
  const count = res.written.length;
  recorder.begin({
    kind: 'InvokeFlow',
    executionId: 'later',
    account: '1',
    region: 'r',
    flowId: 'F',
    flowAliasId: 'A',
    flowVersion: 'DRAFT',
    caller: 'c',
    input: 1,
  });
  t.equal(res.written.length, count, 'unsubscribed');
});

t.test('closing the server ends an open feed instead of waiting for it', async (t) => {
  const emu = await startEmulator({ port: 0, logLevel: 'silent' });
  // Wrapped: a promise resolved with a promise would wait for that one.
  const { ended } = await new Promise<{ ended: Promise<void> }>((resolve, reject) => {
    const req = request(`${emu.url}/_emulator/runs/events`, (res) => {
      res.resume();
      resolve({ ended: new Promise<void>((done) => res.on('close', () => done())) });
    });
    req.on('error', reject);
    req.end();
  });
  // Were the feed left open, the server would wait out the whole drain (longer than tap's timeout) for it.
  await emu.close({ drainMs: 60_000 });
  await ended;
  t.pass('the feed ended with the server');
});
