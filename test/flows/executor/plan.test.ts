/** The run plan: compiled once per definition object, ordered, iteration bodies grouped, broken definitions refused. */
import t from 'tap';
import { compileFlow, type Step } from '../../../src/flows/executor/plan.js';
import { conditionFlow, dataConnection, iteratorFlow, loopFlow, playlistFlow, type Json } from '../fixtures.js';

const shape = (steps: readonly Step[]): unknown[] =>
  steps.map((s) => (s.kind === 'node' ? s.node.name : { iterate: s.iterator.name, body: shape(s.body), collector: s.collector?.name }));

t.test('a definition object compiles once: the same plan for every run', async (t) => {
  const definition = playlistFlow();
  t.equal(compileFlow(definition), compileFlow(definition));
  t.not(compileFlow(definition), compileFlow(playlistFlow()), 'another object is another plan');
});

t.test('nodes run in topological order, declaration order among ready ones', async (t) => {
  t.same(shape(compileFlow(conditionFlow()).steps), ['FlowInput', 'MyCondition', 'ExpensiveOutput', 'GoodDealOutput', 'DefaultOutput']);
});

t.test('connections are compiled into sources, consumers and gates', async (t) => {
  const plan = compileFlow(playlistFlow());
  const prompt = plan.nodes.get('MakePlaylist')!;
  t.same(
    prompt.inputs.map((i) => [i.name, i.source, i.expression.text]),
    [
      ['genre', { node: 'FlowInput', output: 'document' }, '$.data.genre'],
      ['number', { node: 'FlowInput', output: 'document' }, '$.data.number'],
    ],
  );
  t.same(plan.nodes.get('FlowInput')!.outputs[0]!.next, [
    { nodeName: 'MakePlaylist', inputFieldName: 'genre' },
    { nodeName: 'MakePlaylist', inputFieldName: 'number' },
  ]);
  t.same(compileFlow(conditionFlow()).nodes.get('GoodDealOutput')!.gates, [{ node: 'MyCondition', condition: 'goodDeal' }]);
  t.equal(plan.entry.name, 'FlowInput');
  t.equal(prompt.runtimeType, 'PromptNode');
});

t.test('an Iterator body runs where its Collector would, once everything it reads outside is ready', async (t) => {
  t.same(shape(compileFlow(iteratorFlow()).steps), [
    'FlowInput',
    'EachArtist',
    { iterate: 'EachArtist', body: ['Describe'], collector: 'Gather' },
    'FlowOutput',
  ]);
  const flow = iteratorFlow();
  // A node declared after the iterator that the body reads: the iteration waits for it.
  flow.nodes.push({ type: 'Input', name: 'Unused', outputs: [] });
  flow.nodes.splice(2, 0, { ...flow.nodes[2], name: 'Suffix', inputs: [{ name: 'artist', type: 'String', expression: '$.data' }] });
  const describe = flow.nodes.find((n: Json) => n.name === 'Describe');
  describe.inputs.push({ name: 'style', type: 'String', expression: '$.data' });
  flow.connections.push(
    dataConnection('FlowInput', 'document', 'Suffix', 'artist'),
    dataConnection('Suffix', 'modelCompletion', 'Describe', 'style'),
  );
  flow.nodes.find((n: Json) => n.name === 'FlowInput').outputs[0].type = 'Array';
  t.same(shape(compileFlow(flow).steps), [
    'FlowInput',
    'EachArtist',
    'Suffix',
    { iterate: 'EachArtist', body: ['Describe'], collector: 'Gather' },
    'FlowOutput',
    'Unused',
  ]);
});

t.test('a Loop body is a plan of its own, with its LoopInput and LoopController', async (t) => {
  const plan = compileFlow(loopFlow());
  const body = (plan.nodes.get('Refine')!.compiled as { body: { steps: Step[]; entry: { name: string }; controller?: { name: string } } })
    .body;
  t.same(shape(body.steps), ['LoopStart', 'Step', 'Control']);
  t.equal(body.entry.name, 'LoopStart');
  t.equal(body.controller?.name, 'Control');
});

t.test('definitions that cannot run are refused with a ValidationException, the same each time', async (t) => {
  const refused = (definition: Json, message: RegExp) => {
    t.throws(() => compileFlow(definition), { name: 'ValidationException', message });
    t.throws(() => compileFlow(definition), { name: 'ValidationException', message }, 'cached');
  };
  refused(undefined, /there is no Input node/);
  const cyclic = playlistFlow();
  cyclic.nodes.push({ ...cyclic.nodes[1], name: 'Again' });
  cyclic.connections = cyclic.connections.filter((c: Json) => c.name !== 'FlowInput_MakePlaylist_number');
  cyclic.connections.push(
    dataConnection('Again', 'modelCompletion', 'MakePlaylist', 'number'),
    dataConnection('MakePlaylist', 'modelCompletion', 'Again', 'genre'),
    dataConnection('FlowInput', 'document', 'Again', 'number'),
  );
  refused(cyclic, /form a cycle/);
  const unfed = playlistFlow();
  unfed.connections.pop();
  refused(unfed, /input document of node FlowOutput has no connection/);
  const malformed = playlistFlow();
  malformed.nodes[1].inputs[0].expression = 'data.genre';
  refused(malformed, /input genre of node MakePlaylist is malformed/);
  const badCondition = conditionFlow();
  badCondition.nodes[1].configuration.condition.conditions[0].expression = 'retailPrice >';
  refused(badCondition, /condition expensive of node MyCondition is malformed/);
  const unconfigured = playlistFlow();
  delete unconfigured.nodes[1].configuration;
  refused(unconfigured, /node MakePlaylist has no prompt configuration/);
  const dangling = playlistFlow();
  dangling.connections[0].target = 'Nowhere';
  refused(dangling, /joins nodes that do not exist/);
});
