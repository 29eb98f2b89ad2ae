/**
 * Fault rules (docs/faults.md): what the admin API accepts and refuses, what reset restores, time windows on the
 * emulator's clock, what a node's call is matched by, and node faults in runs and executions.
 */
import { GetFlowExecutionCommand, StartFlowExecutionCommand, StopFlowExecutionCommand } from '@aws-sdk/client-bedrock-agent-runtime';
import { ListFlowsCommand } from '@aws-sdk/client-bedrock-agent';
import t from 'tap';
import { parse } from '../../src/cli/serve.js';
import { callMatches } from '../../src/faults/call-match.js';
import type { Clock } from '../../src/world/clock.js';
import type { Json } from '../flows/fixtures.js';
import { deploy, executionIds, invoke } from '../flows/executor/sdk.js';
import { around, lambdaArn, lambdaNode, MODEL, TEST_WORLD } from '../flows/executor/world.js';
import { withEmulator } from '../helpers/emulator.js';

async function admin(url: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, type: res.headers.get('x-amzn-errortype'), body: (await res.json()) as Json };
}

t.test('POST /_emulator/faults refuses rules that cannot mean anything, naming where and why, and adds nothing', async (t) => {
  const { emu } = await withEmulator(t);
  await admin(emu.url, 'POST', '/_emulator/faults', { id: 'kept', operation: 'GetFlow', error: 'ThrottlingException' });
  const refused: [unknown, string, RegExp][] = [
    [{ operation: 'ListFlow', error: 'ThrottlingException' }, '$.faults[0].operation', /'ListFlow' is not an operation/],
    [
      { operation: 'ListFlows', error: 'ServiceQuotaExceededException' },
      '$.faults[0].error',
      /ListFlows does not answer ServiceQuotaExceededException; it answers ThrottlingException/,
    ],
    [{ model: MODEL, error: 'ServiceUnavailableException' }, '$.faults[0].error', /InvokeFlow's in-stream exceptions/],
    [
      { operation: 'InvokeFlow', model: MODEL, error: 'ThrottlingException' },
      '$.faults[0].model',
      /either an operation or what a node calls/,
    ],
    [
      { model: MODEL, caller: 'arn:aws:iam::123456789012:user/a', error: 'ThrottlingException' },
      '$.faults[0].caller',
      /narrows an operation rule/,
    ],
    [{ operation: 'ListFlows' }, '$.faults[0]', /needs an error, a latencyMs, or both/],
    [{ operation: 'ListFlows', error: 'ThrottlingException', probabilty: 0.5 }, '$.faults[0].probabilty', /did you mean 'probability'/],
    [{ operation: 'ListFlows', error: 'ThrottlingException', from: 'yesterday' }, '$.faults[0].from', /not an ISO-8601 time/],
    [
      {
        faults: [
          { operation: 'ListFlows', latencyMs: 5 },
          { id: 'kept', operation: 'ListFlows', latencyMs: 5 },
        ],
      },
      '$.faults[1].id',
      /exists already/,
    ],
  ];
  for (const [rule, path, reason] of refused) {
    const res = await admin(emu.url, 'POST', '/_emulator/faults', rule);
    t.equal(res.status, 400, JSON.stringify(rule));
    t.equal(res.type, 'FixtureError');
    t.match(res.body, { path, reason }, JSON.stringify(rule));
  }
  t.same(
    (await admin(emu.url, 'GET', '/_emulator/faults')).body.faults.map((f: Json) => f.id),
    ['kept'],
    'nothing of a refused POST was added',
  );
  const bad = await fetch(`${emu.url}/_emulator/faults`, { method: 'POST', body: '{' });
  t.equal(bad.status, 400);
});

t.test('DELETE removes one rule by id, or all; reset restores the fixture rules with their counts', async (t) => {
  const fixtureRule = { id: 'from-fixture', operation: 'ListFlows', error: 'ThrottlingException', count: 1 };
  const { emu, agent } = await withEmulator(t, { fixtures: [...TEST_WORLD, { faults: [fixtureRule] }] });
  await t.rejects(agent().send(new ListFlowsCommand({})), { name: 'ThrottlingException' });
  t.ok(await agent().send(new ListFlowsCommand({})), 'count 1: used up');
  await admin(emu.url, 'POST', '/_emulator/faults', {
    faults: [
      { operation: 'GetFlow', latencyMs: 1 },
      { operation: 'GetFlow', latencyMs: 2 },
    ],
  });
  t.same(
    (await admin(emu.url, 'GET', '/_emulator/faults')).body.faults.map((f: Json) => f.id),
    ['from-fixture', 'fault-1', 'fault-2'],
  );
  t.equal((await admin(emu.url, 'DELETE', '/_emulator/faults/fault-1')).status, 200);
  t.equal((await admin(emu.url, 'DELETE', '/_emulator/faults/fault-1')).status, 404);
  t.equal((await admin(emu.url, 'POST', '/_emulator/reset')).status, 200);
  t.match((await admin(emu.url, 'GET', '/_emulator/faults')).body.faults, [{ id: 'from-fixture', remaining: 1, applied: 0 }]);
  t.equal((await admin(emu.url, 'GET', '/_emulator/faults')).body.faults.length, 1, 'rules added at run time are gone');
  await t.rejects(agent().send(new ListFlowsCommand({})), { name: 'ThrottlingException' }, 'the fixture rule fires again');
  t.same((await admin(emu.url, 'DELETE', '/_emulator/faults')).body, { faults: [] });
  t.ok(await agent().send(new ListFlowsCommand({})));
});

t.test('reset with no start-up fixtures drops the rules added at run time', async (t) => {
  const { emu, agent } = await withEmulator(t, { fixtures: [] });
  await admin(emu.url, 'POST', '/_emulator/faults', { operation: 'ListFlows', error: 'ThrottlingException' });
  await t.rejects(agent().send(new ListFlowsCommand({})), { name: 'ThrottlingException' });
  t.equal((await admin(emu.url, 'POST', '/_emulator/reset')).status, 200);
  t.same((await admin(emu.url, 'GET', '/_emulator/faults')).body.faults, []);
  t.ok(await agent().send(new ListFlowsCommand({})), 'the listed rules are the ones that fire');
});

t.test('time windows follow the emulator clock', async (t) => {
  let now = Date.now(); // SigV4 checks request times against it: it starts at real time, then jumps
  const clock: Clock = { timestamp: () => new Date(now).toISOString(), epochMs: () => now, monotonicMs: () => 0 };
  const { emu, agent } = await withEmulator(t, { clock });
  await admin(emu.url, 'POST', '/_emulator/faults', {
    faults: [
      { id: 'soon', operation: 'ListFlows', error: 'InternalServerException', from: new Date(now + 60_000).toISOString() },
      { id: 'now', operation: 'ListFlows', error: 'ThrottlingException', durationMs: 1_000 },
    ],
  });
  await t.rejects(agent().send(new ListFlowsCommand({})), { name: 'ThrottlingException' });
  now += 1_000;
  t.ok(await agent().send(new ListFlowsCommand({})), 'the durationMs window has ended; the from window has not begun');
  now += 59_000;
  await t.rejects(agent().send(new ListFlowsCommand({})), { name: 'InternalServerException' });
});

t.test("what a node's call is matched by", async (t) => {
  const fn = 'arn:aws:lambda:us-east-1:123456789012:function:echo';
  t.ok(callMatches('lambda', 'echo', 'lambda:InvokeFunction', fn));
  t.ok(callMatches('lambda', fn, 'lambda:InvokeFunction', `${fn}:live`), 'the unqualified ARN matches a qualified call');
  t.notOk(callMatches('lambda', 'echo2', 'lambda:InvokeFunction', fn));
  t.ok(callMatches('model', MODEL, 'bedrock:InvokeModel', `arn:aws:bedrock:us-east-1::foundation-model/${MODEL}`));
  t.notOk(callMatches('model', MODEL, 'bedrock:RenderPrompt', `arn:aws:bedrock:us-east-1::foundation-model/${MODEL}`));
  const kb = 'arn:aws:bedrock:us-east-1:123456789012:knowledge-base/KB00000001';
  t.ok(callMatches('knowledgeBase', 'KB00000001', 'bedrock:Retrieve', kb));
  t.ok(callMatches('knowledgeBase', kb, 'bedrock:RetrieveAndGenerate', kb));
  const alias = 'arn:aws:bedrock:us-east-1:123456789012:agent-alias/AGENT00002/AGALIAS002';
  t.ok(callMatches('agentAlias', 'AGALIAS002', 'bedrock:InvokeAgent', alias));
  t.ok(callMatches('bucket', 'flow-data', 's3:PutObject', 'arn:aws:s3:::flow-data/out.txt'));
  t.notOk(callMatches('bucket', 'flow', 's3:PutObject', 'arn:aws:s3:::flow-data/out.txt'));
});

t.test('a Lambda fault: dependencyFailedException naming the function, after the latency', async (t) => {
  const rule = { lambda: 'echo', error: 'DependencyFailedException', latencyMs: 5 };
  const { agent, runtime } = await withEmulator(t, { fixtures: [...TEST_WORLD, { faults: [rule] }] });
  const flowId = await deploy(agent(), around(lambdaNode('Call', 'echo', [['payload', 'Object', '$.data']]), 'Object'));
  const run = await invoke(runtime(), flowId, { a: 1 });
  t.match(run.error, { name: 'DependencyFailedException', resourceName: lambdaArn('echo') });
});

t.test('StopFlowExecution ends a node waiting out its latency', async (t) => {
  const rule = { model: MODEL, latencyMs: 300_000 };
  const { runtime } = await withEmulator(t, { fixtures: [...TEST_WORLD, { faults: [rule] }] });
  const client = runtime();
  const { executionArn } = await client.send(
    new StartFlowExecutionCommand({
      flowIdentifier: 'FLOW000001',
      flowAliasIdentifier: 'TSTALIASID',
      inputs: [{ nodeName: 'FlowInput', nodeOutputName: 'document', content: { document: { genre: 'pop', number: 2 } } }],
    }),
  );
  await client.send(new StopFlowExecutionCommand(executionIds('FLOW000001', executionArn!)));
  const got = await client.send(new GetFlowExecutionCommand(executionIds('FLOW000001', executionArn!)));
  t.equal(got.status, 'Aborted');
});

t.test('--throttle and BFE_THROTTLE', async (t) => {
  t.equal(parse([], {}).throttle, false);
  t.equal(parse(['--throttle'], {}).throttle, true);
  t.equal(parse([], { BFE_THROTTLE: 'true' }).throttle, true);
});

t.test('the saved state keeps the rules as given, and a world loaded from it has them', async (t) => {
  const { emu } = await withEmulator(t);
  await admin(emu.url, 'POST', '/_emulator/faults', { id: 'kept', operation: 'ListFlows', error: 'ThrottlingException', count: 2 });
  const state = emu.state();
  t.same(state.faults, [{ id: 'kept', operation: 'ListFlows', error: 'ThrottlingException', count: 2 }]);
  const { emu: again } = await withEmulator(t, { fixtures: [state] });
  t.match(again.emulator.faults.list(), [{ id: 'kept', remaining: 2 }]);
});
