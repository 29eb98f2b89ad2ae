/**
 * The CLI (src/cli.ts) bundled into one ES module with the release bundle's esbuild options. Spawning `node` on it
 * starts in a fraction of what `node --import tsx src/cli.ts` takes, where tsx loads and transforms some 200 modules
 * on every spawn; built from src/, it can never be stale as dist/ can. Built once and cached in .test-cache/cli/ like
 * the test files' own bundles (test/loader/bundle-hooks.mjs, docs/testing.md): valid while the size and mtime of
 * every input are unchanged, so the files that spawn the CLI do not each pay an esbuild run of the whole CLI.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build, version as esbuildVersion } from 'esbuild';
import { CLI_BUNDLE_OPTIONS } from '../../scripts/bundle-options.mjs';
import { inputsUnchanged, signaturesOf } from '../loader/input-signatures.mjs';

export const ROOT = join(import.meta.dirname, '../..');
// Under the package root (gitignored), where the CLI finds package.json and fixtures/.
const CACHE = join(ROOT, '.test-cache', 'cli');

// An inline source map only when coverage is collected: it maps the children's coverage back to src/, and it makes
// the bundle three times as large (13 MB) for every spawn to read. Otherwise a linked one, which Node reads only
// with --enable-source-maps.
const COVERAGE = process.env.NODE_V8_COVERAGE !== undefined;
const SOURCEMAP = COVERAGE ? 'inline' : 'linked';

/** The cache key: the build's options, this file (how it builds) and esbuild's version. */
function cacheKey(): string {
  const hash = createHash('sha1')
    .update(JSON.stringify(CLI_BUNDLE_OPTIONS))
    .update(readFileSync(join(import.meta.dirname, 'cli-bundle.ts')))
    .update(esbuildVersion)
    .update(SOURCEMAP)
    .digest('hex')
    .slice(0, 12);
  return `cli-${SOURCEMAP}-${hash}`;
}

/**
 * The package's dependencies but jsonc-parser, whose ES module build imports its own files without extensions, which
 * Node's resolver refuses: it is bundled (test/cli/bundle-jsonc.test.ts).
 */
function coverageExternals(): string[] {
  const { dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  return Object.keys(dependencies).filter((name) => name !== 'jsonc-parser');
}

function fresh(key: string): boolean {
  return existsSync(join(CACHE, `${key}.mjs`)) && inputsUnchanged(ROOT, join(CACHE, `${key}.json`));
}

async function rebuild(key: string): Promise<void> {
  // Test files run in parallel: each builds in a folder of its own and renames into place (atomic on one
  // filesystem). Same name, same depth (a sibling of the cache folder, not a folder inside it): the source map's
  // comment and relative paths (../../src/…) hold after the move.
  const tmp = join(ROOT, '.test-cache', `cli-tmp-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  mkdirSync(CACHE, { recursive: true });
  try {
    const result = await build({
      ...CLI_BUNDLE_OPTIONS,
      entryPoints: [join(ROOT, 'src/cli.ts')],
      outfile: join(tmp, `${key}.mjs`),
      absWorkingDir: ROOT,
      sourcemap: SOURCEMAP,
      // Under coverage the dependencies stay outside the bundle: its inline map would otherwise report every bundled
      // node_modules file (fastify, yaml…) as uncovered source; loaded from node_modules, tap leaves them out.
      ...(COVERAGE ? { external: coverageExternals() } : {}),
      metafile: true,
      logLevel: 'error',
    });
    // tsconfig.json steers esbuild's TypeScript transform; package.json holds the version the CLI prints.
    const inputs = [...Object.keys(result.metafile.inputs), 'tsconfig.json', 'package.json'];
    writeFileSync(join(tmp, `${key}.json`), JSON.stringify({ inputs: signaturesOf(ROOT, inputs) }));
    // The description of the bundle last, once the bundle it describes is in place.
    for (const name of [`${key}.mjs.map`, `${key}.mjs`, `${key}.json`]) {
      if (readdirSync(tmp).includes(name)) renameSync(join(tmp, name), join(CACHE, name));
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  // Bundles of an older build (other options or esbuild) go: each is several megabytes. Those of the other source
  // map mode stay: a coverage run and a plain one may be running at once in one checkout, each spawning its own.
  for (const stale of readdirSync(CACHE)) {
    const otherMode = /^cli-(inline|linked)-/.test(stale) && !stale.startsWith(`cli-${SOURCEMAP}-`);
    if (!otherMode && !stale.startsWith(key)) rmSync(join(CACHE, stale), { force: true });
  }
}

let built: Promise<string> | undefined;

/** The bundle's path, built if no cached one is fresh. */
export function cliBundle(): Promise<string> {
  built ??= (async () => {
    const key = cacheKey();
    if (!fresh(key)) await rebuild(key);
    return join(CACHE, `${key}.mjs`);
  })();
  return built;
}

const execFileAsync = promisify(execFile);

/** Runs the CLI with `args` to its exit: resolves with its output, rejects (with `code`, `stdout`, `stderr`) on a non-zero status. */
export async function runCli(args: string[]) {
  return execFileAsync(process.execPath, [await cliBundle(), ...args]);
}
