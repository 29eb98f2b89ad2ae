/** examples/playlist.mjs, run as a user would (a child process, AWS_ENDPOINT_URL set) against an in-process emulator. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { startEmulator } from '../../src/index.js';

const SCRIPT = fileURLToPath(new URL('../../examples/playlist.mjs', import.meta.url));

/** The parent's AWS_* settings (a profile, real keys) must not leak into the example. */
function exampleEnv(endpoint: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
  return { ...env, AWS_ENDPOINT_URL: endpoint, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
}

t.test('examples/playlist.mjs creates, prepares, publishes, invokes and deletes the playlist flow', async (t) => {
  const emu = await startEmulator({ port: 0 });
  t.teardown(() => emu.close());
  const flowsBefore = emu.state().flows?.length;

  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [SCRIPT], { env: exampleEnv(emu.url), timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
  t.comment(stdout + stderr);

  // The control plane.
  t.match(stdout, /^flow created: [A-Z0-9]{10} \(NotPrepared\)$/m);
  t.match(stdout, /^flow prepared: Prepared$/m);
  t.match(stdout, /^version created: 1$/m);
  t.match(stdout, /^alias created: [A-Z0-9]{10} \(live → version 1\)$/m);
  t.match(stdout, /^flow deleted$/m);
  t.equal(emu.state().flows?.length, flowsBefore, 'the example cleans up after itself');

  // InvokeFlow through the alias, served by routes/invoke-flow.ts. Deliberately no skip when it is missing: the
  // runtime call would answer UnknownOperationException, the script exit 1, and these assertions fail.
  const invoked = 'InvokeFlow (routes/invoke-flow.ts) streams the playlist and a SUCCESS completion';
  t.match(
    stdout,
    'invoking with {"genre":"pop","number":3}\noutput from FlowOutput:\n1. Song A\n2. Song B\n3. Song C\ncompletion: SUCCESS\n',
    invoked,
  );
  t.equal(code, 0, `${invoked}: exit code`);
  t.equal(stderr, '', `${invoked}: nothing on stderr`);
});
