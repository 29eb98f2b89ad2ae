/**
 * `import … from 'bedrock-flows-emulator'` and a start load a handful of files, not hundreds: the package entry is
 * one bundle (scripts/bundle.mjs), and what it leaves external is only pino (undici loads on first URL Lambda).
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
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: { '.': { default: string } } };
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

/** Imports the package by its name (as a user does), starts and stops it, and prints the CommonJS files loaded. */
const CHILD = `
import { register, createRequire } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(process.env.HOOKS), import.meta.url, { data: process.env.LOG });
const { startEmulator } = await import('bedrock-flows-emulator');
const emu = await startEmulator({ port: 0 });
await emu.close();
console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)));`;

t.test('importing the package and starting it loads few files', { skip: existsSync(ENTRY) ? false : 'needs a built dist/' }, async (t) => {
  const log = join(mkdtempSync(join(tmpdir(), 'bfe-import-')), 'esm.log');
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', CHILD], {
    cwd: ROOT, // the package resolves its own name from inside it (package.json "exports")
    env: { ...process.env, HOOKS, LOG: log, NODE_OPTIONS: '' },
  });
  const esm = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const cjs = JSON.parse(stdout.trim().split('\n').pop()!) as string[];
  t.same(esm.filter((url) => url.includes('/dist/src/')), [], 'no compiled module outside the bundle');
  t.ok(esm.some((url) => url.endsWith(pkg.exports['.'].default.slice(1))), 'the package entry is what loaded');
  // pino's own files (~30) and slack for a dependency update; the unbundled entry loaded ~550.
  t.ok(esm.length + cjs.length <= 60, `${esm.length} ES modules + ${cjs.length} CommonJS files loaded (at most 60)`);
  t.same(cjs.filter((file) => /node_modules\/(ajv|fastify|@sinclair)\//.test(file)), [], 'fastify, ajv and typebox are inside the bundle');
});
