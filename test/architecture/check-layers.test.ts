/** scripts/check-layers.ts on tiny fake trees: what it reports, and what it lets pass. */
import t from 'tap';
import { checkLayers, importsOf, LAYERS, type LayerConfig, layerOf } from '../../scripts/check-layers.js';

const NO_KNOWN_CYCLES: LayerConfig = { ...LAYERS, allowedCycles: [] };

t.test('a cycle between two folders is found, with the file that makes each edge', async (t) => {
  const root = t.testdir({
    src: {
      world: { 'arns.ts': "import { validation } from '../protocol/errors.js';\nexport const a = validation;\n" },
      protocol: { 'errors.ts': "import { frozen } from '../world/immutable.js';\nexport const validation = frozen;\n" },
    },
    routes: {},
  });
  const [problem, ...rest] = checkLayers(root, NO_KNOWN_CYCLES);
  t.same(rest, []);
  t.match(problem, /^Import cycle between folders src\/protocol, src\/world:/);
  t.match(problem, 'src/protocol → src/world  (src/protocol/errors.ts → ../world/immutable.js)');
  t.match(problem, 'src/world → src/protocol  (src/world/arns.ts → ../protocol/errors.js)');
});

t.test('a longer cycle through a file directly in src/ is one component', async (t) => {
  const root = t.testdir({
    src: {
      'emulator.ts': "import { serve } from './server/serve.js';\nexport const e = serve;\n",
      server: { 'serve.ts': "import { op } from '../operations/op.js';\nexport const serve = op;\n" },
      operations: { 'op.ts': "import { e } from '../emulator.js';\nexport const op = e;\n" },
    },
    routes: {},
  });
  t.match(checkLayers(root, NO_KNOWN_CYCLES), [/^Import cycle between folders src\/emulator\.ts, src\/operations, src\/server:/]);
});

t.test('no cycle: one-way imports and imports inside a folder', async (t) => {
  const root = t.testdir({
    src: {
      flows: {
        'run.ts': "import { parse } from '../iam/parse.js';\nimport { helper } from './helper.js';\nexport const run = [parse, helper];\n",
        'helper.ts': 'export const helper = 1;\n',
      },
      iam: { 'parse.ts': 'export const parse = 1;\n' },
      operations: { 'op.ts': "import { type R } from '../flows/run.js';\nexport type O = R;\n" },
    },
    routes: { 'flows.ts': "import type { run } from '../src/flows/run.js';\nexport type F = typeof run;\n" },
  });
  t.same(checkLayers(root, NO_KNOWN_CYCLES), []);
});

t.test('a type-only import back closes a cycle too', async (t) => {
  const root = t.testdir({
    src: {
      flows: { 'run.ts': "import { records } from '../world/records.js';\nexport const run = records;\n" },
      world: { 'records.ts': "import type { run } from '../flows/run.js';\nexport const records: (typeof run)[] = [];\n" },
    },
    routes: {},
  });
  t.match(checkLayers(root, NO_KNOWN_CYCLES), [/^Import cycle between folders src\/flows, src\/world:/]);
});

t.test('a file of ownNodes is a node of its own: a leaf inside a folder closes no cycle through it', async (t) => {
  const tree = (schemaImports: string) =>
    t.testdir({
      src: {
        fixtures: {
          'schema.ts': `${schemaImports}export type Fixture = { n: number };\n`,
          'load.ts':
            "import { world } from '../world/universe.js';\nimport type { Fixture } from './schema.js';\nexport const f: Fixture[] = [world];\n",
        },
        world: { 'universe.ts': "import type { Fixture } from '../fixtures/schema.js';\nexport const world = { n: 1 } as Fixture;\n" },
      },
      routes: {},
    });
  const config: LayerConfig = { ...NO_KNOWN_CYCLES, ownNodes: ['src/fixtures/schema.ts'] };
  t.same(checkLayers(tree(''), config), []);
  t.match(checkLayers(tree(''), { ...config, ownNodes: [] }), [/^Import cycle between folders src\/fixtures, src\/world:/]);
  t.equal(layerOf('src/fixtures/schema.js', config), 'src/fixtures/schema.ts');
  t.match(
    checkLayers(tree("import type { world } from '../world/universe.js';\n"), { ...LAYERS, allowedCycles: [] }),
    [/src\/fixtures\/schema\.ts imports '\.\.\/world\/universe\.js': the fixture format is a leaf/],
    'the real configuration keeps the fixture format a leaf',
  );
});

