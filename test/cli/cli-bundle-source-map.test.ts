/**
 * The CLI bundle the tests spawn (test/helpers/cli-bundle.ts) is built in a scratch folder and moved into
 * .test-cache/cli/: its source map must still name the real files, or the children's stack traces, and under
 * `npm run test:coverage` their coverage, point one folder too high (/…/src/cli.ts beside the package root).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import t from 'tap';
import { cliBundle, ROOT } from '../helpers/cli-bundle.js';

function sourceMapOf(bundle: string): { sources: string[]; sourceRoot?: string } {
  const code = readFileSync(bundle, 'utf8');
  const inline = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/.exec(code);
  if (inline) return JSON.parse(Buffer.from(inline[1]!, 'base64').toString('utf8'));
  return JSON.parse(readFileSync(`${bundle}.map`, 'utf8'));
}

t.test("the spawned CLI's source map names the repository's files where they are, src/cli.ts among them", async (t) => {
  const bundle = await cliBundle();
  const map = sourceMapOf(bundle);
  const files = map.sources.map((s) => resolve(dirname(bundle), map.sourceRoot ?? '', s));
  t.ok(files.includes(resolve(ROOT, 'src/cli.ts')), 'src/cli.ts, under the package root');
  // Some packages' own maps name TypeScript sources they do not ship (ret, cookie): only ours must exist.
  t.same(
    files.filter((f) => !f.includes('/node_modules/') && !existsSync(f)),
    [],
    'none of the repository sources is missing',
  );
});
