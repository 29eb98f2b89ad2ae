// Bundles the compiled CLI into one file: loading one module instead of hundreds roughly halves start-up (the
// bench's start-to-healthy goal). The esbuild options are in bundle-options.mjs (the tests bundle src/ with them).
import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { CLI_BUNDLE_OPTIONS } from './bundle-options.mjs';

const { metafile } = await build({
  ...CLI_BUNDLE_OPTIONS,
  entryPoints: ['dist/src/cli.js'],
  outfile: 'dist/cli.bundle.mjs',
  sourcemap: true,
  metafile: true,
});

// What the bundle still loads from node_modules at run time: the image ships exactly these (scripts/runtime-files.mjs).
const externals = new Set(
  Object.values(metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external && !i.path.startsWith('node:')).map((i) => i.path)),
);
writeFileSync('dist/cli.bundle.externals.json', JSON.stringify([...externals].sort(), null, 2) + '\n');
