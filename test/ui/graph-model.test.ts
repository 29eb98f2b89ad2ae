/** The workbench's graph model (src/ui/graph-model.ts): what it draws and marks, checked without a browser. */
import t from 'tap';
import { conversationOf, elkGraph, graphOf, runPath, validationTargets } from '../../src/ui/graph-model.js';
import { iteratorFlow, playlistFlow } from '../flows/fixtures.js';
import { failedRun, multiTurnRun } from './sample-runs.js';

t.test('a definition becomes nodes with labelled ports and connections between them', async (t) => {
  const model = graphOf(playlistFlow() as never);
  t.same(
    model.nodes.map((n) => [n.name, n.type, n.inputs.map((p) => p.name), n.outputs.map((p) => p.name)]),
    [
      ['FlowInput', 'Input', [], ['document']],
      ['MakePlaylist', 'Prompt', ['genre', 'number'], ['modelCompletion']],
      ['FlowOutput', 'Output', ['document'], []],
    ],
  );
  t.equal(model.edges.length, 3);
  t.ok(
    model.edges.every((e) => e.sourcePort && e.targetPort),
    'data connections join ports',
  );
  const elk = elkGraph(model);
  t.same(elk.edges!.map((e) => [e.sources[0]!.split('\u0000'), e.targets[0]!.split('\u0000')])[2], [
    ['MakePlaylist', 'out', 'modelCompletion'],
    ['FlowOutput', 'in', 'document'],
  ]);
});

t.test('conditions are ports of their Condition node; a Loop is a group around its inner definition', async (t) => {
  const model = graphOf({
    nodes: [
      { name: 'In', type: 'Input', outputs: [{ name: 'document', type: 'Number' }] },
      {
        name: 'Check',
        type: 'Condition',
        inputs: [{ name: 'n', type: 'Number', expression: '$.data' }],
        configuration: { condition: { conditions: [{ name: 'big', expression: 'n > 3' }, { name: 'default' }] } },
      },
      {
        name: 'Repeat',
        type: 'Loop',
        inputs: [{ name: 'n', type: 'Number', expression: '$.data' }],
        outputs: [{ name: 'out', type: 'Number' }],
        configuration: {
          loop: {
            definition: {
              nodes: [
                { name: 'LoopStart', type: 'LoopInput', outputs: [{ name: 'n', type: 'Number' }] },
                { name: 'Until', type: 'LoopController', inputs: [{ name: 'n', type: 'Number', expression: '$.data' }] },
              ],
              connections: [
                {
                  name: 'inner',
                  source: 'LoopStart',
                  target: 'Until',
                  type: 'Data',
                  configuration: { data: { sourceOutput: 'n', targetInput: 'n' } },
                },
              ],
            },
          },
        },
      },
    ],
    connections: [
      { name: 'c1', source: 'In', target: 'Check', type: 'Data', configuration: { data: { sourceOutput: 'document', targetInput: 'n' } } },
      { name: 'ifBig', source: 'Check', target: 'Repeat', type: 'Conditional', configuration: { conditional: { condition: 'big' } } },
      {
        name: 'dangling',
        source: 'Check',
        target: 'Nowhere',
        type: 'Conditional',
        configuration: { conditional: { condition: 'default' } },
      },
    ],
  } as never);
  const check = model.nodes.find((n) => n.name === 'Check')!;
  t.same(
    check.outputs.map((p) => [p.name, p.condition]),
    [
      ['big', true],
      ['default', true],
    ],
  );
  const ifBig = model.edges.find((e) => e.name === 'ifBig')!;
  t.equal(ifBig.kind, 'Conditional');
  t.equal(ifBig.sourcePort, check.outputs[0]!.id, 'leaves from its condition');
  t.notOk(
    model.edges.some((e) => e.name === 'dangling'),
    'a connection to an unknown node is not drawn (its validation names it)',
  );
  const loop = model.nodes.find((n) => n.name === 'Repeat')!;
  t.same(
    loop.children.map((n) => n.id),
    ['Repeat/LoopStart', 'Repeat/Until'],
  );
  t.same(
    loop.edges.map((e) => e.id),
    ['Repeat/inner'],
  );
  const elkLoop = elkGraph(model).children!.find((c) => c.id === 'Repeat')!;
  t.equal(elkLoop.children!.length, 2, 'ELK lays the loop out as a compound node');
  t.equal(elkLoop.width, undefined, 'sized by its children');
});

