/** One test per FlowValidationType: a minimal definition that triggers it, and a close one that does not. */
import t from 'tap';
import { FLOW_VALIDATION_TYPES, validateDefinition, type FlowValidationType } from '../../src/flows/index.js';
import {
  conditionalConnection,
  conditionFlow,
  connection,
  dataConnection,
  lambdaNode,
  loopBody,
  loopFlow,
  node,
  ofType,
  playlistFlow,
  withoutNode,
  type Json,
} from './fixtures.js';

const seen = new Set<FlowValidationType>();

/** Asserts exactly these validations of `type` (severity and details), and none of it in the near miss. */
function check(type: FlowValidationType, severity: 'Error' | 'Warning', trigger: Json, details: Json[], nearMiss: Json): void {
  seen.add(type);
  t.test(type, async (t) => {
    const key = type[0]!.toLowerCase() + type.slice(1);
    const found = ofType(validateDefinition(trigger), type);
    t.same(
      found.map((v) => ({ severity: v.severity, details: v.details })),
      details.map((d) => ({ severity, details: { [key]: d } })),
    );
    t.ok(
      found.every((v) => v.message.trim().length > 0),
      'each has a message',
    );
    t.same(ofType(validateDefinition(nearMiss), type), [], 'near miss');
  });
}

const mutate = (make: () => Json, change: (flow: Json) => void): Json => {
  const flow = make();
  change(flow);
  return flow;
};

check(
  'CyclicConnection',
  'Error',
  mutate(playlistFlow, (f) => {
    f.nodes.push(lambdaNode('Step', ['first', 'again']));
    f.connections.push(
      dataConnection('FlowInput', 'document', 'Step', 'first'),
      dataConnection('Step', 'functionResponse', 'Step', 'again'),
    );
  }),
  [{ connection: 'Step_Step_again' }],
  mutate(playlistFlow, (f) => {
    f.nodes.push(lambdaNode('Step', ['first', 'again']));
    f.connections.push(dataConnection('FlowInput', 'document', 'Step', 'first'), dataConnection('FlowInput', 'document', 'Step', 'again'));
  }),
);

check(
  'DuplicateConnections',
  'Warning',
  mutate(playlistFlow, (f) => f.connections.push({ ...connection(f, 'MakePlaylist_FlowOutput'), name: 'Again' })),
  [{ source: 'MakePlaylist', target: 'FlowOutput' }],
  playlistFlow(),
); // two FlowInput → MakePlaylist connections feeding different inputs are not duplicates

check(
  'DuplicateConditionExpression',
  'Warning',
  mutate(conditionFlow, (f) => {
    node(f, 'MyCondition').configuration.condition.conditions[1].expression = '(retailPrice>10) and type=="produce"';
  }),
  [{ node: 'MyCondition', expression: '(retailPrice>10) and type=="produce"' }],
  conditionFlow(),
);

check(
  'UnreachableNode',
  'Error',
  mutate(playlistFlow, (f) => f.nodes.push(lambdaNode('Orphan', []))),
  [{ node: 'Orphan' }],
  mutate(playlistFlow, (f) => {
    f.nodes.push(lambdaNode('Orphan', ['payload']));
    f.connections.push(dataConnection('FlowInput', 'document', 'Orphan', 'payload'));
  }),
);

check(
  'UnknownConnectionSource',
  'Error',
  mutate(playlistFlow, (f) => {
    connection(f, 'MakePlaylist_FlowOutput').source = 'Ghost';
  }),
  [{ connection: 'MakePlaylist_FlowOutput' }],
  playlistFlow(),
);

check(
  'UnknownConnectionSourceOutput',
  'Error',
  mutate(playlistFlow, (f) => {
    connection(f, 'MakePlaylist_FlowOutput').configuration.data.sourceOutput = 'completion';
  }),
  [{ connection: 'MakePlaylist_FlowOutput' }],
  playlistFlow(),
);

check(
  'UnknownConnectionTarget',
  'Error',
  mutate(playlistFlow, (f) => {
    connection(f, 'MakePlaylist_FlowOutput').target = 'Ghost';
  }),
  [{ connection: 'MakePlaylist_FlowOutput' }],
  playlistFlow(),
);

check(
  'UnknownConnectionTargetInput',
  'Error',
  mutate(playlistFlow, (f) => {
    connection(f, 'MakePlaylist_FlowOutput').configuration.data.targetInput = 'doc';
  }),
  [{ connection: 'MakePlaylist_FlowOutput' }],
  playlistFlow(),
);

check(
  'UnknownConnectionCondition',
  'Error',
  mutate(conditionFlow, (f) => {
    connection(f, 'MyCondition_GoodDealOutput_goodDeal').configuration.conditional.condition = 'cheap';
  }),
  [{ connection: 'MyCondition_GoodDealOutput_goodDeal' }],
  conditionFlow(),
);

