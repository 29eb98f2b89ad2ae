/**
 * The test processes' TypeScript loader (test/loader/register.mjs): a test file runs as one bundle, yet each of its
 * modules keeps its own import.meta, plain .mjs modules stay shared with what the code imports by path, and an edit
 * to any input rebuilds the bundle.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import t from 'tap';

const ROOT = join(import.meta.dirname, '../..');
const run = promisify(execFile);

/** Runs `entry` the way tap runs a test file (package.json "tap" → "node-arg") and parses what it prints. */
async function probe(entry: string) {
  const { stdout } = await run(process.execPath, ['--import=./test/loader/register.mjs', entry], {
    cwd: ROOT,
    env: { ...process.env, NODE_V8_COVERAGE: '' },
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

const files = {
  'entry.ts': [
    "import { helperMeta, value } from './lib/helper.js';",
    "import { counter } from './side.mjs';",
    "const side = await import(new URL('./side.mjs', import.meta.url).href);",
    'counter.n++;',
    'const typed: number = value;',
    'console.log(JSON.stringify({ entry: import.meta.url, helper: helperMeta, value: typed, shared: side.counter.n }));',
  ].join('\n'),
  lib: {
    'helper.ts': [
      'export const value: number = 1;',
      'export const helperMeta = { url: import.meta.url, dirname: import.meta.dirname, filename: import.meta.filename };',
    ].join('\n'),
  },
  'side.mjs': 'export const counter = { n: 0 };\n',
};

t.test('a bundled entry: each module its own import.meta, .mjs modules shared', async (t) => {
  const dir = t.testdir(files);
  const out = await probe(join(dir, 'entry.ts'));
  const helper = join(dir, 'lib', 'helper.ts');
  t.equal(out.entry, pathToFileURL(join(dir, 'entry.ts')).href);
  t.same(out.helper, { url: pathToFileURL(helper).href, dirname: join(dir, 'lib'), filename: helper });
  t.equal(out.value, 1);
  t.equal(out.shared, 1, 'the entry and the import() by URL see one side.mjs');
});

t.test('an edit to an imported module rebuilds the cached bundle', async (t) => {
  const dir = t.testdir(files);
  const entry = join(dir, 'entry.ts');
  t.equal((await probe(entry)).value, 1);
  t.equal((await probe(entry)).value, 1, 'from the cache');
  const helper = join(dir, 'lib', 'helper.ts');
  writeFileSync(helper, readFileSync(helper, 'utf8').replace('value: number = 1', 'value: number = 22'));
  t.equal((await probe(entry)).value, 22);
});

t.test('a suite: a pattern import bundles every matching file, and a file added to the folder rebuilds it', async (t) => {
  const dir = t.testdir({
    'entry.ts': [
      "import { readdirSync } from 'node:fs';",
      "const names = readdirSync(new URL('./cases/', import.meta.url)).filter((f) => f.endsWith('.case.ts')).sort();",
      'const seen: string[] = [];',
      'for (const f of names) seen.push((await import(`./cases/${f.slice(0, -8)}.case.ts`)).name);',
      'console.log(JSON.stringify({ seen }));',
    ].join('\n'),
    cases: { 'a.case.ts': "export const name = 'a';\n", 'b.case.ts': "export const name = 'b';\n" },
  });
  const entry = join(dir, 'entry.ts');
  t.same((await probe(entry)).seen, ['a', 'b']);
  t.same((await probe(entry)).seen, ['a', 'b'], 'from the cache');
  writeFileSync(join(dir, 'cases', 'c.case.ts'), "export const name = 'c';\n");
  t.same((await probe(entry)).seen, ['a', 'b', 'c'], 'the new file is in the rebuilt bundle');
});
