// Lays out what the image runs, in a folder of its own: the CLI bundle, the workbench (dist/ui), package.json, and only the packages the
// bundle leaves external (pino, ajv, undici…) with their own dependencies. Everything else is inside the bundle, so
// copying all production dependencies (24 MB) would ship fastify and typebox twice.
//
//   node scripts/runtime-files.mjs OUT      # after `npm run build`; OUT/ then holds dist/, node_modules/, package.json
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/runtime-files.mjs OUT');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const bundle = join(root, 'dist', 'cli.bundle.mjs');
const builtins = new Set(builtinModules);

/** The package name of a bare specifier (`ajv/dist/jtd` → `ajv`, `@a/b/c` → `@a/b`); undefined for built-ins. */
function packageOf(specifier) {
  if (specifier.startsWith('node:') || builtins.has(specifier.split('/')[0])) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Node's lookup: the nearest node_modules/NAME above the requiring package. */
function locate(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`runtime-files: cannot find ${name} from ${fromDir}`);
  }
}

// What the bundle loads at run time, as esbuild recorded it (scripts/bundle.mjs).
const externals = JSON.parse(readFileSync(join(root, 'dist', 'cli.bundle.externals.json'), 'utf8'));
const wanted = [...new Set(externals.map(packageOf).filter(Boolean))];

// The closure over `dependencies` (and the optional ones that are installed), as laid out in node_modules.
const copied = new Set();
const queue = wanted.map((name) => [name, root]);
while (queue.length > 0) {
  const [name, fromDir] = queue.shift();
  const dir = locate(name, fromDir);
  if (copied.has(dir)) continue;
  copied.add(dir);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  for (const dep of Object.keys(manifest.dependencies ?? {})) queue.push([dep, dir]);
  for (const dep of Object.keys(manifest.optionalDependencies ?? {})) {
    try {
      locate(dep, dir);
      queue.push([dep, dir]);
    } catch {
      // not installed on this platform: optional
    }
  }
}

mkdirSync(join(out, 'dist'), { recursive: true });
cpSync(bundle, join(out, 'dist', 'cli.bundle.mjs'));
// The workbench's files (scripts/bundle-ui.mjs), read by the server from dist/ui.
cpSync(join(root, 'dist', 'ui'), join(out, 'dist', 'ui'), { recursive: true });
cpSync(join(root, 'package.json'), join(out, 'package.json'));
for (const dir of copied) {
  // Nested node_modules of a copied package are copied by their own entry (when they are dependencies).
  cpSync(dir, join(out, dir.slice(root.length + 1)), {
    recursive: true,
    filter: (src) => src === dir || !src.startsWith(join(dir, 'node_modules')),
  });
}
writeFileSync(
  join(out, 'runtime-packages.txt'),
  [...copied]
    .map((d) => d.slice(root.length + 1))
    .sort()
    .join('\n') + '\n',
);
console.log(`runtime-files: bundle + ${copied.size} packages (${wanted.join(', ')} and their dependencies) in ${out}`);
