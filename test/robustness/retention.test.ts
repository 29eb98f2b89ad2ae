/**
 * Retention: what requests leave behind stays bounded. Paused multi-turn runs, kept flow executions per alias and
 * remembered clientTokens each have a cap (lowered here through `quotas` so the test is fast) and the oldest go
 * first; clientTokens also expire after 8 hours and keep a hash of the request, not the request. A scaled run at
 * the default caps checks the heap after GC. ROBUSTNESS_SEED=<seed> replays the counts.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { BedrockAgentClient, CreateFlowCommand, DeleteFlowCommand, type FlowDefinition } from '@aws-sdk/client-bedrock-agent';
import {
  type FlowInput,
  GetFlowExecutionCommand,
  ListFlowExecutionsCommand,
  StartFlowExecutionCommand,
  StopFlowExecutionCommand,
} from '@aws-sdk/client-bedrock-agent-runtime';
import t from 'tap';
import { completionOf, deploy, ended, executionIds as ids, invoke } from '../flows/executor/sdk.js';
import { FLOW_ROLE, TEST_WORLD, agentNode, around, inlineCodeNode } from '../flows/executor/world.js';
import { ADMIN, PLAYLIST_DEFINITION, withEmulator, type Harness } from '../helpers/emulator.js';
import type { World } from '../../src/world/world.js';
import { createRandom, seedFromEnv } from './prng.js';
import { SLOW_FLOW_FIXTURE, SLOW_FLOW_ID } from './slow-flow.js';

const seed = seedFromEnv();
t.comment(`seed ${seed} (replay with ROBUSTNESS_SEED=${seed})`);
const random = createRandom(seed);

/** A real GC, without a command-line flag (tap gives every test file the same node arguments). */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const CAP = 3;
const quotas = { pausedRunsPerAccount: CAP, executionsPerAlias: CAP, idempotencyEntries: CAP, idempotencyResponseBytes: 300_000 };
const h = await withEmulator(t, { fixtures: [...TEST_WORLD, { ...SLOW_FLOW_FIXTURE, lambdaFunctions: [] }], quotas, logLevel: 'silent' });
const control = h.agent();
const client = h.runtime();
const world = (harness: Harness = h): World => harness.emu.emulator.universe.worlds.get('123456789012/us-east-1')!;

async function healthy(harness: Harness): Promise<boolean> {
  const res = await fetch(`${harness.emu.url}/_emulator/health`, { signal: AbortSignal.timeout(10_000) });
  return res.status === 200;
}

t.test('past the cap of paused multi-turn runs, the oldest stops waiting', async (t) => {
  const id = await deploy(control, around(agentNode('Orders'), 'String', 'String'));
  const runs = CAP + 1 + random.int(3);
  const ids: string[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await invoke(client, id, `Where is my order ${i}?`);
    t.equal(completionOf(run), 'INPUT_REQUIRED');
    ids.push(run.executionId!);
  }
  t.equal(world().executions.paused.size, CAP, `${runs} paused runs keep ${CAP}`);
  t.same([...world().executions.paused.keys()], ids.slice(-CAP), 'the newest are kept');
  await t.rejects(
    invoke(client, id, '1', { executionId: ids[0], answerTo: 'Orders' }),
    {
      name: 'ValidationException',
      message: /is waiting for input/,
    },
    'the oldest answers as an execution that waits for nothing',
  );
  t.equal(completionOf(await invoke(client, id, '2', { executionId: ids.at(-1), answerTo: 'Orders' })), 'SUCCESS', 'the newest resumes');
});

const start = (flowIdentifier: string, document: unknown) =>
  client.send(
    new StartFlowExecutionCommand({
      flowIdentifier,
      flowAliasIdentifier: 'TSTALIASID',
      inputs: [{ nodeName: 'FlowInput', nodeOutputName: 'document', content: { document } as FlowInput['content'] }],
    }),
  );
t.test('past the cap of executions per alias, the oldest ended ones are pruned', async (t) => {
  const id = await deploy(control, PLAYLIST_DEFINITION);
  const count = CAP + 1 + random.int(4);
  const arns: string[] = [];
  for (let i = 0; i < count; i++) {
    const { executionArn } = await start(id, { genre: 'pop', number: 1 });
    await ended(client, id, executionArn!);
    arns.push(executionArn!);
  }
  const listed = await client.send(new ListFlowExecutionsCommand({ flowIdentifier: id }));
  t.same(
    listed.flowExecutionSummaries?.map((s) => s.executionArn).sort(),
    arns.slice(-CAP).sort(),
    `${count} executions keep the newest ${CAP}`,
  );
  for (const arn of arns.slice(0, -CAP)) {
    await t.rejects(client.send(new GetFlowExecutionCommand(ids(id, arn))), { name: 'ResourceNotFoundException' }, 'a pruned one is gone');
  }
  t.equal((await client.send(new GetFlowExecutionCommand(ids(id, arns.at(-1)!)))).status, 'Succeeded');
});

