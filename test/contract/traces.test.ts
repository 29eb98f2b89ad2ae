/**
 * Trace shapes as AWS sends them (issue 16, docs/behaviour.md#traces), read through the real
 * @aws-sdk/client-bedrock-agent-runtime: InvokeFlow's flowTraceEvent and ListFlowExecutionEvents alike.
 */
import { ListFlowExecutionEventsCommand, StartFlowExecutionCommand } from '@aws-sdk/client-bedrock-agent-runtime';
import t from 'tap';
import type { Json } from '../flows/fixtures.js';
import { dataConnection } from '../flows/fixtures.js';
import { deploy, ended, executionIds, invoke, tracesOf } from '../flows/executor/sdk.js';
import {
  AGENT_ALIAS,
  TEST_WORLD,
  agentNode,
  around,
  inputNode,
  knowledgeBaseNode,
  lambdaNode,
  lexNode,
  outputNode,
  promptNode,
  retrievalNode,
  storageNode,
} from '../flows/executor/world.js';
import { withEmulator } from '../helpers/emulator.js';

const { agent, runtime } = await withEmulator(t, { fixtures: TEST_WORLD, seed: 7 });
const control = agent();
const client = runtime();

/** A Prompt node as the captured trace's flow had it: an inline prompt with maxTokens 512, temperature 0.7, topP 1. */
function capturedPrompt(): Json {
  const node = promptNode('Answer', 'Answer the customer: {{question}}', [['question', 'String', '$.data']]);
  node.configuration.prompt.sourceConfiguration.inline.inferenceConfiguration = { text: { maxTokens: 512, temperature: 0.7, topP: 1 } };
  return around(node, 'String', 'String');
}

async function execute(flowId: string, document: Json) {
  const { executionArn } = await client.send(
    new StartFlowExecutionCommand({
      flowIdentifier: flowId,
      flowAliasIdentifier: 'TSTALIASID',
      inputs: [{ nodeName: 'FlowInput', nodeOutputName: 'document', content: { document } }],
    }),
  );
  await ended(client, flowId, executionArn!);
  const ids = executionIds(flowId, executionArn!);
  return (await client.send(new ListFlowExecutionEventsCommand({ ...ids, eventType: 'Node' }))).flowExecutionEvents ?? [];
}

t.test('field types are upper case (STRING, NUMBER, OBJECT, ARRAY, BOOLEAN) in traces and execution events', async (t) => {
  const flow = {
    nodes: [
      inputNode(),
      outputNode('Text', 'String', '$.data.s'),
      outputNode('Count', 'Number', '$.data.n'),
      outputNode('Flag', 'Boolean', '$.data.b'),
    ],
    connections: ['Text', 'Count', 'Flag'].map((n) => dataConnection('FlowInput', 'document', n, 'document')),
  };
  flow.nodes.push(outputNode('List', 'Array', '$.data.a'));
  flow.connections.push(dataConnection('FlowInput', 'document', 'List', 'document'));
  const id = await deploy(control, flow);
  const document = { s: 'x', n: 1, b: true, a: [1] };
  const run = await invoke(client, id, document, { trace: true });
  t.same(
    tracesOf(run, 'nodeOutputTrace').flatMap((tr) => tr.fields.map((f: Json) => f.type)),
    ['OBJECT'],
  );
  t.same(
    tracesOf(run, 'nodeInputTrace').map((tr) => [tr.nodeName, tr.fields[0].type]),
    [
      ['Text', 'STRING'],
      ['Count', 'NUMBER'],
      ['Flag', 'BOOLEAN'],
      ['List', 'ARRAY'],
    ],
  );
  const events = await execute(id, document);
  t.same(
    events.flatMap((e) => [...(e.nodeOutputEvent?.fields ?? []), ...(e.nodeInputEvent?.fields ?? [])].map((f) => f.type)),
    ['OBJECT', 'STRING', 'NUMBER', 'BOOLEAN', 'ARRAY'],
  );
});

t.test('a Prompt node traces the Converse call with every member, as the captured AWS trace shows', async (t) => {
  const id = await deploy(control, capturedPrompt());
  const run = await invoke(client, id, 'where is my parcel?', { trace: true });
  const [converse] = tracesOf(run, 'nodeActionTrace');
  t.match(converse, { nodeName: 'Answer', serviceName: 'bedrock', operationName: 'Converse', requestId: /^[0-9a-f-]{36}$/ });
  const text = 'Answer the customer: where is my parcel?';
  t.same(converse.operationRequest, {
    modelId: 'amazon.nova-lite-v1:0',
    messages: [{ role: 'user', content: [{ type: 'TEXT', text }] }],
    system: [],
    inferenceConfig: { maxTokens: 512, temperature: 0.699999988079071, topP: 1, stopSequences: [] },
    additionalModelRequestFields: null,
    additionalModelResponseFieldPaths: [],
    promptVariables: {},
    requestMetadata: {},
  });
  t.same(converse.operationResponse, {
    output: { type: 'MESSAGE', message: { role: 'assistant', content: [{ type: 'TEXT', text }] } },
    stopReason: 'end_turn',
    usage: { inputTokens: 10, outputTokens: 10, totalTokens: 20, cacheDetails: [] },
    metrics: { latencyMs: 0 },
    sdkHttpResponse: { statusCode: 200, statusText: 'OK', successful: true },
    responseMetadata: { metadata: { 'x-amzn-RequestId': converse.requestId } },
  });
  const [output] = tracesOf(run, 'nodeOutputTrace').filter((tr) => tr.nodeName === 'Answer');
  t.same(converse.timestamp, output.timestamp, "the action trace's time is the output trace's");
  const [action] = (await execute(id, 'hello')).flatMap((e) => (e.nodeActionEvent ? [e.nodeActionEvent] : []));
  t.match(action, {
    operationName: 'Converse',
    operationRequest: { inferenceConfig: { temperature: 0.699999988079071 } },
    operationResponse: { responseMetadata: { metadata: { 'x-amzn-RequestId': action!.requestId } } },
  });
});

