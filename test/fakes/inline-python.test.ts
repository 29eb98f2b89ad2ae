import t from 'tap';
import { runPython } from '../../src/fakes/inline-python.js';

t.test('the inputs are variables; the last line, if an expression, is the result; prints do not interfere', async (t) => {
  t.same(await runPython('print("x")\ny = n + 1\n{"y": y, "s": s.upper()}', { n: 1, s: 'a' }, 10_000), {
    ok: true,
    value: { y: 2, s: 'A' },
  });
  t.same(await runPython('x = 1', {}, 10_000), { ok: true, value: null }, 'an assignment last: no value');
  t.same(
    await runPython('import datetime\ndatetime.date(2024, 1, 2)', {}, 10_000),
    { ok: true, value: '2024-01-02' },
    'not JSON: its text',
  );
});

t.test('errors and timeouts', async (t) => {
  t.same(await runPython('1/0', {}, 10_000), { ok: false, reason: 'error', message: 'ZeroDivisionError: division by zero' });
  t.match(await runPython('def broken(:', {}, 10_000), { ok: false, reason: 'error', message: /SyntaxError/ });
  t.same(await runPython('while True: pass', {}, 300), {
    ok: false,
    reason: 'timeout',
    message: 'The code did not finish within 0.3 seconds.',
  });
});

t.test('without python3 on the PATH the failure says so', async (t) => {
  const path = process.env.PATH;
  process.env.PATH = '/nonexistent';
  t.teardown(() => void (process.env.PATH = path));
  t.same(await runPython('1', {}, 1000), { ok: false, reason: 'missing', message: 'python3 was not found on the PATH of the emulator.' });
});
