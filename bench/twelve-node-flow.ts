/**
 * The benchmark's 12-node flow and the fixture that makes it runnable: a static-response Lambda classifies the
 * question, a Condition routes billing questions to a KnowledgeBase lookup and a Prompt, others to a fallback
 * output; in parallel a second Lambda's array goes through Iterator → Prompt → Collector. Every node type the
 * executor spends real work on (expressions, conditions, retrieval ranking, template rendering, fan-out) is here.
 */
import type { FixtureDocument } from '../src/fixtures/schema.js';
import { conditionalConnection, dataConnection } from '../test/flows/fixtures.js';

export const BENCH_FLOW_ID = 'BENCHFLOW1';
export const FLOW_ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonBedrockExecutionRoleForFlows_DEFAULT001';
const LAMBDA = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const MODEL = 'amazon.nova-lite-v1:0';

const prompt = (name: string, text: string, inputs: [string, string, string][]) => ({
  type: 'Prompt',
  name,
  configuration: {
    prompt: { sourceConfiguration: { inline: { modelId: MODEL, templateType: 'TEXT', templateConfiguration: { text: { text } } } } },
  },
  inputs: inputs.map(([n, type, expression]) => ({ name: n, type, expression })),
  outputs: [{ name: 'modelCompletion', type: 'String' }],
});

const lambda = (name: string, fn: string, responseType: string) => ({
  type: 'LambdaFunction',
  name,
  configuration: { lambdaFunction: { lambdaArn: LAMBDA(fn) } },
  inputs: [{ name: 'event', type: 'Object', expression: '$.data' }],
  outputs: [{ name: 'functionResponse', type: responseType }],
});

const output = (name: string, type: string, expression = '$.data') => ({
  type: 'Output',
  name,
  inputs: [{ name: 'document', type, expression }],
});

export const TWELVE_NODE_DEFINITION = {
  nodes: [
    { type: 'Input', name: 'FlowInput', outputs: [{ name: 'document', type: 'Object' }] },
    lambda('Classify', 'bench-classify', 'Object'),
    {
      type: 'Condition',
      name: 'Route',
      inputs: [{ name: 'category', type: 'String', expression: '$.data.category' }],
      configuration: { condition: { conditions: [{ name: 'billing', expression: 'category == "billing"' }, { name: 'default' }] } },
    },
    {
      type: 'KnowledgeBase',
      name: 'Lookup',
      configuration: { knowledgeBase: { knowledgeBaseId: 'KB00000001' } },
      inputs: [{ name: 'retrievalQuery', type: 'String', expression: '$.data.question' }],
      outputs: [{ name: 'retrievalResults', type: 'Array' }],
    },
    prompt('Answer', 'Answer {{question}} from these passages: {{passages}}', [
      ['question', 'String', '$.data.question'],
      ['passages', 'Array', '$.data'],
    ]),
    output('AnswerOutput', 'String'),
    output('FallbackOutput', 'String', '$.data.question'),
    lambda('Topics', 'bench-topics', 'Array'),
    {
      type: 'Iterator',
      name: 'EachTopic',
      configuration: { iterator: {} },
      inputs: [{ name: 'array', type: 'Array', expression: '$.data' }],
      outputs: [
        { name: 'arrayItem', type: 'String' },
        { name: 'arraySize', type: 'Number' },
      ],
    },
    prompt('Describe', 'Describe the topic {{topic}} in one sentence.', [['topic', 'String', '$.data']]),
    {
      type: 'Collector',
      name: 'Gather',
      configuration: { collector: {} },
      inputs: [
        { name: 'arrayItem', type: 'String', expression: '$.data' },
        { name: 'arraySize', type: 'Number', expression: '$.data' },
      ],
      outputs: [{ name: 'collectedArray', type: 'Array' }],
    },
    output('TopicsOutput', 'Array'),
  ],
  connections: [
    dataConnection('FlowInput', 'document', 'Classify', 'event'),
    dataConnection('Classify', 'functionResponse', 'Route', 'category'),
    conditionalConnection('Route', 'billing', 'Lookup'),
    conditionalConnection('Route', 'default', 'FallbackOutput'),
    dataConnection('FlowInput', 'document', 'Lookup', 'retrievalQuery'),
    dataConnection('FlowInput', 'document', 'Answer', 'question'),
    dataConnection('Lookup', 'retrievalResults', 'Answer', 'passages'),
    dataConnection('Answer', 'modelCompletion', 'AnswerOutput', 'document'),
    dataConnection('FlowInput', 'document', 'FallbackOutput', 'document'),
    dataConnection('FlowInput', 'document', 'Topics', 'event'),
    dataConnection('Topics', 'functionResponse', 'EachTopic', 'array'),
    dataConnection('EachTopic', 'arrayItem', 'Describe', 'topic'),
    dataConnection('Describe', 'modelCompletion', 'Gather', 'arrayItem'),
    dataConnection('EachTopic', 'arraySize', 'Gather', 'arraySize'),
    dataConnection('Gather', 'collectedArray', 'TopicsOutput', 'document'),
  ],
};

/** A CreateFlow body plus the fixture-only members (not a fresh literal, so FlowFixture's typing accepts it). */
const benchFlow = {
  flowId: BENCH_FLOW_ID,
  name: 'bench-twelve-nodes',
  executionRoleArn: FLOW_ROLE,
  definition: TWELVE_NODE_DEFINITION,
  prepare: true,
};

/** Added to the default fixtures: the two static Lambdas and the prepared flow (invoked through TSTALIASID). */
export const BENCH_FIXTURE: FixtureDocument = {
  account: '123456789012',
  region: 'us-east-1',
  lambdaFunctions: [
    { name: 'bench-classify', response: { category: 'billing', confidence: 0.92 } },
    { name: 'bench-topics', response: ['refunds', 'shipping', 'opening hours'] },
  ],
  flows: [benchFlow],
};

/** The InvokeFlow input the flow expects. */
export const BENCH_INPUT = { question: 'How long do refunds take?' };

/** The InvokeFlow request both InvokeFlow measurements send (invoke-latency.ts, recording-overhead.ts). */
export const BENCH_INVOKE = {
  flowIdentifier: BENCH_FLOW_ID,
  flowAliasIdentifier: 'TSTALIASID',
  inputs: [{ nodeName: 'FlowInput', nodeOutputName: 'document', content: { document: BENCH_INPUT } }],
};
