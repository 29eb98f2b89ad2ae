/**
 * Run records through the real SDK clients (docs/runs.md): every InvokeFlow and flow execution, traced or not, is
 * served by GET /_emulator/runs and the library's emu.runs(), node by node with the calls and decisions it made.
 */
import { request } from 'node:http';
import { StartFlowExecutionCommand } from '@aws-sdk/client-bedrock-agent-runtime';
import t from 'tap';
import type { RunEvent, RunRecord } from '../../src/index.js';
import { dataConnection, type Json } from '../flows/fixtures.js';
import { deploy, ended, invoke } from '../flows/executor/sdk.js';
import {
  MODEL,
  NO_LAMBDA_ROLE,
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

const { emu, agent, runtime } = await withEmulator(t, { fixtures: TEST_WORLD });
const control = agent();
const client = runtime();

const getJson = async (path: string) => {
  const res = await fetch(`${emu.url}${path}`);
  return { status: res.status, type: res.headers.get('x-amzn-errortype'), body: (await res.json()) as Json };
};
const runsOf = async (query = '') => (await getJson(`/_emulator/runs${query}`)).body.runs as RunRecord[];

/** FlowInput (an array) → Iterator → Lambda `echo` per item → Collector → FlowOutput. */
const lambdaPerItem = (): Json => ({
  nodes: [
    inputNode('Array'),
    {
      type: 'Iterator',
      name: 'Each',
      configuration: { iterator: {} },
      inputs: [{ name: 'array', type: 'Array', expression: '$.data' }],
      outputs: [
        { name: 'arrayItem', type: 'String' },
        { name: 'arraySize', type: 'Number' },
      ],
    },
    lambdaNode('Echo', 'echo', [['text', 'String', '$.data']]),
    {
      type: 'Collector',
      name: 'Gather',
      configuration: { collector: {} },
      inputs: [
        { name: 'arrayItem', type: 'Object', expression: '$.data' },
        { name: 'arraySize', type: 'Number', expression: '$.data' },
      ],
      outputs: [{ name: 'collectedArray', type: 'Array' }],
    },
    outputNode('FlowOutput', 'Array'),
  ],
  connections: [
    dataConnection('FlowInput', 'document', 'Each', 'array'),
    dataConnection('Each', 'arrayItem', 'Echo', 'text'),
    dataConnection('Echo', 'functionResponse', 'Gather', 'arrayItem'),
    dataConnection('Each', 'arraySize', 'Gather', 'arraySize'),
    dataConnection('Gather', 'collectedArray', 'FlowOutput', 'document'),
  ],
});

t.test('an InvokeFlow without enableTrace is recorded: the prompt sent to the model holds the input', async (t) => {
  const id = await deploy(
    control,
    around(promptNode('Greet', 'Write to {{name}} about the order', [['name', 'String', '$.data']]), 'String', 'String'),
  );
  const run = await invoke(client, id, 'Ann Example');
  const [record] = await runsOf(`?flowId=${id}`);
  t.ok(record, 'listed');
  t.match(record, {
    executionId: run.executionId,
    kind: 'InvokeFlow',
    flowId: id,
    flowAliasId: 'TSTALIASID',
    flowVersion: 'DRAFT',
    caller: 'arn:aws:iam::123456789012:user/admin',
    startedAt: /^\d{4}-\d\d-\d\dT/,
    durationMs: Number,
    outcome: 'SUCCESS',
    input: 'Ann Example',
    turns: 1,
  });
  t.same(
    record!.nodes.map((n) => [n.nodeName, n.nodeType]),
    [
      ['FlowInput', 'Input'],
      ['Greet', 'Prompt'],
      ['FlowOutput', 'Output'],
    ],
    'in execution order, with the definition node types',
  );
  const greet = record!.nodes[1]!;
  t.same(greet.inputs, { name: 'Ann Example' });
  t.match(greet.outputs, { modelCompletion: String });
  t.equal(greet.calls.length, 1);
  t.match(greet.calls[0], { serviceName: 'bedrock', operationName: 'Converse', response: Object });
  t.match(JSON.stringify((greet.calls[0]!.request as Json).messages), /Write to Ann Example about the order/);
  t.match(greet.decisions, [{ action: 'bedrock:InvokeModel', decision: 'Allow', enforced: true, statement: Object }]);
  const one = await getJson(`/_emulator/runs/${run.executionId}`);
  t.equal(one.status, 200);
  t.same(one.body, record, 'GET /_emulator/runs/{executionId} serves the same record alone');
  t.same(emu.run(run.executionId!), record, 'and so does emu.run()');
  t.same(emu.runs({ flowId: id }), [record], 'and emu.runs()');
});

t.test('a Lambda node called twice inside an Iterator shows two calls, each with its iteration', async (t) => {
  const id = await deploy(control, lambdaPerItem());
  const run = await invoke(client, id, ['first', 'second']);
  const record = emu.run(run.executionId!)!;
  t.equal(record.outcome, 'SUCCESS');
  const echoes = record.nodes.filter((n) => n.nodeName === 'Echo');
  t.equal(echoes.length, 2);
  t.same(
    echoes.map((n) => n.executionChain),
    [[{ nodeName: 'Each', index: 0, type: 'Iterator' }], [{ nodeName: 'Each', index: 1, type: 'Iterator' }]],
  );
  t.same(
    echoes.map((n) => (n.calls[0]!.request as Json).node.inputs[0].value),
    ['first', 'second'],
    'each call carries the Lambda event it sent',
  );
  t.match(echoes[0]!.calls[0], { serviceName: 'lambda', operationName: 'Invoke', requestId: String, response: Object });
});

t.test('a denied node shows its deny decision and its error; the run its in-stream error', async (t) => {
  const id = await deploy(control, around(lambdaNode('Classify', 'classify', [['item', 'Object', '$.data']]), 'Object'), NO_LAMBDA_ROLE);
  const run = await invoke(client, id, {});
  t.match(run.error, { name: 'AccessDeniedException' });
  const [record] = await runsOf(`?flowId=${id}&outcome=accessDeniedException`);
  t.match(record, {
    outcome: 'accessDeniedException',
    error: { type: 'AccessDeniedException', nodeName: 'Classify', message: /not authorized to perform: lambda:InvokeFunction/ },
  });
  const classify = record!.nodes.find((n) => n.nodeName === 'Classify')!;
  t.match(classify.decisions, [
    { action: 'lambda:InvokeFunction', resource: /function:classify$/, decision: 'ImplicitDeny', enforced: true },
  ]);
  t.match(classify.error, { type: 'AccessDeniedException', message: /lambda:InvokeFunction/ });
  t.same(classify.calls, [], 'the call was never made');
  const log = (await getJson('/_emulator/decisions')).body.decisions as Json[];
  t.match(
    log.filter((d) => d.executionId === record!.executionId),
    [{ action: 'lambda:InvokeFunction', decision: 'ImplicitDeny', nodeName: 'Classify' }],
    'the decision log links the decision to the run and node',
  );
});

t.test('a multi-turn run is one record whose nodes go on after the answer', async (t) => {
  const id = await deploy(control, around(agentNode('Orders'), 'String', 'String'));
  const first = await invoke(client, id, 'Where is my order?');
  t.match(emu.run(first.executionId!), {
    outcome: 'INPUT_REQUIRED',
    turns: 1,
    nodes: [{ nodeName: 'FlowInput' }, { nodeName: 'Orders', question: 'Which order number?' }],
  });
  await invoke(client, id, '12345', { executionId: first.executionId, answerTo: 'Orders' });
  const records = emu.runs({ flowId: id });
  t.equal(records.length, 1, 'one record');
  t.match(records[0], { executionId: first.executionId, outcome: 'SUCCESS', turns: 2, input: 'Where is my order?' });
  t.same(
    records[0]!.nodes.map((n) => [n.nodeName, n.turn]),
    [
      ['FlowInput', 1],
      ['Orders', 1],
      ['Orders', 2],
      ['FlowOutput', 2],
    ],
  );
  t.match(records[0]!.nodes[2], { inputs: { agentInputText: '12345' }, outputs: { agentResponse: 'Order 12345 ships tomorrow.' } });
  t.match(records[0]!.nodes[2]!.calls, [{ serviceName: 'bedrock', operationName: /./ }]);
});

t.test('a flow execution (StartFlowExecution) is recorded', async (t) => {
  const id = await deploy(control, lambdaPerItem());
  const { executionArn } = await client.send(
    new StartFlowExecutionCommand({
      flowIdentifier: id,
      flowAliasIdentifier: 'TSTALIASID',
      flowExecutionName: 'recorded-run',
      inputs: [{ nodeName: 'FlowInput', nodeOutputName: 'document', content: { document: ['x'] } }],
    }),
  );
  await ended(client, id, executionArn!);
  t.match(emu.run('recorded-run'), {
    kind: 'FlowExecution',
    executionArn,
    flowId: id,
    outcome: 'SUCCESS',
    nodes: [{ nodeName: 'FlowInput' }, { nodeName: 'Each' }, { nodeName: 'Echo' }, { nodeName: 'Gather' }, { nodeName: 'FlowOutput' }],
  });
});

t.test('filters, maxResults and bad queries', async (t) => {
  const id = await deploy(control, around(promptNode('Say', 'hi {{who}}', [['who', 'String', '$.data']]), 'String', 'String'));
  const a = await invoke(client, id, 'a');
  const b = await invoke(client, id, 'b');
  t.same(
    (await runsOf(`?flowId=${id}`)).map((r) => r.executionId),
    [b.executionId, a.executionId],
    'newest first',
  );
  t.same(
    (await runsOf(`?flowId=${id}&maxResults=1`)).map((r) => r.executionId),
    [b.executionId],
  );
  t.same(await runsOf(`?flowId=${id}&flowAliasId=NOTTHISONE`), []);
  t.same(await runsOf(`?flowId=${id}&outcome=INPUT_REQUIRED`), []);
  for (const bad of ['maxResults=0', 'maxResults=x', 'flowId=a&flowId=b']) {
    const res = await getJson(`/_emulator/runs?${bad}`);
    t.equal(res.status, 400, bad);
    t.equal(res.type, 'ValidationException', bad);
  }
  const missing = await getJson('/_emulator/runs/no-such-run');
  t.equal(missing.status, 404);
  t.equal(missing.type, 'ResourceNotFoundException');
  t.match(missing.body, { message: /No run record for execution no-such-run/ });
});

t.test('a large flow input is cut in the record, which stays within its byte cap', async (t) => {
  const id = await deploy(control, around(promptNode('Say', 'hi {{who}}', [['who', 'String', '$.data']]), 'String', 'String'));
  const big = 'x'.repeat(600 * 1024);
  const run = await invoke(client, id, big);
  const record = emu.run(run.executionId!)!;
  t.equal(record.outcome, 'SUCCESS');
  t.equal(record.truncated, true);
  t.ok(record.bytes <= 256 * 1024, `${record.bytes} bytes`);
  t.match(record.input, { truncated: true, bytes: big.length + 2, preview: /^"xxx/ });
  t.match(record.nodes[1], { nodeName: 'Say', inputs: { who: { truncated: true } } });
});

t.test('the live feed sends run-started and run as server-sent events; emu.onRun hears the same', async (t) => {
  const id = await deploy(control, around(promptNode('Say', 'hi {{who}}', [['who', 'String', '$.data']]), 'String', 'String'));
  const heard: RunEvent['type'][] = [];
  const unsubscribe = emu.onRun((event) => heard.push(event.type));
  const bigStart = new Promise<RunEvent>((resolve) => {
    const off = emu.onRun((event) => {
      if (event.run.flowId === id && event.type === 'run-started') resolve(event), off();
    });
  });
  await invoke(client, id, 'q'.repeat(100_000));
  t.match((await bigStart).run, { truncated: true, input: { truncated: true, bytes: 100_002 } }, 'a large input is cut before run-started');
  heard.length = 0;
  const { headers, text } = await new Promise<{ headers: Json; text: Promise<string> }>((resolve, reject) => {
    const req = request(`${emu.url}/_emulator/runs/events`, (res) => {
      res.setEncoding('utf8');
      let body = '';
      const text = new Promise<string>((done) =>
        res.on('data', (chunk: string) => {
          body += chunk;
          if (/event: run\ndata: .*\n\n/.test(body)) {
            req.destroy();
            done(body);
          }
        }),
      );
      resolve({ headers: res.headers, text });
    });
    req.on('error', reject);
    req.end();
  });
  t.match(headers['content-type'], /^text\/event-stream/);
  const run = await invoke(client, id, 'Zoe');
  const body = await text;
  unsubscribe();
  const started = /event: run-started\ndata: (.*)\n\n/.exec(body);
  const ended = /event: run\ndata: (.*)\n\n/.exec(body);
  t.match(JSON.parse(started![1]!), { executionId: run.executionId, outcome: 'RUNNING' });
  t.match(JSON.parse(ended![1]!), { executionId: run.executionId, outcome: 'SUCCESS', nodes: [{}, { nodeName: 'Say' }, {}] });
  t.same(heard, ['run-started', 'run']);
});

t.test('reset() clears the runs; the admin token guards them', async (t) => {
  emu.reset();
  t.same(await runsOf(), []);
  const guarded = await withEmulator(t, { adminToken: 's3cret' });
  for (const path of ['/_emulator/runs', '/_emulator/runs/x', '/_emulator/runs/events']) {
    t.equal((await fetch(`${guarded.emu.url}${path}`)).status, 401, path);
  }
  t.equal((await fetch(`${guarded.emu.url}/_emulator/runs`, { headers: { authorization: 'Bearer s3cret' } })).status, 200);
});

t.test('calls no trace shows are in the record: knowledge base, Lex and S3 nodes', async (t) => {
  const cases: [string, Json, Json, string, RegExp][] = [
    ['Search', around(knowledgeBaseNode('Search'), 'Array', 'String'), 'flows', 'Retrieve', /flows/],
    [
      'Answer',
      around(knowledgeBaseNode('Answer', { modelId: MODEL }, 'String'), 'String', 'String'),
      'flows',
      'RetrieveAndGenerate',
      /flows/,
    ],
    ['Intent', around(lexNode('Intent'), 'String', 'String'), 'I want to order flowers', 'RecognizeUtterance', /order flowers/],
    ['Write', around(storageNode('Write'), 'String', 'Object'), { content: 'hello', key: 'out/runs.txt' }, 'PutObject', /out\/runs\.txt/],
    ['Read', around(retrievalNode('Read'), 'String', 'String'), 'out/runs.txt', 'GetObject', /out\/runs\.txt/],
  ];
  for (const [name, definition, input, operation, request] of cases) {
    const id = await deploy(control, definition);
    const run = await invoke(client, id, input);
    t.equal(run.error, undefined, `${name} ran`);
    const node = emu.run(run.executionId!)?.nodes.find((n) => n.nodeName === name);
    t.equal(node?.calls.length, 1, `${name}: one call recorded`);
    t.equal(node?.calls[0]?.operationName, operation, `${name}: ${operation}`);
    t.match(JSON.stringify(node?.calls[0]?.request), request, `${name}: the request it sent`);
  }
});
