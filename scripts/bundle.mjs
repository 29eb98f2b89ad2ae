// Bundles the compiled CLI into one file: loading one module instead of hundreds roughly halves start-up (the
// bench's start-to-healthy goal). pino and its transports stay external (they load worker files by path); so do
// ajv (fastify compiles validators that require its runtime) and undici (loaded lazily, for URL Lambdas only).
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/src/cli.js'],
  outfile: 'dist/cli.bundle.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  external: ['pino', 'pino-pretty', 'thread-stream', 'ajv', 'undici'],
  // CommonJS dependencies bundled into an ES module still call require().
  banner: { js: "import { createRequire as __bfeCreateRequire } from 'node:module'; const require = __bfeCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