t.test('under --seed the traces are the same on every run of a fresh emulator', async (t) => {
  const traces = async () => {
    const other = await withEmulator(t, { fixtures: TEST_WORLD, seed: 11 });
    const id = await deploy(other.agent(), capturedPrompt());
    return (await invoke(other.runtime(), id, 'where is my parcel?', { trace: true })).events;
  };
  t.same(await traces(), await traces());
});

t.test('only Prompt, Agent and Lambda nodes emit action traces; the others show in input and output traces', async (t) => {
  const silent: [string, Json, Json][] = [
    ['Docs', around(knowledgeBaseNode('Docs'), 'Array', 'String'), 'refunds'],
    ['Answer', around(knowledgeBaseNode('Answer', { modelId: 'amazon.nova-lite-v1:0' }, 'String'), 'String', 'String'), 'ship'],
    ['Intent', around(lexNode('Intent'), 'String', 'String'), 'where is my order'],
    ['Save', around(storageNode('Save')), { content: 'kept', key: 'out/traced.txt' }],
    ['Load', around(retrievalNode('Load'), 'String', 'String'), 'in/greeting.txt'],
  ];
  for (const [node, definition, document] of silent) {
    const run = await invoke(client, await deploy(control, definition), document, { trace: true });
    t.same(tracesOf(run, 'nodeActionTrace'), [], `${node}: no action trace`);
    t.ok(
      tracesOf(run, 'nodeInputTrace').some((tr) => tr.nodeName === node),
      `${node}: its input trace`,
    );
    t.ok(
      tracesOf(run, 'nodeOutputTrace').some((tr) => tr.nodeName === node),
      `${node}: its output trace`,
    );
  }
  const lambda = await invoke(
    client,
    await deploy(control, around(lambdaNode('Classify', 'classify', [['item', 'Object', '$.data']]), 'Object')),
    {},
    { trace: true },
  );
  // t.same, not t.match: a string pattern would match InvokeFunction too.
  t.same(
    tracesOf(lambda, 'nodeActionTrace').map((tr) => [tr.nodeName, tr.serviceName, tr.operationName]),
    [['Classify', 'lambda', 'Invoke']],
    "Lambda's action names the API operation Invoke",
  );
});

t.test("an Agent node's dependency trace is the agent's own trace, in InvokeAgent's trace parts", async (t) => {
  const id = await deploy(control, around(agentNode('Orders'), 'String', 'String'));
  const part = (orchestrationTrace: Json) => ({
    agentId: 'AGENT00002',
    agentAliasId: 'AGALIAS002',
    agentVersion: '1',
    sessionId: /^[0-9a-f-]{36}$/,
    eventTime: Date,
    callerChain: [{ agentAliasArn: AGENT_ALIAS }],
    trace: { orchestrationTrace },
  });
  const answered = await invoke(client, id, '12345', { trace: true });
  const [dependency] = tracesOf(answered, 'nodeDependencyTrace');
  t.match(dependency, {
    nodeName: 'Orders',
    timestamp: Date,
    traceElements: {
      agentTraces: [
        part({ modelInvocationInput: { traceId: /^[A-Z0-9]{10}-0$/, type: 'ORCHESTRATION', text: '12345' } }),
        part({ rationale: { text: 'Response rule 1 (match "^[0-9]+$") matches the input: the agent answers.' } }),
        part({ observation: { type: 'FINISH', finalResponse: { text: 'Order 12345 ships tomorrow.' } } }),
      ],
    },
  });
  t.match(tracesOf(answered, 'nodeActionTrace'), [{ nodeName: 'Orders', serviceName: 'bedrock', operationName: 'InvokeAgent' }]);
  const asked = await invoke(client, id, 'where is my order?', { trace: true });
  t.match(tracesOf(asked, 'nodeDependencyTrace')[0]?.traceElements.agentTraces[2], {
    trace: { orchestrationTrace: { observation: { type: 'ASK_USER', finalResponse: { text: 'Which order number?' } } } },
  });
  const [event] = (await execute(id, '12345')).flatMap((e) => (e.nodeDependencyEvent ? [e.nodeDependencyEvent] : []));
  t.match(event, {
    nodeName: 'Orders',
    traceElements: {
      agentTraces: [
        {},
        { trace: { orchestrationTrace: { rationale: {} } } },
        { trace: { orchestrationTrace: { observation: { type: 'FINISH' } } } },
      ],
    },
  });
});
