/** Asynchronous flow executions through the real @aws-sdk/client-bedrock-agent-runtime. */
import {
  GetExecutionFlowSnapshotCommand,
  GetFlowExecutionCommand,
  ListFlowExecutionEventsCommand,
  ListFlowExecutionsCommand,
  StartFlowExecutionCommand,
  StopFlowExecutionCommand,
} from '@aws-sdk/client-bedrock-agent-runtime';
import t from 'tap';
import type { Json } from '../flows/fixtures.js';
import { deploy, ended, executionIds as ids } from '../flows/executor/sdk.js';
import { FLOW_ROLE, TEST_WORLD, agentNode, around, inlineCodeNode, lambdaNode } from '../flows/executor/world.js';
import { PLAYLIST_DEFINITION, withEmulator } from '../helpers/emulator.js';

const { agent, runtime } = await withEmulator(t, { fixtures: TEST_WORLD });
const control = agent();
const client = runtime();

const start = (flowIdentifier: string, document: Json, flowExecutionName?: string) =>
  client.send(
    new StartFlowExecutionCommand({
      flowIdentifier,
      flowAliasIdentifier: 'TSTALIASID',
      flowExecutionName,
      inputs: [{ nodeName: 'FlowInput', nodeOutputName: 'document', content: { document } }],
    }),
  );

const events = async (flowId: string, executionArn: string, eventType: 'Flow' | 'Node') =>
  (await client.send(new ListFlowExecutionEventsCommand({ ...ids(flowId, executionArn), eventType }))).flowExecutionEvents ?? [];

t.test('an execution runs in the background: Running, then Succeeded, with its flow and node events', async (t) => {
  const { executionArn } = await start('FLOW000001', { genre: 'pop', number: 3 });
  t.match(executionArn, /^arn:aws:bedrock:us-east-1:123456789012:flow\/FLOW000001\/alias\/TSTALIASID\/execution\/[0-9a-f-]{36}$/);
  const done = await ended(client, 'FLOW000001', executionArn!);
  t.match(done, {
    status: 'Succeeded',
    executionArn,
    flowIdentifier: 'FLOW000001',
    flowAliasIdentifier: 'TSTALIASID',
    flowVersion: 'DRAFT',
  });
  t.type(done.startedAt, Date);
  t.type(done.endedAt, Date);
  t.match(await events('FLOW000001', executionArn!, 'Flow'), [
    { flowInputEvent: { nodeName: 'FlowInput', fields: [{ name: 'document', content: { document: { genre: 'pop', number: 3 } } }] } },
    {
      flowOutputEvent: { nodeName: 'FlowOutput', fields: [{ name: 'document', content: { document: '1. Song A\n2. Song B\n3. Song C' } }] },
    },
  ]);
  const nodeEvents = await events('FLOW000001', executionArn!, 'Node');
  t.same(
    nodeEvents.map((e) => Object.keys(e)[0]),
    ['nodeOutputEvent', 'nodeInputEvent', 'nodeActionEvent', 'nodeOutputEvent', 'nodeInputEvent'],
  );
  t.match(nodeEvents[1], {
    nodeInputEvent: {
      nodeName: 'MakePlaylist',
      fields: [
        { name: 'genre', content: { document: 'pop' }, source: { nodeName: 'FlowInput', expression: '$.data.genre' } },
        { name: 'number' },
      ],
    },
  });
  t.match(nodeEvents[2], { nodeActionEvent: { nodeName: 'MakePlaylist', serviceName: 'bedrock', operationName: 'Converse' } });
  const byId = executionArn!.split('/').pop()!;
  t.equal((await client.send(new GetFlowExecutionCommand(ids('FLOW000001', byId)))).executionArn, executionArn, 'by id or ARN');
});

t.test('the snapshot is the definition the execution ran, as a JSON string', async (t) => {
  const { executionArn } = await start('FLOW000001', { genre: 'jazz', number: 1 });
  const snapshot = await client.send(new GetExecutionFlowSnapshotCommand(ids('FLOW000001', executionArn!)));
  t.same(
    JSON.parse(snapshot.definition!).nodes.map((n: { name: string }) => n.name),
    PLAYLIST_DEFINITION.nodes.map((n: { name: string }) => n.name),
  );
  t.match(snapshot, { executionRoleArn: FLOW_ROLE, flowIdentifier: 'FLOW000001', flowAliasIdentifier: 'TSTALIASID', flowVersion: 'DRAFT' });
});

