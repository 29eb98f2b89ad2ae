import t from 'tap';
import { FLOW_NODE_TYPES, NODE_TYPES, nodeTypeSpec, outputPorts } from '../../src/flows/index.js';

t.test('the table covers the 16 node types with their configuration keys and runtime names', async (t) => {
  t.same(Object.keys(NODE_TYPES).sort(), [...FLOW_NODE_TYPES].sort());
  for (const type of FLOW_NODE_TYPES) {
    const spec = NODE_TYPES[type];
    t.equal(spec.type, type);
    t.equal(spec.configurationKey, type[0]!.toLowerCase() + type.slice(1));
  }
  t.same(
    FLOW_NODE_TYPES.map((type) => NODE_TYPES[type].runtimeNodeType),
    [
      'FlowInputNode',
      'FlowOutputNode',
      'KnowledgeBaseNode',
      'ConditionNode',
      'LexNode',
      'PromptNode',
      'LambdaFunctionNode',
      'StorageNode',
      'AgentNode',
      'RetrievalNode',
      'IteratorNode',
      'CollectorNode',
      'InlineCodeNode',
      'LoopNode',
      'LoopInputNode',
      'LoopControllerNode',
    ],
  );
});

t.test('quotas from the AWS quotas table', async (t) => {
  const quotas = Object.fromEntries(FLOW_NODE_TYPES.map((type) => [type, NODE_TYPES[type].quota]));
  t.same(quotas, {
    Input: 1,
    Output: 20,
    KnowledgeBase: 20,
    Condition: 5,
    Lex: 5,
    Prompt: 20,
    LambdaFunction: 20,
    Storage: 10,
    Agent: 20,
    Retrieval: 10,
    Iterator: 1,
    Collector: 1,
    InlineCode: 5,
    Loop: undefined,
    LoopInput: undefined,
    LoopController: undefined,
  });
});

t.test('lookups', async (t) => {
  t.equal(nodeTypeSpec('Prompt'), NODE_TYPES.Prompt);
  t.equal(nodeTypeSpec('DoWhile'), undefined, 'the legacy DoWhile type is not a FlowNodeType');
  t.equal(nodeTypeSpec('toString'), undefined);
  t.same(outputPorts(NODE_TYPES.KnowledgeBase, { knowledgeBaseId: 'KB' }), {
    kind: 'fixed',
    ports: [{ name: 'retrievalResults', type: 'Array', required: true }],
  });
  t.same(outputPorts(NODE_TYPES.KnowledgeBase, { knowledgeBaseId: 'KB', modelId: 'm' }), {
    kind: 'fixed',
    ports: [{ name: 'outputText', type: 'String', required: true }],
  });
});
