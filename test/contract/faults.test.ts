/**
 * Fault rules and --throttle through the real SDK clients (docs/faults.md): the SDK's default retries against
 * injected throttles, a throttle that outlasts them, an in-stream model throttle, latency, seeded probability,
 * and AWS's request rates.
 */
import { Writable } from 'node:stream';
import { BedrockAgentClient, GetFlowCommand, ListFlowsCommand } from '@aws-sdk/client-bedrock-agent';
import { ListFlowExecutionEventsCommand, StartFlowExecutionCommand } from '@aws-sdk/client-bedrock-agent-runtime';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { type Logger, pino } from 'pino';
import t, { type Test } from 'tap';
import { startEmulator, type StartOptions } from '../../src/index.js';
import type { Json } from '../flows/fixtures.js';
import { ended, executionIds, invoke, outputsOf, tracesOf } from '../flows/executor/sdk.js';
import { MODEL, TEST_WORLD } from '../flows/executor/world.js';
import { ADMIN, withEmulator } from '../helpers/emulator.js';

/** Request lines at info, as JSON objects. */
function capture(): { lines: Json[]; logger: Logger } {
  const lines: Json[] = [];
  const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(JSON.parse(String(chunk))), cb()) });
  return { lines, logger: pino({ level: 'info' }, sink) as Logger };
}

const requestLines = (lines: Json[], operation: string) => lines.filter((l) => l.operation === operation && l.status !== undefined);

async function admin(url: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, body: (await res.json()) as Json };
}

const playlistInput = { genre: 'pop', number: 2 };
const playlistInputs = [{ nodeName: 'FlowInput', nodeOutputName: 'document', content: { document: playlistInput } }];

/** The SDK's default retry count (3 attempts) without its back-off delays, where the delays are not the point. */
const noDelay = () => new ConfiguredRetryStrategy(3, () => 0);

async function harness(t: Test, options: StartOptions = {}) {
  const { lines, logger } = capture();
  const h = await withEmulator(t, { logger, ...options });
  return { ...h, lines };
}

t.test('two injected throttles, then success: the default retries get through on the third attempt', async (t) => {
  const { emu, lines } = await harness(t);
  const rule = { operation: 'ListFlows', error: 'ThrottlingException', count: 2 };
  const added = await admin(emu.url, 'POST', '/_emulator/faults', rule);
  t.equal(added.status, 201);
  const id = added.body.faults[0].id;
  // Default client: standard retry mode, maxAttempts 3, real back-off.
  const client = new BedrockAgentClient({ endpoint: emu.url, region: 'us-east-1', credentials: ADMIN });
  t.teardown(() => client.destroy());
  const res = await client.send(new ListFlowsCommand({}));
  t.equal(res.$metadata.attempts, 3);
  const seen = requestLines(lines, 'ListFlows');
  t.same(
    seen.map((l) => [l.status, l.errorType, l.fault]),
    [
      [429, 'ThrottlingException', id],
      [429, 'ThrottlingException', id],
      [200, undefined, undefined],
    ],
    'the emulator saw three calls, the first two failed by the rule',
  );
  t.match(seen[0].msg, new RegExp(`fault: ${id}$`));
  const listed = await admin(emu.url, 'GET', '/_emulator/faults');
  t.match(listed.body.faults, [{ id, applied: 2, remaining: 0 }]);
});

t.test('a throttle that outlasts the retries surfaces as ThrottlingException', async (t) => {
  const { emu } = await harness(t);
  await admin(emu.url, 'POST', '/_emulator/faults', { faults: [{ operation: 'GetFlow', error: 'ThrottlingException' }] });
  const client = new BedrockAgentClient({ endpoint: emu.url, region: 'us-east-1', credentials: ADMIN, retryStrategy: noDelay() });
  t.teardown(() => client.destroy());
  const err = await client.send(new GetFlowCommand({ flowIdentifier: 'FLOW000001' })).catch((e) => e);
  t.equal(err.name, 'ThrottlingException');
  t.equal(err.$metadata.httpStatusCode, 429);
  t.equal(err.$metadata.attempts, 3);
  t.equal(err.message, 'The number of requests exceeds the limit. Resubmit your request later.');
});

