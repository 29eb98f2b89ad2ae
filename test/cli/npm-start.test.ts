/**
 * `npm start` in the background stops with a signal to npm (what a CI script's `kill %1` or a process manager
 * sends): npm's script shell must not leave the emulator running on its port. Runs the built bundle, as users do.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';

const ROOT = join(import.meta.dirname, '../..');
const npmCli = process.env.npm_execpath;

t.test(
  'SIGTERM to `npm start` stops the emulator and frees its port',
  { skip: !npmCli || !existsSync(join(ROOT, 'dist/cli.bundle.mjs')) ? 'needs npm and a built dist/' : false },
  async (t) => {
    const npm = spawn(process.execPath, [npmCli!, 'start', '--silent', '--', '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const port = await new Promise<number>((resolve, reject) => {
      npm.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
        if (m) resolve(Number(m[1]));
      });
      npm.once('exit', (code) => reject(new Error(`npm start exited ${code} before listening: ${output}`)));
    });
    t.equal((await fetch(`http://127.0.0.1:${port}/_emulator/health`)).status, 200, 'serving');

    const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
    npm.kill('SIGTERM');
    await exited;
    t.match(output, /SIGTERM: draining and stopping/, 'the emulator itself received the signal');
    // npm may exit before its child has closed the listener: wait (bounded) for the port to refuse.
    let refused = false;
    for (let i = 0; i < 100 && !refused; i++) {
      refused = await fetch(`http://127.0.0.1:${port}/_emulator/health`).then(
        () => false,
        () => true,
      );
      if (!refused) await new Promise((r) => setTimeout(r, 50));
    }
    t.ok(refused, 'nothing listens on the port any more');
  },
);
