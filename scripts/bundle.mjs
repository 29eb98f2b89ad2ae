// Bundles the compiled CLI into one file: loading one module instead of hundreds roughly halves start-up (the
// bench's start-to-healthy goal). pino and its transports stay external (they load worker files by path); so do
// ajv (fastify compiles validators that require its runtime) and undici (loaded lazily, for URL Lambdas only).
import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const { metafile } = await build({
  entryPoints: ['dist/src/cli.js'],
  outfile: 'dist/cli.bundle.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  external: ['pino', 'pino-pretty', 'thread-stream', 'ajv', 'undici'],
  // jsonc-parser's `main` is a UMD build that require()s its parts by computed paths esbuild cannot follow
  // ("Cannot find module './impl/format'" at run time); its ES build (`module`) bundles cleanly.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  // CommonJS dependencies bundled into an ES module still call require().
  banner: { js: "import { createRequire as __bfeCreateRequire } from 'node:module'; const require = __bfeCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  metafile: true,
});

// What the bundle still loads from node_modules at run time: the image ships exactly these (scripts/runtime-files.mjs).
const externals = new Set(
  Object.values(metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external && !i.path.startsWith('node:')).map((i) => i.path)),
);
writeFileSync('dist/cli.bundle.externals.json', JSON.stringify([...externals].sort(), null, 2) + '\n');
