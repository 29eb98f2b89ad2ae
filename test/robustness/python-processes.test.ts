/**
 * The per-emulator python3 registry on its own: past the running cap runs queue, past the queue they are refused;
 * a queued run can be cancelled or time out without ever starting a child; close() refuses the queue and kills
 * the running. Children are counted from /proc.
 */
import { spawnSync } from 'node:child_process';
import t from 'tap';
import { PythonProcesses, type OnCancel } from '../../src/fakes/python-processes.js';
import { createClock } from '../../src/world/clock.js';
import { canListChildren, eventually, livePythonChildren } from './child-processes.js';

if (spawnSync('python3', ['--version']).status !== 0 || !canListChildren) {
  t.plan(0, 'needs python3 and /proc');
  process.exit(0);
}

const LIMITS = { timeoutMs: 20_000, maxOutputBytes: 1024 };
const SLEEP = 'import time\ntime.sleep(60)';

/** A cancel handle, as a flow run's stop signal gives one. */
function canceller(): { onCancel: OnCancel; cancel(): void } {
  let stop: (() => void) | undefined;
  return { onCancel: (s) => void (stop = s), cancel: () => stop?.() };
}

t.test('one running, one queued, the next refused; cancelling the queued one starts nothing', async (t) => {
  const pool = new PythonProcesses(createClock(), { maxRunning: 1, maxWaiting: 1 });
  t.teardown(() => pool.close());
  const first = canceller();
  const running = pool.run(SLEEP, {}, LIMITS, first.onCancel);
  const second = canceller();
  const queued = pool.run('1', {}, LIMITS, second.onCancel);
  t.same(await pool.run('1', {}, LIMITS), {
    ok: false,
    reason: 'busy',
    message: '1 InlineCode runs are running and 1 are waiting, the most this emulator allows.',
  });
  t.ok(await eventually(() => livePythonChildren().length === 1), 'one child');
  t.equal(pool.queued, 1);
  second.cancel();
  t.match(await queued, { ok: false, reason: 'cancelled' });
  t.equal(pool.queued, 0);
  first.cancel();
  t.match(await running, { ok: false, reason: 'cancelled' });
  t.ok(await eventually(() => livePythonChildren().length === 0), 'the child is gone');
  t.same(await pool.run('6 * 7', {}, LIMITS), { ok: true, value: 42 }, 'the slot is free again');
});

t.test('a queued run times out on the same clock as a running one', async (t) => {
  const pool = new PythonProcesses(createClock(), { maxRunning: 1, maxWaiting: 4 });
  t.teardown(() => pool.close());
  const running = pool.run(SLEEP, {}, { ...LIMITS, timeoutMs: 3_000 });
  t.match(await pool.run('1', {}, { ...LIMITS, timeoutMs: 200 }), {
    ok: false,
    reason: 'timeout',
    message: /did not start within 0.2 seconds/,
  });
  pool.close();
  t.match(await running, { ok: false, reason: 'stopped' });
});

t.test('close() kills the running, refuses the queued and every later run', async (t) => {
  const exitHooks = process.listenerCount('exit');
  const pool = new PythonProcesses(createClock(), { maxRunning: 2, maxWaiting: 2 });
  const runs = [pool.run(SLEEP, {}, LIMITS), pool.run(SLEEP, {}, LIMITS), pool.run('1', {}, LIMITS)];
  t.ok(await eventually(() => livePythonChildren().length === 2), 'two children');
  t.equal(process.listenerCount('exit'), exitHooks + 1, 'one exit hook while children live');
  pool.close();
  for (const r of await Promise.all(runs)) t.match(r, { ok: false, reason: 'stopped', message: 'The emulator is stopping.' });
  t.ok(await eventually(() => livePythonChildren().length === 0), 'no child left');
  t.match(await pool.run('1', {}, LIMITS), { ok: false, reason: 'stopped' });
  t.equal(process.listenerCount('exit'), exitHooks, 'no exit hook left behind');
});
