/** InvokeFlow through the real @aws-sdk/client-bedrock-agent-runtime (default handler: HTTP/2 cleartext). */
import {
  CreateFlowAliasCommand,
  CreateFlowVersionCommand,
  PrepareFlowCommand,
  UpdateFlowCommand,
  type FlowDefinition,
} from '@aws-sdk/client-bedrock-agent';
import { InvokeFlowCommand } from '@aws-sdk/client-bedrock-agent-runtime';
import t from 'tap';
import { conditionFlow, dataConnection, iteratorFlow, loopFlow, type Json } from '../flows/fixtures.js';
import { completionOf, deploy, invoke, outputsOf, tracesOf } from '../flows/executor/sdk.js';
import {
  FLOW_ROLE,
  NO_LAMBDA_ROLE,
  PROMPT_V1,
  TEST_WORLD,
  agentNode,
  around,
  inlineCodeNode,
  inputNode,
  knowledgeBaseNode,
  lambdaArn,
  lambdaNode,
  lexNode,
  outputNode,
  promptNode,
  retrievalNode,
  storageNode,
} from '../flows/executor/world.js';
import { withEmulator } from '../helpers/emulator.js';

const { emu, agent, runtime } = await withEmulator(t, { fixtures: TEST_WORLD });
const control = agent();
const client = runtime();

t.test('the default playlist flow: its output, then SUCCESS, with an execution id', async (t) => {
  const run = await invoke(client, 'FLOW000001', { genre: 'pop', number: 3 });
  t.same(outputsOf(run), ['1. Song A\n2. Song B\n3. Song C']);
  t.same(
    run.events.map((e) => Object.keys(e)[0]),
    ['flowOutputEvent', 'flowCompletionEvent'],
  );
  t.match(run.events[0], { flowOutputEvent: { nodeName: 'FlowOutput', nodeType: 'FlowOutputNode' } });
  t.equal(completionOf(run), 'SUCCESS');
  t.match(run.executionId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const byArn = await invoke(
    client,
    'arn:aws:bedrock:us-east-1:123456789012:flow/FLOW000001',
    { genre: 'pop', number: 3 },
    {
      alias: 'arn:aws:bedrock:us-east-1:123456789012:flow/FLOW000001/alias/TSTALIASID',
    },
  );
  t.equal(completionOf(byArn), 'SUCCESS', 'flow and alias by ARN');
});

t.test('request-level failures are HTTP errors, before any stream', async (t) => {
  const send = (flowIdentifier: string, flowAliasIdentifier: string, input: Json) =>
    client.send(new InvokeFlowCommand({ flowIdentifier, flowAliasIdentifier, inputs: [input] }));
  const good = { nodeName: 'FlowInput', nodeOutputName: 'document', content: { document: { genre: 'pop', number: 1 } } };
  await t.rejects(send('NOSUCHFLOW', 'TSTALIASID', good), { name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } });
  await t.rejects(send('FLOW000001', 'ABCDEFGHIJ', good), { name: 'ResourceNotFoundException' });
  await t.rejects(send('FLOW000001', 'TSTALIASID', { ...good, nodeName: 'Elsewhere' }), {
    name: 'ValidationException',
    message: 'The input names node Elsewhere, but the flow starts at its Input node FlowInput.',
    $metadata: { httpStatusCode: 400 },
  });
  await t.rejects(send('FLOW000001', 'TSTALIASID', { ...good, nodeOutputName: 'other' }), {
    name: 'ValidationException',
    message: /has no output other/,
  });
  await t.rejects(send('FLOW000001', 'TSTALIASID', { ...good, content: { document: 'a string' } }), {
    name: 'ValidationException',
    message: 'The input document must be an Object, the type of output document of Input node FlowInput, but it is a String.',
  });
  const id = await deploy(control, around(promptNode('Echo', '{{value}}', [['value', 'String', '$.data']]), 'String', 'String'));
  await control.send(
    new UpdateFlowCommand({
      flowIdentifier: id,
      name: 'changed',
      executionRoleArn: FLOW_ROLE,
      definition: around(promptNode('Echo', '{{value}}!', [['value', 'String', '$.data']]), 'String', 'String'),
    }),
  );
  await t.rejects(send(id, 'TSTALIASID', { nodeName: 'FlowInput', content: { document: 'x' } }), {
    name: 'ValidationException',
    message: 'The flow alias is not in prepared state',
  });
});

