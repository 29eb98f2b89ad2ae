/**
 * `npm test` runs every test/**\/*.test.ts exactly once: tap runs the suites (test/*.suite.ts, each importing the
 * test files of its folders) and, one process each, the files of the folders package.json "tap" → "include" names.
 * tap's own listing is the truth for the second part: its default `exclude` once skipped folders named fixtures and
 * hid test/fixtures/*.test.ts from the suite (package.json "tap" → "exclude" replaces it).
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { testFilesIn } from '../helpers/suite.js';

const ROOT = join(import.meta.dirname, '../..');

/** The folders a suite imports from: its `import(`./<folder>/${name}.test.ts`)` lines. */
function suiteFolders(suite: string): string[] {
  const source = readFileSync(join(ROOT, suite), 'utf8');
  return [...source.matchAll(/testFilesIn\('([^']+)'\)\) await import\(`\.\/([^/]+)\/\$\{name\}\.test\.ts`\)/g)].map(
    ([, listed, imported]) => {
      if (listed !== imported) throw new Error(`${suite} lists ${listed} but imports from ${imported}`);
      return listed!;
    },
  );
}

t.test('every test file under test/ runs exactly once, in a suite or in a process of its own', async (t) => {
  const tapPackage = createRequire(import.meta.url).resolve('tap/package.json');
  const { stdout } = await promisify(execFile)(process.execPath, [join(dirname(tapPackage), 'dist/esm/run.mjs'), 'list'], { cwd: ROOT });
  const listed = stdout.split('\n').filter(Boolean);
  const suites = listed.filter((f) => f.endsWith('.suite.ts'));
  t.ok(suites.length > 0, 'tap runs the suites');
  const inSuites = suites.flatMap((suite) =>
    suiteFolders(suite).flatMap((folder) => testFilesIn(folder).map((n) => `test/${folder}/${n}.test.ts`)),
  );
  const run = [...listed.filter((f) => !f.endsWith('.suite.ts')), ...inSuites].sort();
  const files = readdirSync(join(ROOT, 'test'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `test/${f.replaceAll('\\', '/')}`)
    .sort();
  t.same(run, files, 'each file once: none left out, none run twice');
  t.ok(inSuites.includes('test/fixtures/jsonc.test.ts'));
  t.ok(inSuites.includes('test/flows/executor/plan.test.ts'), 'a suite reaches the test files of subfolders');
});
