// Bundles the compiled CLI and the library entry (package.json "exports") into one file each: loading one module
// instead of hundreds is most of the cost of `import` and of start-up (`npm run bench`: import + start). In the
// CLI, pino and its transports stay external (they load worker files by path); undici stays external in both
// (loaded lazily, for URL Lambdas only). ajv is bundled: fastify builds its validator compiler at construction, and
// from node_modules that is ~85 CommonJS files on every start; its compiled validators take their runtime helpers
// by reference, not by require().
import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  external: ['pino', 'pino-pretty', 'thread-stream', 'undici'],
  // jsonc-parser's `main` is a UMD build that require()s its parts by computed paths esbuild cannot follow
  // ("Cannot find module './impl/format'" at run time); its ES build (`module`) bundles cleanly.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  // CommonJS dependencies bundled into an ES module still call require().
  banner: { js: "import { createRequire as __bfeCreateRequire } from 'node:module'; const require = __bfeCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  metafile: true,
};

const [cli] = await Promise.all([
  build({ ...common, entryPoints: ['dist/src/cli.js'], outfile: 'dist/cli.bundle.mjs' }),
  // What `import … from 'bedrock-flows-emulator'` loads; its types stay tsc's (dist/src/index.d.ts). pino is inside
  // too (its ~30 files are a tenth of import + start): startEmulator's logger never asks pino for a transport, the
  // one part of pino that needs its files on disk (src/index.ts: createLogger(level, false)).
  build({ ...common, external: ['undici'], entryPoints: ['dist/src/index.js'], outfile: 'dist/index.bundle.mjs' }),
]);

// What the CLI bundle still loads from node_modules at run time: the image ships exactly these (scripts/runtime-files.mjs).
const externals = new Set(
  Object.values(cli.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external && !i.path.startsWith('node:')).map((i) => i.path)),
);
writeFileSync('dist/cli.bundle.externals.json', JSON.stringify([...externals].sort(), null, 2) + '\n');