t.test('every node type runs through the SDK', async (t) => {
  const managed = promptNode('Managed', '', [
    ['genre', 'String', '$.data.genre'],
    ['number', 'Number', '$.data.number'],
  ]);
  managed.configuration.prompt.sourceConfiguration = { resource: { promptArn: PROMPT_V1 } };
  const cases: [string, Json, unknown, unknown[]][] = [
    [
      'Prompt (inline)',
      around(promptNode('Greet', 'Say hello to {{name}}.', [['name', 'String', '$.data']]), 'String', 'String'),
      'Ann',
      ['Say hello to Ann.'],
    ],
    ['Prompt (prompt management, version 1)', around(managed), { genre: 'pop', number: 2 }, ['1. Song A\n2. Song B\n3. Song C']],
    [
      'KnowledgeBase (Retrieve)',
      around(knowledgeBaseNode('Docs'), 'Array', 'String'),
      'refunds',
      [[{ content: { text: /^Refunds are paid/ }, score: Number }]],
    ],
    [
      'KnowledgeBase (RetrieveAndGenerate)',
      around(knowledgeBaseNode('Answer', { modelId: 'amazon.nova-lite-v1:0' }, 'String'), 'String', 'String'),
      'when do orders ship',
      [/Orders ship within 24 hours/],
    ],
    [
      'LambdaFunction (static response)',
      around(lambdaNode('Classify', 'classify', [['item', 'Object', '$.data']]), 'Object'),
      {},
      [{ category: 'billing', confidence: 0.92 }],
    ],
    [
      'LambdaFunction (handler module)',
      around(lambdaNode('Echo', 'echo', [['item', 'Object', '$.data']]), 'Object'),
      { a: 1 },
      [{ inputs: { item: { a: 1 } }, node: 'Echo', flowAliasArn: /\/alias\/TSTALIASID$/ }],
    ],
    ['Lex', around(lexNode('Intent'), 'String', 'String'), 'where is my order', ['CheckOrder']],
    ['Agent', around(agentNode('Orders'), 'String', 'String'), '12345', ['Order 12345 ships tomorrow.']],
    ['Storage', around(storageNode('Save')), { content: 'kept', key: 'out/kept.txt' }, ['s3://flow-data/out/kept.txt']],
    ['Retrieval', around(retrievalNode('Load'), 'String', 'String'), 'in/greeting.txt', ['Hello from the fake S3 bucket.']],
    ['Iterator and Collector', iteratorFlow(), ['Queen', 'Abba', 'Blur'], [['Queen rocks.', 'Abba rocks.', 'Blur rocks.']]],
    ['InlineCode', around(inlineCodeNode('Code', 'num * 2', [['num', 'Number', '$.data']], 'Number'), 'Number', 'Number'), 21, [42]],
    ['Loop, LoopInput, LoopController', loopFlow({ stepFunction: 'loopStep', loopName: 'Rounds' }), {}, ['round 3']],
    ['Condition', conditionFlow(), { retailPrice: 11, marketPrice: 12, type: 'meat', action: ['no', 'yes', 'maybe'] }, ['yes']],
  ];
  for (const [name, definition, document, expected] of cases) {
    const run = await invoke(client, await deploy(control, definition), document);
    t.match(outputsOf(run), expected, name);
    t.equal(completionOf(run), 'SUCCESS', `${name} completes`);
  }
  const stored = await fetch(`${emu.url}/_emulator/s3/flow-data/out/kept.txt`);
  t.equal(await stored.text(), 'kept', 'the Storage node wrote to the fake bucket');
});