t.test('other request errors, each with the status its API gives it', async (t) => {
  const { emu, agent, runtime } = await harness(t);
  await admin(emu.url, 'POST', '/_emulator/faults', {
    faults: [
      { operation: 'CreateFlow', error: 'ServiceQuotaExceededException' },
      { operation: 'GetFlow', error: 'ServiceUnavailableException', resource: 'FLOW000001' },
      { operation: 'StartFlowExecution', error: 'ServiceQuotaExceededException', message: 'Too many executions.' },
    ],
  });
  const { CreateFlowCommand } = await import('@aws-sdk/client-bedrock-agent');
  await t.rejects(agent().send(new CreateFlowCommand({ name: 'x', executionRoleArn: 'arn:aws:iam::123456789012:role/r' })), {
    name: 'ServiceQuotaExceededException',
    $metadata: { httpStatusCode: 402 },
  });
  await t.rejects(agent().send(new GetFlowCommand({ flowIdentifier: 'FLOW000001' })), {
    name: 'ServiceUnavailableException',
    $metadata: { httpStatusCode: 503 },
  });
  await t.rejects(
    runtime().send(
      new StartFlowExecutionCommand({ flowIdentifier: 'FLOW000001', flowAliasIdentifier: 'TSTALIASID', inputs: playlistInputs }),
    ),
    { name: 'ServiceQuotaExceededException', message: 'Too many executions.', $metadata: { httpStatusCode: 400 } },
  );
});

t.test('an in-stream model throttle ends the run with throttlingException after the events produced so far', async (t) => {
  const rule = { id: 'nova-throttled', model: MODEL, error: 'ThrottlingException' };
  const { emu, runtime, lines } = await harness(t, { fixtures: [...TEST_WORLD, { faults: [rule] }] });
  const run = await invoke(runtime(), 'FLOW000001', playlistInput, { trace: true });
  t.equal(run.error?.name, 'ThrottlingException', 'the throttlingException member of the stream');
  t.equal(run.error?.message, 'Too many requests, please wait before trying again.');
  t.same(outputsOf(run), [], 'the Output node never ran');
  t.same(
    tracesOf(run, 'nodeInputTrace').map((trace) => trace.nodeName),
    ['MakePlaylist'],
    'the Prompt node got its inputs before its model call failed',
  );
  const line = requestLines(lines, 'InvokeFlow')[0];
  t.match(line, { outcome: 'throttlingException', fault: 'nova-throttled' });
  const prompt = emu.runs()[0]?.nodes.find((node) => node.nodeName === 'MakePlaylist');
  t.match(
    prompt?.fault,
    { ruleId: 'nova-throttled', action: 'bedrock:InvokeModel', error: { type: 'ThrottlingException' } },
    'the run record names the fault',
  );
});

t.test('flow executions: the model fault fails the node and the execution', async (t) => {
  const rule = { model: MODEL, error: 'InternalServerException', count: 1 };
  const { runtime } = await harness(t, { fixtures: [...TEST_WORLD, { faults: [rule] }] });
  const client = runtime();
  const { executionArn } = await client.send(
    new StartFlowExecutionCommand({
      flowIdentifier: 'FLOW000001',
      flowAliasIdentifier: 'TSTALIASID',
      inputs: playlistInputs,
    }),
  );
  const got = await ended(client, 'FLOW000001', executionArn!);
  t.equal(got.status, 'Failed');
  const { flowExecutionEvents } = await client.send(
    new ListFlowExecutionEventsCommand({ ...executionIds('FLOW000001', executionArn!), eventType: 'Node' }),
  );
  const failure = flowExecutionEvents?.find((e) => e.nodeFailureEvent)?.nodeFailureEvent;
  t.match(failure, { nodeName: 'MakePlaylist', errorCode: 'INTERNAL_SERVER' });
  // count: 1 was used up: the next run succeeds.
  const again = await invoke(client, 'FLOW000001', playlistInput);
  t.equal(again.error, undefined);
  t.equal(outputsOf(again).length, 1);
});

t.test('flow executions: a throttled model call is the dependency failing (NodeErrorCode has no throttling code)', async (t) => {
  const rule = { model: MODEL, error: 'ThrottlingException', count: 1 };
  const { runtime } = await harness(t, { fixtures: [...TEST_WORLD, { faults: [rule] }] });
  const client = runtime();
  const { executionArn } = await client.send(
    new StartFlowExecutionCommand({ flowIdentifier: 'FLOW000001', flowAliasIdentifier: 'TSTALIASID', inputs: playlistInputs }),
  );
  t.equal((await ended(client, 'FLOW000001', executionArn!)).status, 'Failed');
  const { flowExecutionEvents } = await client.send(
    new ListFlowExecutionEventsCommand({ ...executionIds('FLOW000001', executionArn!), eventType: 'Node' }),
  );
  t.match(flowExecutionEvents?.find((e) => e.nodeFailureEvent)?.nodeFailureEvent, {
    nodeName: 'MakePlaylist',
    errorCode: 'DEPENDENCY_FAILED',
  });
});

