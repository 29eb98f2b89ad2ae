/**
 * Cheap checks on the Dockerfile that CI can run without an engine (scripts/check-image.sh builds and runs the image
 * for real): it lints clean, it keeps the runtime contract of the README (The Docker image), and the production-only image can run.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import dockerignoreModule from '@balena/dockerignore';
import dockerfilelint from 'dockerfilelint';
import t from 'tap';

// Its types declare an ES default export for what is a CommonJS `module.exports = ignore`.
const dockerignore = dockerignoreModule as unknown as typeof dockerignoreModule.default;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const dockerfile = read('Dockerfile');
const stages = dockerfile.split(/^FROM /m).slice(1);
const runtime = stages.at(-1) ?? '';

t.test('dockerfilelint finds nothing', async (t) => {
  t.same(dockerfilelint.run(ROOT, dockerfile), []);
});

t.test('the runtime stage keeps the README contract (The Docker image)', async (t) => {
  t.equal(stages.length, 2, 'build, runtime');
  t.match(runtime, /^gcr\.io\/distroless\/nodejs24-debian12:nonroot$/m, 'Node 24 without a shell or package manager');
  t.match(runtime, /^ENV .*\bHOST=0\.0\.0\.0\b.*\bPORT=5050\b/m);
  t.match(runtime, /^ENV .*\bBFE_FIXTURES=\/fixtures\/default\.json\b/m);
  t.match(runtime, /^COPY fixtures\/default\.json \/fixtures\/default\.json$/m);
  t.match(runtime, /^EXPOSE 5050$/m);
  t.match(runtime, /^USER nonroot$/m, 'non-root');
  t.match(
    runtime,
    /^HEALTHCHECK [^\n]*\\\n\s+CMD \["\/nodejs\/bin\/node", "-e", "[^\n]*\/_emulator\/health/m,
    'HEALTHCHECK probes the health endpoint with node',
  );
  t.match(
    runtime,
    /^ENTRYPOINT \["\/nodejs\/bin\/node", "dist\/cli\.bundle\.mjs"\]$/m,
    "arguments after the image name are the CLI's (the bundle npm start runs)",
  );
  t.match(runtime, /^COPY --from=build \/runtime \.\/$/m, 'only the runtime files: the bundle and the packages it leaves external');
  t.notMatch(runtime, /--from=build \/app\//, 'nothing else of the build stage (its node_modules hold the dev dependencies)');
});

t.test('the build stage copies every source root tsconfig compiles', async (t) => {
  const { include } = JSON.parse(read('tsconfig.json')) as { include: string[] };
  for (const root of new Set(include.map((glob) => glob.split('/')[0]))) {
    t.match(stages[0], new RegExp(`^COPY ${root} \\./${root}$`, 'm'), `${root}/ is copied`);
  }
});

t.test('.dockerignore keeps host builds, dependencies, VCS data and tests out of the context', async (t) => {
  const ignored = dockerignore({ ignorecase: false }).add(read('.dockerignore'));
  for (const entry of ['node_modules', 'dist', '.git', 'test', '.tap', 'coverage']) t.ok(ignored.ignores(entry), entry);
});

// A COPY of a path the context leaves out fails the build ("no items matching glob"), and only a real build shows it.
t.test('every path the Dockerfile copies from the context is in the context', async (t) => {
  const ignored = dockerignore({ ignorecase: false }).add(read('.dockerignore'));
  const copies = [...dockerfile.matchAll(/^COPY (?!--from)(?:--\S+ )*(.+) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));
  t.ok(copies.length >= 6, 'found the COPY sources');
  for (const source of copies) t.notOk(ignored.ignores(source), `${source} is sent to the builder`);
});

// The runtime image holds `dependencies` only: importing a devDependency at run time would crash the container.
t.test('code that runs in the image imports only production dependencies', async (t) => {
  const { dependencies = {} } = JSON.parse(read('package.json')) as { dependencies?: Record<string, string> };
  const files = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
    );
  // Static imports and re-exports that are not `type`-only, side-effect imports, and dynamic import().
  const specifier = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
  const used = new Map<string, string>();
  for (const file of [...files('src'), ...files('routes')]) {
    for (const m of read(file).matchAll(specifier)) {
      const spec = m[1] ?? m[2] ?? '';
      if (spec.startsWith('.') || spec.startsWith('node:')) continue;
      used.set(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec), file);
    }
  }
  t.ok(used.size > 0, 'found the imports');
  for (const [pkg, file] of used) t.ok(pkg in dependencies, `${pkg} (imported by ${file}) is a production dependency`);
});
