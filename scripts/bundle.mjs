// Bundles the compiled CLI and the library entry (package.json "exports") into one file each: loading one module
// instead of hundreds is most of the cost of `import` and of start-up (`npm run bench`: import + start). The esbuild
// options are in bundle-options.mjs (the tests bundle src/ with them).
import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { CLI_BUNDLE_OPTIONS } from './bundle-options.mjs';
import { buildWorkbench } from './bundle-ui.mjs';

const common = { ...CLI_BUNDLE_OPTIONS, sourcemap: true, metafile: true };

const [cli] = await Promise.all([
  build({ ...common, entryPoints: ['dist/src/cli.js'], outfile: 'dist/cli.bundle.mjs' }),
  // What `import … from 'bedrock-flows-emulator'` loads; its types stay tsc's (dist/src/index.d.ts). pino is inside
  // too (its ~30 files are a tenth of import + start): startEmulator's logger never asks pino for a transport, the
  // one part of pino that needs its files on disk (src/index.ts: createLogger(level, false)).
  build({ ...common, external: ['undici'], entryPoints: ['dist/src/index.js'], outfile: 'dist/index.bundle.mjs' }),
  // The web workbench's files (dist/ui), served by the emulator at /_emulator/ui (routes/workbench.ts).
  buildWorkbench(),
]);

// What the CLI bundle still loads from node_modules at run time: the image ships exactly these (scripts/runtime-files.mjs).
const externals = new Set(
  Object.values(cli.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external && !i.path.startsWith('node:')).map((i) => i.path)),
);
writeFileSync('dist/cli.bundle.externals.json', JSON.stringify([...externals].sort(), null, 2) + '\n');
