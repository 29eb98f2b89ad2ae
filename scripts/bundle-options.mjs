// How the CLI becomes one ES module (esbuild options), shared by the release bundles (scripts/bundle.mjs) and the
// tests that spawn the CLI (test/helpers/cli-bundle.ts), so both run the code the image ships. pino and its
// transports stay external (they load worker files by path); undici too (loaded lazily, for URL Lambdas only). ajv
// is bundled: fastify builds its validator compiler at construction, and from node_modules that is ~85 CommonJS
// files on every start; its compiled validators take their runtime helpers by reference, not by require().
export const CLI_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  external: ['pino', 'pino-pretty', 'thread-stream', 'undici'],
  // jsonc-parser's `main` is a UMD build that require()s its parts by computed paths esbuild cannot follow
  // ("Cannot find module './impl/format'" at run time); its ES build (`module`) bundles cleanly.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  // CommonJS dependencies bundled into an ES module still call require().
  banner: { js: "import { createRequire as __bfeCreateRequire } from 'node:module'; const require = __bfeCreateRequire(import.meta.url);" },
  logLevel: 'warning',
};