check(
  'MalformedConditionExpression',
  'Error',
  mutate(conditionFlow, (f) => {
    node(f, 'MyCondition').configuration.condition.conditions[0].expression = '(retailPrice > 10) and';
  }),
  [{ node: 'MyCondition', condition: 'expensive', cause: 'Expected an input or a constant at the end of the condition.' }],
  conditionFlow(),
);

check(
  'MalformedNodeInputExpression',
  'Error',
  mutate(playlistFlow, (f) => {
    node(f, 'MakePlaylist').inputs[0].expression = 'data.genre';
  }),
  [{ node: 'MakePlaylist', input: 'genre', cause: 'The expression must start with $.data.' }],
  playlistFlow(),
);

const knowledgeBaseFlow = (): Json => ({
  nodes: [
    { type: 'Input', name: 'FlowInput', outputs: [{ name: 'document', type: 'Object' }] },
    {
      type: 'KnowledgeBase',
      name: 'Docs',
      configuration: { knowledgeBase: { knowledgeBaseId: 'KB00000001' } },
      inputs: [{ name: 'retrievalQuery', type: 'String', expression: '$.data.question' }],
      outputs: [{ name: 'retrievalResults', type: 'Array' }],
    },
    { type: 'Output', name: 'FlowOutput', inputs: [{ name: 'document', type: 'Array', expression: '$.data' }] },
  ],
  connections: [
    dataConnection('FlowInput', 'document', 'Docs', 'retrievalQuery'),
    dataConnection('Docs', 'retrievalResults', 'FlowOutput', 'document'),
  ],
});

check(
  'MismatchedNodeInputType',
  'Error',
  mutate(knowledgeBaseFlow, (f) => {
    node(f, 'Docs').inputs[0].type = 'Number';
  }),
  [{ node: 'Docs', input: 'retrievalQuery', expectedType: 'String' }],
  knowledgeBaseFlow(),
);

check(
  'MismatchedNodeOutputType',
  'Error',
  mutate(playlistFlow, (f) => {
    node(f, 'MakePlaylist').outputs[0].type = 'Object';
  }),
  [{ node: 'MakePlaylist', output: 'modelCompletion', expectedType: 'String' }],
  playlistFlow(),
);

check(
  'IncompatibleConnectionDataType',
  'Error',
  mutate(playlistFlow, (f) => {
    node(f, 'FlowOutput').inputs[0].type = 'Number';
  }),
  [{ connection: 'MakePlaylist_FlowOutput' }],
  conditionFlow(),
); // an Object document feeding String outputs through $.data.action[i] is fine

check(
  'MissingConnectionConfiguration',
  'Error',
  mutate(playlistFlow, (f) => {
    delete connection(f, 'MakePlaylist_FlowOutput').configuration;
  }),
  [{ connection: 'MakePlaylist_FlowOutput' }],
  playlistFlow(),
);

check(
  'MissingDefaultCondition',
  'Error',
  mutate(conditionFlow, (f) => {
    node(f, 'MyCondition').configuration.condition.conditions.pop();
    withoutNode(f, 'DefaultOutput');
  }),
  [{ node: 'MyCondition' }],
  conditionFlow(),
);

check(
  'MissingEndingNodes',
  'Error',
  mutate(playlistFlow, (f) => withoutNode(f, 'FlowOutput')),
  [{}],
  playlistFlow(),
);

check(
  'MissingNodeConfiguration',
  'Error',
  mutate(playlistFlow, (f) => {
    delete node(f, 'MakePlaylist').configuration;
  }),
  [{ node: 'MakePlaylist' }],
  playlistFlow(),
); // its Input and Output nodes have no configuration, which they do not need

check(
  'MissingNodeInput',
  'Error',
  mutate(playlistFlow, (f) => {
    node(f, 'MakePlaylist').configuration.prompt.sourceConfiguration.inline.templateConfiguration.text.text += ' Mood: {{mood}}.';
  }),
  [{ node: 'MakePlaylist', input: 'mood' }],
  playlistFlow(),
);

check(
  'MissingNodeOutput',
  'Error',
  mutate(playlistFlow, (f) => {
    delete node(f, 'MakePlaylist').outputs;
  }),
  [{ node: 'MakePlaylist', output: 'modelCompletion' }],
  playlistFlow(),
);

check(
  'MissingStartingNodes',
  'Error',
  mutate(playlistFlow, (f) => withoutNode(f, 'FlowInput')),
  [{}],
  playlistFlow(),
);