t.test('when every kept execution of the alias is running, a new one is refused', async (t) => {
  const running: string[] = [];
  for (let i = 0; i < CAP; i++) running.push((await start(SLOW_FLOW_ID, { sleepMs: 2_000 })).executionArn!);
  await t.rejects(start(SLOW_FLOW_ID, { sleepMs: 1 }), {
    name: 'ServiceQuotaExceededException',
    $metadata: { httpStatusCode: 400 },
    message: /already has 3 flow executions running/,
  });
  t.ok(await healthy(h), 'health answers meanwhile');
  await client.send(new StopFlowExecutionCommand(ids(SLOW_FLOW_ID, running[0]!)));
  const next = await start(SLOW_FLOW_ID, { sleepMs: 1 });
  t.ok(next.executionArn, 'a stopped one makes room');
  await t.rejects(client.send(new GetFlowExecutionCommand(ids(SLOW_FLOW_ID, running[0]!))), { name: 'ResourceNotFoundException' });
  for (const arn of [...running.slice(1), next.executionArn!]) await client.send(new StopFlowExecutionCommand(ids(SLOW_FLOW_ID, arn)));
});

t.test('a deleted flow takes its executions with it', async (t) => {
  const id = await deploy(control, PLAYLIST_DEFINITION);
  const { executionArn } = await start(id, { genre: 'pop', number: 1 });
  await ended(client, id, executionArn!);
  await control.send(new DeleteFlowCommand({ flowIdentifier: id }));
  t.notOk(world().executions.runs.has(executionArn!));
});

/** clientTokens are 33 to 256 characters. */
const token = (name: string) => `${name}-${seed}`.padEnd(40, '0');
const createFlow = (name: string, clientToken: string, definition: unknown = PLAYLIST_DEFINITION, agent = control) =>
  agent.send(new CreateFlowCommand({ name, executionRoleArn: FLOW_ROLE, clientToken, definition: definition as FlowDefinition }));

t.test('clientTokens: a hash of the request, at most the cap, forgotten after 8 hours', async (t) => {
  const env = h.emu.emulator.env;
  const realClock = env.clock;
  t.teardown(() => void (env.clock = realClock));
  let offset = 0;
  env.clock = { ...realClock, epochMs: () => realClock.epochMs() + offset };
  const count = CAP + 1 + random.int(3);
  const created: string[] = [];
  for (let i = 0; i < count; i++) created.push((await createFlow(`token-flow-${i}`, token(`t${i}`))).id!);
  const calls = world().idempotency;
  t.equal(calls.size, CAP, `${count} tokens keep ${CAP}`);
  for (const call of calls.values()) {
    t.match(call.inputHash, /^[0-9a-f]{64}$/, 'a SHA-256 of the request');
    t.notOk('fingerprint' in call, 'not the request itself');
  }
  const last = count - 1;
  t.equal((await createFlow(`token-flow-${last}`, token(`t${last}`))).id, created[last], 'a kept token answers the first response');
  await t.rejects(createFlow('other', token(`t${last}`)), { name: 'ConflictException' });

  offset = 8 * 60 * 60 * 1000;
  // The emulator's clock also checks request signatures: a client 8 hours ahead signs in the emulator's present.
  const later = new BedrockAgentClient({
    endpoint: h.emu.url,
    region: 'us-east-1',
    credentials: ADMIN,
    maxAttempts: 1,
    systemClockOffset: offset,
  });
  t.teardown(() => later.destroy());
  const again = await createFlow(`token-flow-${last}`, token(`t${last}`), PLAYLIST_DEFINITION, later);
  t.not(again.id, created[last], 'after 8 hours the token is new again');
  t.equal(calls.size, 1, 'expired tokens are dropped');
});

t.test('clientTokens: their responses stay within the byte bound', async (t) => {
  const big = around(inlineCodeNode('Code', `x = "${'a'.repeat(100_000)}"`, [['data', 'String', '$.data']]));
  for (let i = 0; i < CAP; i++) await createFlow(`big-${i}`, token(`big${i}`), big);
  const bytes = [...world().idempotency.values()].reduce((sum, call) => sum + call.responseBytes, 0);
  t.ok(bytes <= quotas.idempotencyResponseBytes, `${bytes} response bytes kept`);
  t.ok(world().idempotency.size < CAP, 'older ones were forgotten');
});

t.test('scaled, at the default caps: 24 CreateFlow+DeleteFlow of a 2 MB definition leave the heap small', async (t) => {
  const scaled = await withEmulator(t, { fixtures: TEST_WORLD, logLevel: 'silent' });
  const agent = scaled.agent();
  const definition = around(inlineCodeNode('Code', `x = "${'b'.repeat(2 * 1024 * 1024)}"`, [['data', 'String', '$.data']]));
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 24; i++) {
    const flow = await agent.send(
      new CreateFlowCommand({ name: `scaled-${i}`, executionRoleArn: FLOW_ROLE, definition: definition as FlowDefinition }),
    );
    await agent.send(new DeleteFlowCommand({ flowIdentifier: flow.id }));
    if (i === 12) t.ok(await healthy(scaled), 'health answers meanwhile');
  }
  gc();
  const grown = process.memoryUsage().heapUsed - before;
  t.comment(`heap grew ${(grown / 1024 / 1024).toFixed(1)} MB; ${world(scaled).idempotency.size} tokens kept`);
  t.ok(grown < 64 * 1024 * 1024, 'heap growth stays under 64 MB (it was about 150 MB before the store was bounded)');
  const bytes = [...world(scaled).idempotency.values()].reduce((sum, call) => sum + call.responseBytes, 0);
  t.ok(
    bytes <= 16 * 1024 * 1024 + definition.nodes[1].configuration.inlineCode.code.length + 10_000,
    'kept responses within the byte bound',
  );
});
