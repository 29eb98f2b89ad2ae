/**
 * A run of synchronous nodes lets the event loop in between nodes once it has held it for a time slice, so a
 * long run cannot starve other requests. With a zero slice, a setImmediate queued before the run must fire while
 * the run is still going.
 */
import t from 'tap';
import { echoLoopFlow } from '../flows/fixtures.js';
import { run } from '../flows/executor/harness.js';

t.test('a run of synchronous nodes yields to the event loop between nodes', async (t) => {
  let finished = false;
  let sawRunGoing = false;
  setImmediate(() => (sawRunGoing = !finished));
  const ran = await run(echoLoopFlow(50), 'hello', { trace: false, limits: { timeSliceMs: 0 } });
  finished = true;
  t.equal(ran.result.kind, 'completed', 'the run completes');
  t.ok(sawRunGoing, 'a macrotask ran before the run ended');
});
