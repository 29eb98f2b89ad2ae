/** `--drain-ms N` (src/cli/serve.ts): how long SIGTERM waits for in-flight requests; the SIGTERM tests run with a short one. */
import t from 'tap';
import { parse, SERVE_HELP } from '../../src/cli/serve.js';

t.test("--drain-ms N, or BFE_DRAIN_MS; the flag wins; 5 s by default, inside docker stop's 10 s", async (t) => {
  t.equal(parse([], {}).drainMs, 5_000);
  t.equal(parse(['--drain-ms', '250'], {}).drainMs, 250);
  t.equal(parse([], { BFE_DRAIN_MS: '1000' }).drainMs, 1_000);
  t.equal(parse(['--drain-ms', '0'], { BFE_DRAIN_MS: '1000' }).drainMs, 0, 'the flag wins');
  t.throws(() => parse(['--drain-ms', 'soon'], {}), { message: "--drain-ms must be a non-negative integer, got 'soon'" });
  t.throws(() => parse(['--drain-ms=-1'], {}), { message: "--drain-ms must be a non-negative integer, got '-1'" });
  t.match(SERVE_HELP, /--drain-ms N[\s\S]*\(BFE_DRAIN_MS; default 5000/);
});
