/**
 * Nodes running at once (node-window.ts): independent branches overlap up to the limit, and what the run reports is
 * the same, event for event, as one node at a time — whatever order the calls end in.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import t from 'tap';
import { Emulator } from '../../../src/emulator.js';
import { concurrencyLimit } from '../../../src/flows/index.js';
import { createLogger } from '../../../src/logger.js';
import { cloneUniverse } from '../../../src/world/universe.js';
import { conditionFlow, dataConnection, iteratorFlow, loopFlow, type Json } from '../fixtures.js';
import { failure, run } from './harness.js';
import { ACCOUNT, REGION, TEST_WORLD, agentNode, inputNode, lambdaNode, outputNode, pausingFlow } from './world.js';

const GATE = fileURLToPath(new URL('../../fixtures/lambda-handlers/gate.mjs', import.meta.url));
const gate: { reset(target: number): void; peakConcurrency(): number } = await import(pathToFileURL(GATE).href);
const universe = new Emulator(
  {
    fixtures: [...TEST_WORLD, { account: ACCOUNT, region: REGION, lambdaFunctions: [{ name: 'gate', handler: GATE, timeoutMs: 5000 }] }],
    iam: 'off',
  },
  createLogger('silent'),
).universe;

/**
 * FlowInput → three gate Lambdas → an Output each; `failing` replaces one branch's function. Declared side by side
 * (the Lambdas, then the Outputs), or branch after branch as the console tends to (plan order Alpha, AlphaOut, Beta…).
 */
function branches(failing?: { branch: string; fn: string }, branchAfterBranch = false): Json {
  const names = ['Alpha', 'Beta', 'Gamma'];
  const fn = (n: string) => (failing?.branch === n ? failing.fn : 'gate');
  const lambda = (n: string) => lambdaNode(n, fn(n), [['payload', 'Object', '$.data']]);
  const output = (n: string) => outputNode(`${n}Out`, 'Object');
  return {
    nodes: [
      inputNode(),
      ...(branchAfterBranch ? names.flatMap((n) => [lambda(n), output(n)]) : [...names.map(lambda), ...names.map(output)]),
    ],
    connections: [
      ...names.map((n) => dataConnection('FlowInput', 'document', n, 'payload')),
      ...names.map((n) => dataConnection(n, 'functionResponse', `${n}Out`, 'document')),
    ],
  };
}

const runWith = (definition: Json, concurrency: number, target: number) => {
  gate.reset(target);
  return run(definition, { order: 7 }, { universe: cloneUniverse(universe), concurrency });
};

t.test('independent branches run up to the limit at once; events as with one at a time', async (t) => {
  const one = await runWith(branches(), 1, 1);
  t.equal(gate.peakConcurrency(), 1);
  t.equal(one.result.kind, 'completed');
  t.same(
    one.outputs.map((o) => (o as Json).node),
    ['Alpha', 'Beta', 'Gamma'],
  );
  for (const limit of [2, 3]) {
    // The gate holds the calls until `limit` of them wait, then ends them last-started first.
    const many = await runWith(branches(), limit, limit);
    t.equal(gate.peakConcurrency(), limit, `${limit} at once`);
    t.same(many.result, one.result);
    t.same(many.events, one.events, `limit ${limit}: the same events, in plan order, with the same seeded ids`);
  }
});

t.test('branches declared one after the other start side by side too; the stream is the same', async (t) => {
  const definition = branches(undefined, true);
  const one = await runWith(definition, 1, 1);
  t.same(one.kinds.slice(0, 4), ['nodeOutput:FlowInput', 'nodeInput:Alpha', 'nodeAction:Alpha', 'nodeOutput:Alpha']);
  const many = await runWith(definition, 3, 3);
  t.equal(gate.peakConcurrency(), 3);
  t.same(many.kinds, one.kinds, 'events in plan order');
  t.same(many.outputs, one.outputs);
});

t.test('a limit above the branches: as many as are ready', async (t) => {
  await runWith(branches(), 10, 3);
  t.equal(gate.peakConcurrency(), 3);
});

t.test('a failure ends the run where one at a time would: after the nodes before it in plan order', async (t) => {
  for (const branch of ['Alpha', 'Beta', 'Gamma']) {
    const definition = branches({ branch, fn: 'broken' });
    const one = await runWith(definition, 1, 1);
    const many = await runWith(definition, 3, 1);
    t.match(failure(many), { nodeName: branch, type: 'DependencyFailedException' });
    t.same(many.events, one.events, `${branch} fails`);
  }
});

