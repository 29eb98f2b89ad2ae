/**
 * The CLI (src/cli.ts) bundled into one ES module with the release bundle's esbuild options, once per test process.
 * Spawning `node` on it starts in a fraction of what `node --import tsx src/cli.ts` takes, where tsx loads and
 * transforms some 200 modules on every spawn; built from src/ each run, it can never be stale as dist/ can.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { CLI_BUNDLE_OPTIONS } from '../../scripts/bundle-options.mjs';

export const ROOT = join(import.meta.dirname, '../..');

let built: Promise<string> | undefined;

/** The bundle's path. It lives under the package root (gitignored), where the CLI finds package.json and fixtures/. */
export function cliBundle(): Promise<string> {
  built ??= (async () => {
    const dir = join(ROOT, '.test-cache');
    mkdirSync(dir, { recursive: true });
    // One file per process: test files run in parallel, and each removes its own.
    const outfile = join(dir, `cli-${process.pid}.mjs`);
    process.once('exit', () => rmSync(outfile, { force: true }));
    // An inline source map: coverage of the CLI's child processes maps back to src/ (the file is gone by report time).
    await build({ ...CLI_BUNDLE_OPTIONS, entryPoints: [join(ROOT, 'src/cli.ts')], outfile, sourcemap: 'inline', logLevel: 'error' });
    return outfile;
  })();
  return built;
}

const execFileAsync = promisify(execFile);

/** Runs the CLI with `args` to its exit: resolves with its output, rejects (with `code`, `stdout`, `stderr`) on a non-zero status. */
export async function runCli(args: string[]) {
  return execFileAsync(process.execPath, [await cliBundle(), ...args]);
}
