// Module hooks (https://nodejs.org/api/module.html#customization-hooks) that load a .ts entry file as one bundle.
// Only test entry files reach `load` as .ts: everything they import from the repository is inside their bundle.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inputsUnchanged, signaturesOf } from './input-signatures.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = join(ROOT, '.test-cache', 'bundles');
// A change to this file (the esbuild options) or of esbuild's version invalidates every cached bundle.
const ESBUILD_VERSION = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'esbuild', 'package.json'), 'utf8')).version;
const SELF = createHash('sha1')
  .update(readFileSync(fileURLToPath(import.meta.url)))
  .update(ESBUILD_VERSION)
  .digest('hex')
  .slice(0, 12);

function cached(key) {
  if (!inputsUnchanged(ROOT, join(CACHE, `${key}.json`))) return undefined;
  try {
    return readFileSync(join(CACHE, `${key}.mjs`), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Bundled modules share one import.meta, the entry's. Each module that uses it gets its own import.meta.url, dirname
 * and filename as constants (esbuild's `define` points the expressions at them), so the paths tests and
 * src/package-root.ts compute from them stay what they are when every module is loaded on its own.
 */
const IMPORT_META = { url: '__bundleMetaUrl', dirname: '__bundleMetaDirname', filename: '__bundleMetaFilename' };
const plugin = {
  name: 'bundle-typescript-only',
  setup(build) {
    // Plain JavaScript modules stay modules of their own: the emulator imports Lambda handlers (.mjs) by path at run
    // time, and a test that imports the same handler must see the same module (test/robustness/load.test.ts: counters).
    build.onResolve({ filter: /^\.\.?\/.*\.[cm]js$/ }, (args) => ({
      path: pathToFileURL(join(args.resolveDir, args.path)).href,
      external: true,
    }));
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
      if (args.path.includes(join('node_modules', ''))) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta')) return undefined;
      const values = { url: pathToFileURL(args.path).href, dirname: dirname(args.path), filename: args.path };
      const constants = Object.entries(IMPORT_META).map(([k, name]) => `const ${name} = ${JSON.stringify(values[k])};`);
      return { contents: `${constants.join(' ')}\n${source}`, loader: /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js' };
    });
  },
};

async function bundle(file) {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [file],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    sourcemap: 'inline',
    sourcesContent: false,
    // Without an outfile the map's sources are relative to absWorkingDir; the root makes them point at the .ts files
    // from the bundle's URL (the test file's folder), so stack traces name test/…/x.ts, not test/contract/test/….
    sourceRoot: pathToFileURL(ROOT).href,
    logLevel: 'silent',
    absWorkingDir: ROOT,
    define: Object.fromEntries(Object.entries(IMPORT_META).map(([k, name]) => [`import.meta.${k}`, name])),
    plugins: [plugin],
  });
  return { code: result.outputFiles[0].text, inputs: Object.keys(result.metafile.inputs) };
}

/** Each folder's nearest package.json "type" (folders only grow in number as the test imports more). */
const packageTypes = new Map();
function packageType(dir) {
  let type = packageTypes.get(dir);
  if (type !== undefined) return type;
  try {
    type = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).type ?? 'commonjs';
  } catch {
    const parent = dirname(dir);
    type = parent === dir ? 'commonjs' : packageType(parent);
  }
  packageTypes.set(dir, type);
  return type;
}

export async function load(url, context, nextLoad) {
  // With module hooks registered, every require() inside CommonJS reached through import (the AWS SDK's hundreds of
  // files) is loaded through this chain, and Node parses each type-less .js file to detect its module format
  // (https://nodejs.org/api/packages.html#syntax-detection): most of the hooks' cost. The package's "type" decides
  // for require()d files instead, as it does without hooks.
  if (context.format == null && url.startsWith('file:') && url.endsWith('.js') && context.conditions?.includes('require')) {
    return nextLoad(url, { ...context, format: packageType(dirname(fileURLToPath(url))) === 'module' ? 'module' : 'commonjs' });
  }
  if (!url.startsWith('file:') || !/\.[cm]?ts$/.test(new URL(url).pathname)) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const name = relative(ROOT, file).replace(/[\\/]/g, '__');
  const key = `${name}-${SELF}`;
  let code = cached(key);
  if (code === undefined) {
    const built = await bundle(file);
    code = built.code;
    // The metafile's paths are relative to absWorkingDir, the package root.
    // tsconfig.json steers esbuild's TypeScript transform without being one of its inputs. The folders of the inputs
    // are inputs too: a suite (test/*.suite.ts) imports its folders' test files through a pattern, so a file added
    // to one of them (which changes the folder's mtime) must rebuild the suite.
    const folders = new Set(built.inputs.map((i) => dirname(i)));
    const inputs = signaturesOf(ROOT, [...built.inputs, ...folders, 'tsconfig.json']);
    mkdirSync(CACHE, { recursive: true });
    const tmp = join(CACHE, `${key}.${process.pid}.tmp`);
    writeFileSync(`${tmp}.mjs`, code);
    renameSync(`${tmp}.mjs`, join(CACHE, `${key}.mjs`));
    writeFileSync(`${tmp}.json`, JSON.stringify({ inputs }));
    renameSync(`${tmp}.json`, join(CACHE, `${key}.json`));
    // The same file's bundles from an older loader or esbuild go: a bundle with its source map is about a megabyte.
    for (const stale of readdirSync(CACHE)) {
      if (stale.startsWith(`${name}-`) && !stale.startsWith(key)) rmSync(join(CACHE, stale), { force: true });
    }
  }
  return { format: 'module', source: code, shortCircuit: true };
}