t.test('a question pauses the run where one at a time would, and the answer resumes it alike', async (t) => {
  const asked = async (concurrency: number) => {
    const paused = await run(pausingFlow(), 'my order', { universe: cloneUniverse(universe), concurrency });
    if (paused.result.kind !== 'paused') throw new Error(`expected a paused run, got ${paused.result.kind}`);
    const resume = { checkpoint: paused.result.checkpoint, inputName: 'agentInputText', answer: '12345' };
    const resumed = await run(pausingFlow(), undefined, { universe: cloneUniverse(universe), concurrency, resume });
    return { paused, resumed };
  };
  const one = await asked(1);
  const many = await asked(3);
  t.same(many.paused.events, one.paused.events);
  // Memo entries of nodes not delivered before the pause are dropped (their places stay null).
  const checkpoint = (ran: Json) => {
    const data = ran.paused.result.checkpoint;
    const memo = [...data.memo];
    while (memo.length > 0 && memo[memo.length - 1] === null) memo.pop();
    return { ...data, memo };
  };
  t.same({ ...checkpoint(many), concurrency: 1 }, checkpoint(one), 'the same checkpoint, with its limit');
  t.equal(checkpoint(many).concurrency, 3);
  t.same(many.resumed.result, { kind: 'completed' });
  t.same(many.resumed.events, one.resumed.events);
  t.same(many.resumed.outputs, ['Order 12345 ships tomorrow.', one.resumed.outputs[1]]);
  // The alias changed while the run waited: the resumed run keeps the limit it paused with.
  if (many.paused.result.kind !== 'paused') throw new Error('expected a paused run');
  const resume = { checkpoint: many.paused.result.checkpoint, inputName: 'agentInputText', answer: '12345' };
  const changed = await run(pausingFlow(), undefined, { universe: cloneUniverse(universe), concurrency: 1, resume });
  t.same(changed.events, many.resumed.events);
});

t.test('a node after the question in plan order but started before it reports after the answer', async (t) => {
  // Plan order FlowInput, Log, Orders, Reply, Echoed; at a limit of 3, Echoed starts before Orders asks.
  const definition: Json = {
    nodes: [
      inputNode('String'),
      lambdaNode('Log', 'echo', [['text', 'String', '$.data']]),
      { ...agentNode('Orders'), inputs: [{ name: 'agentInputText', type: 'String', expression: '$.data.inputs.text' }] },
      outputNode('Reply'),
      outputNode('Echoed'),
    ],
    connections: [
      dataConnection('FlowInput', 'document', 'Log', 'text'),
      dataConnection('Log', 'functionResponse', 'Orders', 'agentInputText'),
      dataConnection('Orders', 'agentResponse', 'Reply', 'document'),
      dataConnection('FlowInput', 'document', 'Echoed', 'document'),
    ],
  };
  const asked = async (concurrency: number) => {
    const paused = await run(definition, 'my order', { universe: cloneUniverse(universe), concurrency });
    if (paused.result.kind !== 'paused') throw new Error(`expected a paused run, got ${paused.result.kind}`);
    const resume = { checkpoint: paused.result.checkpoint, inputName: 'agentInputText', answer: '12345' };
    return { paused, resumed: await run(definition, undefined, { universe: cloneUniverse(universe), concurrency, resume }) };
  };
  const one = await asked(1);
  const many = await asked(3);
  t.same(one.resumed.outputs, ['Order 12345 ships tomorrow.', 'my order']);
  t.same(many.paused.kinds, one.paused.kinds);
  t.same(many.resumed.kinds, one.resumed.kinds, 'Echoed reports once, after the answer');
  t.same(many.resumed.outputs, one.resumed.outputs);
});

t.test('conditions, iterations and loops report the same events at any limit', async (t) => {
  const cases: [string, Json, unknown][] = [
    ['Iterator and Collector', iteratorFlow(), ['Queen', 'Abba', 'Blur']],
    ['Loop', loopFlow({ stepFunction: 'loopStep', loopName: 'Rounds' }), {}],
    ['Condition', conditionFlow(), { retailPrice: 11, marketPrice: 12, type: 'meat', action: ['no', 'yes', 'maybe'] }],
  ];
  for (const [name, definition, document] of cases) {
    const one = await run(definition, document, { universe: cloneUniverse(universe) });
    const many = await run(definition, document, { universe: cloneUniverse(universe), concurrency: 5 });
    t.equal(one.result.kind, 'completed', name);
    t.same(many.result, one.result, name);
    t.same(many.events, one.events, name);
  }
});

t.test('the alias configuration gives the limit', async (t) => {
  t.equal(concurrencyLimit(undefined), 1, 'none (the test alias): one at a time');
  t.equal(concurrencyLimit({ type: 'Manual', maxConcurrency: 3 }), 3);
  t.equal(concurrencyLimit({ type: 'Manual' }), 1);
  t.equal(concurrencyLimit({ type: 'Automatic' }), 100);
  t.equal(concurrencyLimit({ type: 'Automatic', maxConcurrency: 2 }), 100, 'Automatic: Bedrock decides');
});
