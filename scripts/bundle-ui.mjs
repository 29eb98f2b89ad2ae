// Builds the workbench (src/ui/client) into one folder the server reads at start-up (src/ui/assets.ts): the app as
// one minified ES module, its stylesheet and page, and ELK's layout engine as a Web Worker of its own, so the
// first page never parses the engine's 1.6 MB. Called by scripts/bundle.mjs (`npm run build`) and the UI tests.
//
//   node scripts/bundle-ui.mjs [OUT]        # default dist/ui
import { copyFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const client = join(root, 'src', 'ui', 'client');

const FILES = ['index.html', 'app.css', 'app.js', 'elk-worker.js'];

/** Writes the workbench's files to `out`; returns each file's size in bytes. */
export async function buildWorkbench(out = join(root, 'dist', 'ui')) {
  const staging = `${out}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  await build({
    entryPoints: [join(client, 'main.tsx')],
    outfile: join(staging, 'app.js'),
    bundle: true,
    minify: true,
    format: 'esm',
    // Current Chromium and Firefox (the issue's browsers), and the two releases before them.
    target: ['chrome120', 'firefox120'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    logLevel: 'warning',
  });
  copyFileSync(join(client, 'index.html'), join(staging, 'index.html'));
  copyFileSync(join(client, 'app.css'), join(staging, 'app.css'));
  const require = createRequire(import.meta.url);
  copyFileSync(require.resolve('elkjs/lib/elk-worker.min.js'), join(staging, 'elk-worker.js'));
  // File by file, each renamed over the old one: a server starting meanwhile (the tests run in parallel) reads either
  // the old file or the new, never half of one or none.
  mkdirSync(out, { recursive: true });
  for (const file of FILES) renameSync(join(staging, file), join(out, file));
  rmSync(staging, { recursive: true, force: true });
  return Object.fromEntries(FILES.map((f) => [f, statSync(join(out, f)).size]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = await buildWorkbench(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(
    `workbench: ${Object.entries(sizes)
      .map(([f, s]) => `${f} ${(s / 1024).toFixed(1)} KiB`)
      .join(', ')}`,
  );
}