t.test('fastify in a domain folder is flagged, even as a type; in src/server it is fine', async (t) => {
  const root = t.testdir({
    src: {
      flows: { 'node.ts': "import type { FastifyReply } from 'fastify';\nexport type N = FastifyReply;\n" },
      world: { 'w.ts': "import cors from '@fastify/cors';\nexport const w = cors;\n" },
      server: { 'build.ts': "import Fastify from 'fastify';\nexport const b = Fastify;\n" },
    },
    routes: {},
  });
  t.same(checkLayers(root, NO_KNOWN_CYCLES), [
    "src/flows/node.ts imports 'fastify': domain code never imports fastify: src/server adapts the HTTP framework to the domain.",
    "src/world/w.ts imports '@fastify/cors': domain code never imports fastify: src/server adapts the HTTP framework to the domain.",
  ]);
});

t.test('routes may not run policies or flows; src/iam imports nothing of the emulator', async (t) => {
  const root = t.testdir({
    src: {
      iam: {
        'evaluate.ts': "import { clock } from '../world/clock.js';\nimport { x } from './x.js';\nexport const e = [clock, x];\n",
        'x.ts': 'export const x = 1;\n',
      },
      world: { 'clock.ts': 'export const clock = 1;\n' },
      flows: { 'types.ts': 'export type T = 1;\n' },
    },
    routes: {
      'flows.ts':
        "import { e } from '../src/iam/evaluate.js';\nimport type { T } from '../src/flows/types.js';\nexport const r: [typeof e, T?] = [e];\n",
    },
  });
  const problems = checkLayers(root, NO_KNOWN_CYCLES);
  t.equal(problems.length, 2, 'the type-only import of src/flows by a route is allowed');
  t.match(problems[0], "routes/flows.ts imports '../src/iam/evaluate.js': routes are tables");
  t.match(problems[1], "src/iam/evaluate.ts imports '../world/clock.js': src/iam is a leaf");
});

t.test('a known cycle passes while it exists, and is reported once it is gone', async (t) => {
  const cyclic = t.testdir({
    src: { a: { 'a.ts': "import '../b/b.js';\n" }, b: { 'b.ts': "export * from '../a/a.js';\n" } },
    routes: {},
  });
  const known: LayerConfig = { ...LAYERS, allowedCycles: [['src/b', 'src/a']] };
  t.same(checkLayers(cyclic, known), [], 'listed in any order');
  const fixed = t.testdir({ src: { a: { 'a.ts': "import '../b/b.js';\n" }, b: { 'b.ts': 'export {};\n' } }, routes: {} });
  t.same(checkLayers(fixed, known), ['The allowed cycle src/a, src/b no longer exists: remove it from allowedCycles.']);
});

t.test('importsOf: what counts as a run-time import', async (t) => {
  const refs = importsOf(
    'src/cli/x.ts',
    [
      "import type { A } from './a.js';",
      "import { type B, c } from '../b.js';",
      "import { type D } from 'pkg';",
      "export type { E } from './e.js';",
      "export { f } from './f.js';",
      "const g = await import('../iam/g.js');",
    ].join('\n'),
  );
  t.same(
    refs.map((r) => [r.target, r.typeOnly]),
    [
      ['src/cli/a.js', true],
      ['src/b.js', false],
      ['pkg', true],
      ['src/cli/e.js', true],
      ['src/cli/f.js', false],
      ['src/iam/g.js', false],
    ],
  );
  t.equal(layerOf('src/b.js'), 'src/b.ts', 'a file directly in src/ is its own node, named as its source');
  t.equal(layerOf('src/flows/executor/plan.ts'), 'src/flows');
  t.equal(layerOf('routes/index.ts'), 'routes');
  t.equal(layerOf('test/x.ts'), undefined);
});

t.test('the executor is reached only through src/flows/index.ts; operations never import the server', async (t) => {
  const root = t.testdir({
    src: {
      flows: { 'index.ts': "export { run } from './executor/run.js';\n", executor: { 'run.ts': 'export const run = 1;\n' } },
      operations: {
        'Op.ts': "import { run } from '../flows/executor/run.js';\nimport { x } from '../server/x.js';\nexport const y = run + x;\n",
      },
      server: { 'x.ts': "import { run } from '../flows/index.js';\nexport const x = run;\n" },
    },
    routes: {},
  });
  const problems = checkLayers(root);
  t.match(problems.join('\n'), /src\/operations\/Op\.ts imports '\.\.\/flows\/executor\/run\.js': the executor has one public face/);
  t.match(problems.join('\n'), /src\/operations\/Op\.ts imports '\.\.\/server\/x\.js': operations return values/);
  t.notMatch(problems.join('\n'), /^src\/(flows\/index|server\/x)\.ts imports/m, 'src/flows itself and the public face are fine');
});