t.test('every trace kind, with enableTrace', async (t) => {
  const flow = conditionFlow();
  flow.nodes.push(lambdaNode('Classify', 'classify', [['item', 'Object', '$.data']]), outputNode('Category', 'String', '$.data.category'));
  flow.connections.push(
    dataConnection('FlowInput', 'document', 'Classify', 'item'),
    dataConnection('Classify', 'functionResponse', 'Category', 'document'),
  );
  const id = await deploy(control, flow);
  const run = await invoke(
    client,
    id,
    { retailPrice: 11, marketPrice: 12, type: 'produce', action: ['no', 'yes', 'maybe'] },
    { trace: true },
  );
  t.same(outputsOf(run), ['no', 'billing']);
  const [condition] = tracesOf(run, 'conditionNodeResultTrace');
  t.match(condition, { nodeName: 'MyCondition', satisfiedConditions: [{ conditionName: 'expensive' }] });
  t.type(condition.timestamp, Date, 'timestamps are ISO strings the SDK parses');
  t.match(
    tracesOf(run, 'nodeInputTrace').find((tr) => tr.nodeName === 'MyCondition'),
    {
      fields: [
        {
          nodeInputName: 'retailPrice',
          content: { document: 11 },
          type: 'NUMBER',
          source: { nodeName: 'FlowInput', outputFieldName: 'document', expression: '$.data.retailPrice' },
        },
        { nodeInputName: 'marketPrice' },
        { nodeInputName: 'type', content: { document: 'produce' } },
      ],
    },
  );
  t.match(
    tracesOf(run, 'nodeOutputTrace').find((tr) => tr.nodeName === 'Classify'),
    {
      fields: [
        {
          nodeOutputName: 'functionResponse',
          content: { document: { category: 'billing' } },
          next: [{ nodeName: 'Category', inputFieldName: 'document' }],
        },
      ],
    },
  );
  t.match(tracesOf(run, 'nodeActionTrace'), [
    {
      nodeName: 'Classify',
      serviceName: 'lambda',
      operationName: 'Invoke',
      requestId: String,
      operationRequest: { messageVersion: '1.0', flow: { flowArn: new RegExp(`flow/${id}$`) } },
    },
  ]);
  t.equal(completionOf(run), 'SUCCESS');
});

t.test('a failing node: the events before it, then one in-stream exception, no completion', async (t) => {
  const flow = {
    nodes: [
      inputNode(),
      outputNode('Before', 'Object'),
      lambdaNode('Call', 'broken', [['item', 'Object', '$.data']]),
      outputNode('After', 'Object'),
    ],
    connections: [
      dataConnection('FlowInput', 'document', 'Before', 'document'),
      dataConnection('FlowInput', 'document', 'Call', 'item'),
      dataConnection('Call', 'functionResponse', 'After', 'document'),
    ],
  };
  const run = await invoke(client, await deploy(control, flow), { n: 1 });
  t.same(outputsOf(run), [{ n: 1 }]);
  t.equal(completionOf(run), undefined);
  t.match(run.error, {
    name: 'DependencyFailedException',
    $fault: 'client',
    resourceName: lambdaArn('broken'),
    message:
      /Lambda function .*broken encountered a problem while processing request\.The error message from the Lambda function is Access to the ledger failed\./,
  });
});

t.test('a Retrieval of bytes that are not UTF-8 fails in-stream with a validationException', async (t) => {
  const run = await invoke(client, await deploy(control, around(retrievalNode('Load', 'flow-binary'), 'String', 'String')), 'latin1.txt');
  t.match(run.error, { name: 'ValidationException', message: /s3:\/\/flow-binary\/latin1\.txt is not valid UTF-8/ });
});

