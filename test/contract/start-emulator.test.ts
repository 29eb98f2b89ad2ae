/** The in-process handle: `await using` closes it when the scope ends (Symbol.asyncDispose). */
import t from 'tap';
import { startEmulator } from '../../src/index.js';

t.test('await using closes the emulator at the end of the scope', async (t) => {
  let url = '';
  {
    await using emu = await startEmulator({ port: 0 });
    url = emu.url;
    t.equal((await fetch(`${url}/_emulator/health`)).status, 200, 'serving inside the scope');
  }
  await t.rejects(fetch(`${url}/_emulator/health`), 'closed after it');
});
