// When a cached build is still valid: the test files' bundles (bundle-hooks.mjs) and the CLI bundle the tests spawn
// (test/helpers/cli-bundle.ts) are kept while the size and mtime of every input they were built from are unchanged.
// A plain module: bundle-hooks.mjs runs on the module-hooks thread, before any TypeScript can load.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The stat signature of a file or folder: `size:mtimeMs`, or `missing`. */
export function signature(file) {
  try {
    const s = statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** The signatures of `inputs` (paths relative to `root`), as a cached build's description records them. */
export function signaturesOf(root, inputs) {
  return Object.fromEntries(inputs.map((i) => [i, signature(join(root, i))]));
}

/** Whether the build described by `metaFile` ({ inputs }) is still valid: false when the file is missing or unreadable. */
export function inputsUnchanged(root, metaFile) {
  try {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
    return Object.entries(meta.inputs).every(([input, sig]) => signature(join(root, input)) === sig);
  } catch {
    return false;
  }
}
