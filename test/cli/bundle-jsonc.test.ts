/**
 * The built bundle (what `npm start` and the image run) reads JSONC and imports handler modules: jsonc-parser's
 * UMD `main` does not survive bundling (scripts/bundle.mjs aliases its ES build), and only a run of the bundle
 * shows it. Skipped when dist/ is not built (CI builds it in `npm ci`'s prepare).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';

const BUNDLE = join(import.meta.dirname, '../../dist/cli.bundle.mjs');

t.test(
  'the bundle validates a JSONC flow against a JSONC fixture with a handler',
  { skip: existsSync(BUNDLE) ? false : 'needs a built dist/' },
  async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'bfe-bundle-'));
    mkdirSync(join(dir, 'handlers'));
    writeFileSync(join(dir, 'handlers', 'classify.mjs'), 'export const handler = async () => ({});\n');
    writeFileSync(
      join(dir, 'world.jsonc'),
      '{\n  // one function\n  "lambdaFunctions": [{ "name": "classify", "handler": "./handlers/classify.mjs", }],\n}\n',
    );
    writeFileSync(join(dir, 'flow.jsonc'), '{ "nodes": [], /* empty */ "connections": [], }');
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [
      BUNDLE,
      'validate',
      join(dir, 'flow.jsonc'),
      '--fixtures',
      join(dir, 'world.jsonc'),
    ]).catch((err: { stdout: string; stderr: string }) => ({ stdout: `${err.stdout}${err.stderr}` }));
    t.match(stdout, /error\(s\)/, 'validate ran to its summary');
    t.notMatch(stdout, /Cannot find module|invalid fixture|not valid JSON/);
  },
);
