/**
 * `import … from 'bedrock-flows-emulator'` and a start load a handful of files, not hundreds: the package entry is
 * one bundle (scripts/bundle.mjs), and what it leaves external, undici, loads only for a URL Lambda.
 * Counted, not timed: every file Node loads is the cost the issue measured (~450 ms CPU before the bundle), and a
 * count does not depend on how busy the machine is. Skipped when dist/ is not built (CI builds it in `npm ci`).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';

const ROOT = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  exports: { '.': { default: string } };
  bin: Record<string, string>;
};
const ENTRY = join(ROOT, pkg.exports['.'].default);

/** Module hooks (run in their own thread) log every ES module Node loads, synchronously, to the file in `data`. */
const HOOKS = `
import { appendFileSync } from 'node:fs';
let log;
export function initialize(file) { log = file; }
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(log, url + '\\n');
  return next(url, context);
}`;

/**
 * Imports the package by its name (as a user does), starts and stops it, and prints the CommonJS files that loaded
 * meanwhile (not those preloaded before: tap's process hooks follow it into children).
 */
const CHILD = `
import { register, createRequire } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(process.env.HOOKS), import.meta.url, { data: process.env.LOG });
const cache = createRequire(import.meta.url).cache;
const preloaded = new Set(Object.keys(cache));
const { startEmulator } = await import('bedrock-flows-emulator');
const emu = await startEmulator({ port: 0 });
await emu.close();
console.log(JSON.stringify(Object.keys(cache).filter((file) => !preloaded.has(file))));`;

t.test('importing the package and starting it loads few files', { skip: existsSync(ENTRY) ? false : 'needs a built dist/' }, async (t) => {
  const log = join(mkdtempSync(join(tmpdir(), 'bfe-import-')), 'esm.log');
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', CHILD], {
    cwd: ROOT, // the package resolves its own name from inside it (package.json "exports")
    env: { ...process.env, HOOKS, LOG: log, NODE_OPTIONS: '' },
  });
  const esm = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const cjs = JSON.parse(stdout.trim().split('\n').pop()!) as string[];
  t.same(
    esm.filter((url) => url.includes('/dist/src/')),
    [],
    'no compiled module outside the bundle',
  );
  t.ok(
    esm.some((url) => url.endsWith(pkg.exports['.'].default.slice(1))),
    'the package entry is what loaded',
  );
  // The unbundled entry loaded 470 ES modules and 289 CommonJS files (pino's, ajv's, fastify's…).
  t.ok(esm.length <= 3, `${esm.length} ES modules loaded (at most 3)`);
  t.same(cjs, [], 'no CommonJS file: fastify, ajv, pino and typebox are inside the bundle');
});

t.test('the installed command is the CLI bundle', { skip: existsSync(ENTRY) ? false : 'needs a built dist/' }, async (t) => {
  const log = join(mkdtempSync(join(tmpdir(), 'bfe-import-')), 'esm.log');
  const bin = join(ROOT, pkg.bin['bedrock-flows-emulator']!);
  const register = `import { register } from 'node:module'; register('data:text/javascript,' + encodeURIComponent(process.env.HOOKS), import.meta.url, { data: process.env.LOG });`;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(register)}`, bin, '--version'],
    {
      env: { ...process.env, HOOKS, LOG: log, NODE_OPTIONS: '' },
    },
  );
  t.match(stdout, /^\d+\.\d+\.\d+/, 'it runs');
  const esm = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  t.same(
    esm.filter((url) => url.includes('/dist/src/')),
    [],
    'no compiled module outside the bundle',
  );
});