t.test('multi-turn: the agent asks, the client answers with the same executionId, the run goes on', async (t) => {
  const id = await deploy(control, around(agentNode('Orders'), 'String', 'String'));
  const first = await invoke(client, id, 'Where is my order?');
  t.same(first.events, [
    { flowMultiTurnInputRequestEvent: { nodeName: 'Orders', nodeType: 'AgentNode', content: { document: 'Which order number?' } } },
    { flowCompletionEvent: { completionReason: 'INPUT_REQUIRED' } },
  ]);
  const second = await invoke(client, id, '12345', { executionId: first.executionId, answerTo: 'Orders' });
  t.equal(second.executionId, first.executionId);
  t.same(outputsOf(second), ['Order 12345 ships tomorrow.']);
  t.equal(completionOf(second), 'SUCCESS');
  await t.rejects(
    invoke(client, id, '12345', { executionId: first.executionId, answerTo: 'Orders' }),
    {
      name: 'ValidationException',
      message: /is waiting for input/,
    },
    'an answered execution waits no more',
  );
  const third = await invoke(client, id, 'my order', { trace: true });
  await t.rejects(invoke(client, id, 'x', { executionId: third.executionId, answerTo: 'FlowOutput' }), {
    name: 'ValidationException',
    message: /waiting for input agentInputText of node Orders/,
  });
  t.equal(
    completionOf(await invoke(client, id, '7', { executionId: third.executionId, answerTo: 'Orders' })),
    'SUCCESS',
    'a wrong answer does not lose the waiting run',
  );
});

t.test('a version alias runs its frozen definition after the draft changed', async (t) => {
  const definition = (word: string) => around(promptNode('Say', `${word} {{name}}`, [['name', 'String', '$.data']]), 'String', 'String');
  const id = await deploy(control, definition('Hello'));
  await control.send(new CreateFlowVersionCommand({ flowIdentifier: id }));
  const alias = await control.send(
    new CreateFlowAliasCommand({ flowIdentifier: id, name: 'live', routingConfiguration: [{ flowVersion: '1' }] }),
  );
  await control.send(
    new UpdateFlowCommand({
      flowIdentifier: id,
      name: 'changed',
      executionRoleArn: FLOW_ROLE,
      definition: definition('Goodbye') as FlowDefinition,
    }),
  );
  await control.send(new PrepareFlowCommand({ flowIdentifier: id }));
  t.same(outputsOf(await invoke(client, id, 'Ann', { alias: alias.id })), ['Hello Ann'], 'version 1');
  t.same(outputsOf(await invoke(client, id, 'Ann', { alias: alias.arn })), ['Hello Ann'], 'by alias ARN');
  t.same(outputsOf(await invoke(client, id, 'Ann')), ['Goodbye Ann'], 'TSTALIASID runs the prepared draft');
  const echo = await invoke(
    client,
    await deploy(control, around(lambdaNode('Echo', 'echo', [['text', 'String', '$.data']]), 'Object', 'String')),
    'x',
  );
  t.match(outputsOf(echo), [{ flowAliasArn: /alias\/TSTALIASID$/ }]);
});

t.test('the execution role: each node call is authorized; a denial fails the node in-stream', async (t) => {
  const flow = around(lambdaNode('Classify', 'classify', [['item', 'Object', '$.data']]), 'Object');
  const id = await deploy(control, flow, NO_LAMBDA_ROLE);
  const run = await invoke(client, id, {});
  t.match(run.error, {
    name: 'AccessDeniedException',
    message:
      `User: arn:aws:sts::123456789012:assumed-role/AmazonBedrockExecutionRoleForFlows_NOLAMBDA/BedrockFlows-${id} is not authorized ` +
      `to perform: lambda:InvokeFunction on resource: ${lambdaArn('classify')} because no identity-based policy allows the lambda:InvokeFunction action`,
  });
});

t.test('the execution role: untrusted since PrepareFlow → STS dependencyFailedException; deleted → accessDeniedException', async (t) => {
  const id = await deploy(
    control,
    around(promptNode('Say', 'hi {{who}}', [['who', 'String', '$.data']]), 'String', 'String'),
    NO_LAMBDA_ROLE,
  );
  const roles = emu.emulator.universe.roles;
  const role = roles.get(NO_LAMBDA_ROLE)!;
  t.teardown(() => void roles.set(NO_LAMBDA_ROLE, role));
  roles.set(NO_LAMBDA_ROLE, {
    ...role,
    trustPolicy: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    },
  });
  const untrusted = await invoke(client, id, 'x');
  t.match(untrusted.error, { name: 'DependencyFailedException', resourceName: 'STS' });
  t.same(untrusted.events, []);
  roles.delete(NO_LAMBDA_ROLE);
  t.match((await invoke(client, id, 'x')).error, { name: 'AccessDeniedException', message: /does not exist/ });
});
