/**
 * The README's code runs as printed: its TypeScript blocks are extracted, pointed at the package's source (and, for
 * the local-development block, at a live emulator instead of port 5050), and run. A README that rots fails here.
 * They run under the suite's own TypeScript loader (test/loader/register.mjs, docs/testing.md) rather than tsx: a
 * snippet file is rewritten only when the README changes, so its cached bundle serves the next run (tsx transforms
 * some 200 modules on every run, about 1 s of CPU more per snippet).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { withEmulator } from '../helpers/emulator.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const tsBlocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
// Inside the repository (so that its node_modules resolve), in a folder git ignores.
const DIR = join(ROOT, '.tap', 'readme-snippets');
mkdirSync(DIR, { recursive: true });

function snippet(name: string, find: (code: string) => boolean): string {
  const code = tsBlocks.find(find);
  if (code === undefined) throw new Error(`README.md has no TypeScript block for ${name}`);
  return code.replaceAll("from 'bedrock-flows-emulator'", `from ${JSON.stringify(join(ROOT, 'src/index.ts'))}`);
}

async function runSnippet(name: string, code: string, extraEnv: NodeJS.ProcessEnv = {}) {
  const file = join(DIR, `${name}.ts`);
  // Unchanged text keeps the file's mtime, and with it the loader's cached bundle.
  if (!existsSync(file) || readFileSync(file, 'utf8') !== code) writeFileSync(file, code);
  const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', TAP: '', ...extraEnv };
  return run(process.execPath, ['--import', './test/loader/register.mjs', file], { cwd: ROOT, env });
}

t.test('"Use it for local development": the SDK snippet lists the flows', async (t) => {
  const { emu } = await withEmulator(t);
  const code = snippet('local development', (c) => c.includes('new ListFlowsCommand({})') && !c.includes('startEmulator'));
  t.match(code, "'http://127.0.0.1:5050'", 'the snippet names the default endpoint');
  const { stdout } = await runSnippet(
    'local-development',
    // The live emulator's URL from the environment: the file's text (and its cached bundle) stays the same across runs.
    `${code.replace("'http://127.0.0.1:5050'", 'process.env.BFE_SNIPPET_ENDPOINT')}\nagent.destroy();\nruntime.destroy();\n`,
    { BFE_SNIPPET_ENDPOINT: emu.url },
  );
  t.match(stdout, /flowSummaries/);
  t.match(stdout, /playlist/);
});

t.test('"Use it in contract tests": the tap test passes as printed', async (t) => {
  const code = snippet('contract tests', (c) => c.includes('startEmulator') && c.includes("from 'tap'"));
  const { stdout } = await runSnippet('contract-test', code);
  // Run by node alone, a tap file prints TAP and exits non-zero when a test fails (execFile then rejects).
  const plan = /^1\.\.(\d+)$/m.exec(stdout);
  t.ok(plan && Number(plan[1]) > 0, 'its tests ran');
  t.equal(stdout.match(/^ok \d+ - /gm)?.length, Number(plan?.[1]), 'and every one passed');
});
