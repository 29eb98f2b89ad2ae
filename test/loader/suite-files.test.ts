/**
 * `npm test` runs every test/**\/*.test.ts, found by tap's own listing: tap's default `exclude` skips folders named
 * fixtures, which hid test/fixtures/*.test.ts from the suite (package.json "tap" → "exclude" replaces it).
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';

const ROOT = join(import.meta.dirname, '../..');

t.test('tap lists every test file under test/', async (t) => {
  const tapPackage = createRequire(import.meta.url).resolve('tap/package.json');
  const { stdout } = await promisify(execFile)(process.execPath, [join(dirname(tapPackage), 'dist/esm/run.mjs'), 'list'], { cwd: ROOT });
  const listed = stdout.split('\n').filter(Boolean).sort();
  const files = readdirSync(join(ROOT, 'test'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `test/${f.replaceAll('\\', '/')}`)
    .sort();
  t.same(listed, files);
  t.ok(files.includes('test/fixtures/jsonc.test.ts'));
});