t.test("an Iterator's per-item nodes are a group; connections across its border stay outside it", async (t) => {
  const model = graphOf(iteratorFlow() as never);
  t.same(
    model.nodes.map((n) => n.name),
    ['FlowInput', 'EachArtist', 'EachArtist', 'Gather', 'FlowOutput'],
    'the box stands where its first node was',
  );
  const box = model.nodes[2]!;
  t.same(box.iteration, { collector: 'Gather' });
  t.same(
    box.children.map((n) => n.name),
    ['Describe'],
    'only the node run per item is inside: not the Iterator, not the Collector',
  );
  t.same(
    model.edges.map((e) => e.name).sort(),
    [
      'Describe_Gather_arrayItem',
      'EachArtist_Describe_artist',
      'EachArtist_Gather_arraySize',
      'FlowInput_EachArtist_array',
      'Gather_FlowOutput_document',
    ],
    'every connection touches a node outside the box',
  );
  t.same(box.edges, []);
  const elkBox = elkGraph(model).children![2]!;
  t.same(
    elkBox.children!.map((c) => c.id),
    ['Describe'],
    'ELK lays the box out as a compound node',
  );
  t.equal(elkBox.ports, undefined, 'with no ports of its own');
  const run = {
    executionId: 'x',
    flowId: 'f',
    nodes: ['FlowInput', 'EachArtist', 'Describe', 'Describe', 'Gather', 'FlowOutput'].map((nodeName) => ({ nodeName })),
  };
  t.equal(runPath(model, run).connections.size, 5, "a run's path follows connections across the border");
});

t.test('validations name the nodes and connections to mark', async (t) => {
  t.same(validationTargets({ message: 'm', severity: 'Error', details: { unreachableNode: { node: 'Orphan' } } }), {
    nodes: ['Orphan'],
    connections: [],
  });
  t.same(validationTargets({ details: { duplicateConnections: { source: 'A', target: 'B' } } }), { nodes: ['A', 'B'], connections: [] });
  t.same(validationTargets({ details: { cyclicConnection: { connection: 'loopback' } } }), { nodes: [], connections: ['loopback'] });
  t.same(validationTargets({ message: 'no details' }), { nodes: [], connections: [] });
  t.same(validationTargets(null), { nodes: [], connections: [] });
});

t.test("a run's path: the nodes it ran, the connections between them, the failed node with its error", async (t) => {
  const model = graphOf(playlistFlow() as never);
  const path = runPath(model, failedRun());
  t.same([...path.ran], ['FlowInput', 'MakePlaylist']);
  t.same([...path.connections].sort(), ['FlowInput_MakePlaylist_genre', 'FlowInput_MakePlaylist_number']);
  t.same([...path.failed], [['MakePlaylist', 'DependencyFailedException: The model amazon.nova-lite-v1:0 refused: throttled']]);
});

t.test('a multi-turn run: a conversation of its turns, and the path of each', async (t) => {
  const run = multiTurnRun();
  t.same(conversationOf(run), [
    { turn: 1, said: { genre: 'pop', number: 3 }, answered: [], asked: 'How many songs?' },
    { turn: 2, said: { agentInputText: 'three' }, answered: [{ document: '1. Song A' }] },
  ]);
  const model = graphOf(playlistFlow() as never);
  t.same([...runPath(model, run, 1).ran], ['FlowInput', 'MakePlaylist']);
  t.same([...runPath(model, run, 2).ran], ['MakePlaylist', 'FlowOutput']);
  t.same([...runPath(model, run).ran], ['FlowInput', 'MakePlaylist', 'FlowOutput'], 'the whole run');
});