t.test('latency: requests and node calls are delayed, and the result is unchanged', async (t) => {
  const { emu, agent, runtime, lines } = await harness(t, { fixtures: TEST_WORLD });
  await admin(emu.url, 'POST', '/_emulator/faults', {
    faults: [
      { id: 'slow-get', operation: 'GetFlow', latencyMs: 20 },
      { id: 'slow-model', model: MODEL, latencyMs: 20 },
    ],
  });
  t.equal((await agent().send(new GetFlowCommand({ flowIdentifier: 'FLOW000001' }))).id, 'FLOW000001');
  const run = await invoke(runtime(), 'FLOW000001', playlistInput);
  t.equal(run.error, undefined);
  t.equal(outputsOf(run).length, 1);
  t.match(requestLines(lines, 'GetFlow')[0], { status: 200, fault: 'slow-get' });
  t.match(requestLines(lines, 'InvokeFlow')[0], { outcome: 'SUCCESS', fault: 'slow-model' });
  const prompt = emu.runs()[0]?.nodes.find((node) => node.nodeName === 'MakePlaylist');
  t.match(prompt?.fault, { ruleId: 'slow-model', latencyMs: 20 }, 'the run record names the latency fault');
  t.notOk(prompt?.fault?.error);
});

t.test('a delayed request does not hold up others, and close() ends its wait', async (t) => {
  const emu = await startEmulator({ port: 0 });
  await admin(emu.url, 'POST', '/_emulator/faults', { operation: 'ListFlows', latencyMs: 300_000 });
  const client = new BedrockAgentClient({ endpoint: emu.url, region: 'us-east-1', credentials: ADMIN, maxAttempts: 1 });
  const slow = client.send(new ListFlowsCommand({})).catch((e) => e);
  t.equal((await client.send(new GetFlowCommand({ flowIdentifier: 'FLOW000001' }))).id, 'FLOW000001', 'served meanwhile');
  await emu.close({ drainMs: 60_000 });
  const err = await slow;
  t.equal(err.name, 'InternalServerException', 'the waiting request is answered when the emulator stops');
  client.destroy();
});

async function pattern(seed: number): Promise<string> {
  const emu = await startEmulator({ port: 0, seed });
  const client = new BedrockAgentClient({ endpoint: emu.url, region: 'us-east-1', credentials: ADMIN, maxAttempts: 1 });
  await admin(emu.url, 'POST', '/_emulator/faults', { operation: 'ListFlows', error: 'InternalServerException', probability: 0.5 });
  let seen = '';
  for (let i = 0; i < 24; i++)
    seen += await client.send(new ListFlowsCommand({})).then(
      () => '.',
      () => 'x',
    );
  client.destroy();
  await emu.close();
  return seen;
}

t.test('a probability rule hits the same calls on every run with the same --seed', async (t) => {
  const first = await pattern(7);
  t.equal(await pattern(7), first);
  t.match(first, /x/, 'some calls fail');
  t.match(first, /\./, 'some succeed');
});

t.test('--throttle: past the documented 10 requests per second, ListFlows is throttled', async (t) => {
  // A clock whose monotonic time stands still: no token comes back during the test, whatever the machine's speed.
  const clock = { timestamp: () => new Date().toISOString(), epochMs: () => Date.now(), monotonicMs: () => 0 };
  const { agent, lines } = await harness(t, { throttle: true, clock });
  const client = agent();
  for (let i = 0; i < 10; i++) await client.send(new ListFlowsCommand({}));
  await t.rejects(client.send(new ListFlowsCommand({})), { name: 'ThrottlingException', $metadata: { httpStatusCode: 429 } });
  t.ok(await client.send(new GetFlowCommand({ flowIdentifier: 'FLOW000001' })), 'each operation has its own bucket');
  t.match(requestLines(lines, 'ListFlows').at(-1), { status: 429, fault: 'throttle' });
});

t.test('without --throttle nothing is rate limited', async (t) => {
  const clock = { timestamp: () => new Date().toISOString(), epochMs: () => Date.now(), monotonicMs: () => 0 };
  const { agent } = await harness(t, { clock });
  const client = agent();
  for (let i = 0; i < 15; i++) await client.send(new ListFlowsCommand({}));
  t.pass();
});
