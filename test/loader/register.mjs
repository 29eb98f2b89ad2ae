// The TypeScript loader of the test processes (package.json "tap" → "node-arg"). Each test file is served as one
// esbuild bundle of itself, its helpers and the src/ it imports (node_modules stay external), cached on disk by the
// stat of every input (bundle-hooks.mjs). Under tsx every src/ module is its own ES module, resolved and loaded
// through tsx's and tap's module hooks one by one: the fixed cost of a test file (docs/testing.md has the numbers).
// Coverage runs (`npm run test:coverage`) keep tsx: tap reports coverage for the files a test process loaded.
import { register } from 'node:module';

if (process.env.NODE_V8_COVERAGE) await import('tsx');
else register('./bundle-hooks.mjs', import.meta.url);