t.test('a named execution: the name is its id, and names are unique', async (t) => {
  const { executionArn } = await start('FLOW000001', { genre: 'pop', number: 1 }, 'my-run-1');
  t.match(executionArn, /\/execution\/my-run-1$/);
  await t.rejects(start('FLOW000001', { genre: 'pop', number: 1 }, 'my-run-1'), { name: 'ConflictException' });
});

t.test('ListFlowExecutions: newest first, by flow or alias, paginated', async (t) => {
  const id = await deploy(control, PLAYLIST_DEFINITION);
  const first = await start(id, { genre: 'a', number: 1 });
  const second = await start(id, { genre: 'b', number: 1 });
  const all = await client.send(new ListFlowExecutionsCommand({ flowIdentifier: id }));
  t.same(
    all.flowExecutionSummaries?.map((s) => s.executionArn),
    [second.executionArn, first.executionArn],
  );
  t.match(all.flowExecutionSummaries?.[0], {
    flowIdentifier: id,
    flowAliasIdentifier: 'TSTALIASID',
    flowVersion: 'DRAFT',
    status: /Running|Succeeded/,
    createdAt: Date,
  });
  const page = await client.send(new ListFlowExecutionsCommand({ flowIdentifier: id, flowAliasIdentifier: 'TSTALIASID', maxResults: 1 }));
  t.equal(page.flowExecutionSummaries?.length, 1);
  const next = await client.send(new ListFlowExecutionsCommand({ flowIdentifier: id, maxResults: 1, nextToken: page.nextToken }));
  t.same(
    next.flowExecutionSummaries?.map((s) => s.executionArn),
    [first.executionArn],
  );
  t.equal(next.nextToken, undefined);
});

t.test('a failing node fails the execution, with its node and flow failure events', async (t) => {
  const id = await deploy(control, around(lambdaNode('Call', 'broken', [['item', 'Object', '$.data']]), 'Object'));
  const { executionArn } = await start(id, {});
  t.equal((await ended(client, id, executionArn!)).status, 'Failed');
  t.match((await events(id, executionArn!, 'Node')).at(-1), {
    nodeFailureEvent: { nodeName: 'Call', errorCode: 'DEPENDENCY_FAILED', errorMessage: /Access to the ledger failed/, timestamp: Date },
  });
  t.match((await events(id, executionArn!, 'Flow')).at(-1), {
    flowFailureEvent: { errorCode: 'NODE_EXECUTION_FAILED', errorMessage: /Node Call failed/ },
  });
});

t.test('an Agent that needs the user fails the execution: executions cannot answer', async (t) => {
  const id = await deploy(control, around(agentNode('Orders'), 'String', 'String'));
  const { executionArn } = await start(id, 'where is my order');
  t.equal((await ended(client, id, executionArn!)).status, 'Failed');
  t.match((await events(id, executionArn!, 'Node')).at(-1), { nodeFailureEvent: { nodeName: 'Orders', errorCode: 'VALIDATION' } });
});

t.test('StopFlowExecution aborts a running execution; stopping an ended one changes nothing', async (t) => {
  const id = await deploy(control, around(lambdaNode('Wait', 'sleepy', [['item', 'Object', '$.data']], 'String'), 'String'));
  const { executionArn } = await start(id, {});
  const stopped = await client.send(new StopFlowExecutionCommand(ids(id, executionArn!)));
  t.same({ executionArn: stopped.executionArn, status: stopped.status }, { executionArn, status: 'Aborted' });
  const got = await client.send(new GetFlowExecutionCommand(ids(id, executionArn!)));
  t.match(got, { status: 'Aborted', endedAt: Date });
  t.equal((await client.send(new StopFlowExecutionCommand(ids(id, executionArn!)))).status, 'Aborted');
});

t.test('refused at the start: InlineCode flows, inputs of the wrong type, unknown executions', async (t) => {
  const id = await deploy(control, around(inlineCodeNode('Code', 'num', [['num', 'Number', '$.data']], 'Number'), 'Number', 'Number'));
  await t.rejects(start(id, 1), { name: 'ValidationException', message: 'InlineCode node Code is not supported in flow executions.' });
  await t.rejects(start('FLOW000001', 'not an object'), { name: 'ValidationException' });
  await t.rejects(client.send(new GetFlowExecutionCommand(ids('FLOW000001', 'no-such-run'))), { name: 'ResourceNotFoundException' });
  await t.rejects(client.send(new ListFlowExecutionsCommand({ flowIdentifier: 'NOSUCHFLOW' })), { name: 'ResourceNotFoundException' });
});