check(
  'MultipleNodeInputConnections',
  'Error',
  mutate(playlistFlow, (f) => f.connections.push(dataConnection('FlowInput', 'document', 'FlowOutput', 'document'))),
  [{ node: 'FlowOutput', input: 'document' }],
  mutate(playlistFlow, (f) => f.connections.push({ ...connection(f, 'MakePlaylist_FlowOutput'), name: 'SameAgain' })),
);

check(
  'UnfulfilledNodeInput',
  'Error',
  mutate(playlistFlow, (f) => {
    f.connections = f.connections.filter((c: Json) => c.name !== 'FlowInput_MakePlaylist_number');
  }),
  [{ node: 'MakePlaylist', input: 'number' }],
  playlistFlow(),
);

t.test('UnsatisfiedConnectionConditions also comes from a condition the declared types make false', async (t) => {
  const flow = conditionFlow();
  node(flow, 'MyCondition').configuration.condition.conditions[1].expression = 'type == 5';
  t.same(
    ofType(validateDefinition(flow), 'UnsatisfiedConnectionConditions').map((v) => v.details),
    [{ unsatisfiedConnectionConditions: { connection: 'MyCondition_GoodDealOutput_goodDeal' } }],
  );
  const shadowing = conditionFlow();
  node(shadowing, 'MyCondition').configuration.condition.conditions[0].expression = 'type != 5';
  t.same(
    ofType(validateDefinition(shadowing), 'UnsatisfiedConnectionConditions').map(
      (v) => (v.details as { unsatisfiedConnectionConditions: unknown }).unsatisfiedConnectionConditions,
    ),
    [{ connection: 'MyCondition_GoodDealOutput_goodDeal' }, { connection: 'MyCondition_DefaultOutput_default' }],
    'an always-true condition shadows the later ones and default',
  );
});

check(
  'UnsatisfiedConnectionConditions',
  'Error',
  mutate(conditionFlow, (f) => f.connections.push(conditionalConnection('MyCondition', 'goodDeal', 'ExpensiveOutput'))),
  [{ connection: 'MyCondition_ExpensiveOutput_goodDeal' }],
  conditionFlow(),
);

check(
  'Unspecified',
  'Error',
  mutate(playlistFlow, (f) => f.nodes.push({ type: 'Input', name: 'SecondInput', outputs: [{ name: 'document', type: 'Object' }] })),
  [{}],
  playlistFlow(),
);

check(
  'UnknownNodeInput',
  'Error',
  mutate(playlistFlow, (f) => node(f, 'FlowOutput').inputs.push({ name: 'extra', type: 'String', expression: '$.data' })),
  [{ node: 'FlowOutput', input: 'extra' }],
  playlistFlow(),
);

check(
  'UnknownNodeOutput',
  'Error',
  mutate(playlistFlow, (f) => {
    node(f, 'FlowOutput').outputs = [{ name: 'echo', type: 'String' }];
  }),
  [{ node: 'FlowOutput', output: 'echo' }],
  playlistFlow(),
);

check(
  'MissingLoopInputNode',
  'Error',
  mutate(loopFlow, (f) => withoutNode(loopBody(f), 'LoopStart')),
  [{ loopNode: 'Refine' }],
  loopFlow(),
);

check(
  'MissingLoopControllerNode',
  'Error',
  mutate(loopFlow, (f) => withoutNode(loopBody(f), 'Control')),
  [{ loopNode: 'Refine' }],
  loopFlow(),
);

check(
  'MultipleLoopInputNodes',
  'Error',
  mutate(loopFlow, (f) => loopBody(f).nodes.push({ ...node(loopBody(f), 'LoopStart'), name: 'LoopStart2' })),
  [{ loopNode: 'Refine' }],
  loopFlow(),
);

check(
  'MultipleLoopControllerNodes',
  'Error',
  mutate(loopFlow, (f) => loopBody(f).nodes.push({ ...node(loopBody(f), 'Control'), name: 'Control2' })),
  [{ loopNode: 'Refine' }],
  loopFlow(),
);

check(
  'LoopIncompatibleNodeType',
  'Error',
  mutate(loopFlow, (f) => loopBody(f).nodes.push({ type: 'Iterator', name: 'Each' })),
  [{ node: 'Refine', incompatibleNodeType: 'Iterator', incompatibleNodeName: 'Each' }],
  loopFlow(),
);

check(
  'InvalidLoopBoundary',
  'Error',
  mutate(loopFlow, (f) => f.connections.push(dataConnection('FlowInput', 'document', 'Step', 'state', 'IntoTheBody'))),
  [{ connection: 'IntoTheBody', source: 'FlowInput', target: 'Step' }],
  loopFlow(),
);

t.test('every FlowValidationType has a test', async (t) => {
  t.same(
    FLOW_VALIDATION_TYPES.filter((type) => !seen.has(type)),
    [],
  );
  t.equal(FLOW_VALIDATION_TYPES.length, 33);
});
