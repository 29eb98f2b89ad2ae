/**
 * What the start-up benchmark spawns: the CLI as users run it (`npm start` = the bundle), never through tsx,
 * whose on-the-fly compilation would be measured instead. If dist/ is older than the sources, the current sources
 * are transpiled (TypeScript's transpileModule, types not checked) into a cache folder beside a copy of
 * package.json, so the lead's dist/ is left alone and reruns only transpile what changed.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { PACKAGE_ROOT } from '../src/package-root.js';

export interface CliCommand {
  /** Arguments to `node`, the CLI script first. */
  args: string[];
  /** Which code runs, for the report. */
  how: string;
}

const SOURCE_DIRS = ['src', 'routes'];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const allSources = () => SOURCE_DIRS.flatMap((d) => sources(join(PACKAGE_ROOT, d)));
const outputOf = (distRoot: string, source: string) => join(distRoot, relative(PACKAGE_ROOT, source).replace(/\.ts$/, '.js'));
const upToDate = (source: string, output: string) => existsSync(output) && statSync(output).mtimeMs >= statSync(source).mtimeMs;

/** Transpiles what changed into the cache; returns how many files were written. */
function transpileInto(root: string): number {
  const dist = join(root, 'dist');
  let written = 0;
  for (const source of allSources()) {
    const output = outputOf(dist, source);
    if (upToDate(source, output)) continue;
    const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), {
      fileName: source,
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022, sourceMap: false },
    });
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, outputText);
    written++;
  }
  // ES2022 modules: transpileModule cannot see package.json's "type": "module" that NodeNext would read.
  // package-root.ts finds the package by its package.json; fixtures and dependencies are linked, not copied.
  copyFileSync(join(PACKAGE_ROOT, 'package.json'), join(root, 'package.json'));
  for (const link of ['fixtures', 'node_modules', 'schema']) {
    if (!existsSync(join(root, link)) && existsSync(join(PACKAGE_ROOT, link))) symlinkSync(join(PACKAGE_ROOT, link), join(root, link));
  }
  return written;
}

export function cliCommand(): CliCommand {
  const dist = join(PACKAGE_ROOT, 'dist');
  if (allSources().every((s) => upToDate(s, outputOf(dist, s)))) {
    // `npm start` runs the bundle that `npm run build` makes from dist/: bundle again when dist/ is newer.
    const bundle = join(dist, 'cli.bundle.mjs');
    if (!allSources().every((s) => upToDate(outputOf(dist, s), bundle))) {
      execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: PACKAGE_ROOT, stdio: 'inherit' });
    }
    return { args: [bundle], how: 'dist/cli.bundle.mjs, as `npm start` runs it (up to date with the sources)' };
  }
  const root = join(tmpdir(), 'bfe-bench-build', createHash('sha256').update(`${PACKAGE_ROOT}\0es2022`).digest('hex').slice(0, 12));
  const started = performance.now();
  const written = transpileInto(root);
  const ms = Math.round(performance.now() - started);
  return {
    args: [join(root, 'dist', 'src', 'cli.js')],
    how: `dist/ is stale: current sources transpiled to ${root} (${written} files, ${ms} ms), run with plain node`,
  };
}

/**
 * The file `import … from 'bedrock-flows-emulator'` loads (package.json "exports": the library bundle), rebuilt
 * when dist/ is newer; when dist/ is stale, the current sources are transpiled into the cache and bundled there
 * the same way (scripts/bundle.mjs), so what is measured is still one bundle of the current code.
 */
export function libraryEntry(): { file: string; how: string } {
  const dist = join(PACKAGE_ROOT, 'dist');
  const exported = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { exports: { '.': { default: string } } })
    .exports['.'].default;
  const bundleScript = join(PACKAGE_ROOT, 'scripts', 'bundle.mjs');
  if (allSources().every((s) => upToDate(s, outputOf(dist, s)))) {
    const file = join(PACKAGE_ROOT, exported);
    if (!allSources().every((s) => upToDate(outputOf(dist, s), file)))
      execFileSync(process.execPath, [bundleScript], { cwd: PACKAGE_ROOT, stdio: 'inherit' });
    return { file, how: `${exported.replace(/^\.\//, '')} (package.json "exports", up to date with the sources)` };
  }
  const root = join(tmpdir(), 'bfe-bench-build', createHash('sha256').update(`${PACKAGE_ROOT}\0es2022`).digest('hex').slice(0, 12));
  transpileInto(root);
  execFileSync(process.execPath, [bundleScript], { cwd: root, stdio: 'inherit' });
  return { file: join(root, exported), how: `dist/ is stale: current sources transpiled and bundled in ${root}` };
}
