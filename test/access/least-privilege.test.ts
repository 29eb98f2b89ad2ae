/**
 * GET /_emulator/iam/least-privilege, the core test: a workload run by a broadly allowed caller, replayed through
 * the real SDK by a fresh identity (and a fresh copy of the flow's role) holding only the generated policies,
 * succeeds; what the workload did not do is denied.
 */
import {
  CreateFlowAliasCommand,
  CreateFlowCommand,
  CreateFlowVersionCommand,
  DeleteFlowCommand,
  GetFlowCommand,
  ListFlowsCommand,
  ListPromptsCommand,
  PrepareFlowCommand,
  UpdateFlowCommand,
  type BedrockAgentClient,
  type FlowDefinition,
} from '@aws-sdk/client-bedrock-agent';
import type { BedrockAgentRuntimeClient } from '@aws-sdk/client-bedrock-agent-runtime';
import t from 'tap';
import { playlistFlow, type Json } from '../flows/fixtures.js';
import { completionOf, invoke } from '../flows/executor/sdk.js';
import { withEmulator } from '../helpers/emulator.js';

const ACCOUNT = '123456789012';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/service-role/AmazonBedrockExecutionRoleForFlows_REPLAY`;
const WORKER = `arn:aws:iam::${ACCOUNT}:user/worker`;
const FRESH = `arn:aws:iam::${ACCOUNT}:user/fresh`;
const WORKER_KEYS = { accessKeyId: 'AKIAWORKER0000000001', secretAccessKey: 'worker' };
const FRESH_KEYS = { accessKeyId: 'AKIAFRESH00000000001', secretAccessKey: 'fresh' };
const allow = (Action: string | string[], Resource = '*', Condition?: Json) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action, Resource, ...(Condition ? { Condition } : {}) }],
});
const trustPolicy = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'bedrock.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

/** The recorded world: a caller allowed every flow action and PassRole, a role allowed every node call. */
const RECORDED = {
  identities: [{ arn: WORKER, ...WORKER_KEYS, policies: [allow(['bedrock:*Flow*', 'iam:PassRole'])] }],
  roles: [{ arn: ROLE, trustPolicy, policies: [allow(['bedrock:*', 's3:*', 'lambda:*'])] }],
};

/** The workload; the last call (ListPrompts) is denied in the recorded world. */
async function workload(agent: BedrockAgentClient, runtime: BedrockAgentRuntimeClient) {
  const flow = await agent.send(
    new CreateFlowCommand({ name: 'replayed', executionRoleArn: ROLE, definition: playlistFlow() as FlowDefinition, tags: { team: 'ml' } }),
  );
  const flowIdentifier = flow.id as string;
  await agent.send(new PrepareFlowCommand({ flowIdentifier }));
  await agent.send(new GetFlowCommand({ flowIdentifier }));
  await agent.send(new ListFlowsCommand({}));
  await agent.send(new CreateFlowVersionCommand({ flowIdentifier }));
  const alias = await agent.send(
    new CreateFlowAliasCommand({ flowIdentifier, name: 'live', routingConfiguration: [{ flowVersion: '1' }] }),
  );
  const run = await invoke(runtime, flowIdentifier, { genre: 'jazz', number: 2 }, { alias: alias.id as string });
  const prompts = await agent.send(new ListPromptsCommand({})).then(
    () => 'allowed',
    (err: Error) => err.name,
  );
  return { flowIdentifier, flowArn: flow.arn as string, completion: completionOf(run), error: run.error, prompts };
}

const leastPrivilege = async (url: string, principal: string) => {
  const res = await fetch(`${url}/_emulator/iam/least-privilege?principal=${encodeURIComponent(principal)}`);
  return ((await res.json()) as { policy: Json }).policy;
};

t.test('replaying a workload under its least-privilege policies succeeds; anything else is denied', async (t) => {
  const recorded = await withEmulator(t, { seed: 7, fixtures: [RECORDED] });
  const first = await workload(recorded.agent(WORKER_KEYS), recorded.runtime(WORKER_KEYS));
  t.match(first, { completion: 'SUCCESS', error: undefined, prompts: 'AccessDeniedException' });

  const callerPolicy = await leastPrivilege(recorded.emu.url, WORKER);
  const rolePolicy = await leastPrivilege(recorded.emu.url, ROLE);
  t.same(recorded.emu.leastPrivilegePolicy(WORKER), callerPolicy, 'the library answers the same');
  const flowArn = first.flowArn;
  const aliasPrefix = `${flowArn}/alias/`;
  t.same(
    callerPolicy.Statement.map((s: Json) => [s.Action, s.Resource]),
    [
      ['bedrock:CreateFlow', '*'],
      ['bedrock:CreateFlowAlias', flowArn],
      ['bedrock:CreateFlowVersion', flowArn],
      ['bedrock:GetFlow', flowArn],
      ['bedrock:InvokeFlow', callerPolicy.Statement.find((s: Json) => s.Action === 'bedrock:InvokeFlow').Resource],
      ['bedrock:ListFlows', '*'],
      ['bedrock:ListPrompts', '*'],
      ['bedrock:PrepareFlow', flowArn],
      ['iam:PassRole', ROLE],
    ],
    'one statement an action, denied ListPrompts included, resources exact',
  );
  t.match(callerPolicy.Statement.find((s: Json) => s.Action === 'bedrock:InvokeFlow').Resource, aliasPrefix);
  t.same(callerPolicy.Statement.find((s: Json) => s.Action === 'iam:PassRole').Condition, {
    StringEquals: { 'iam:PassedToService': 'bedrock.amazonaws.com' },
  });
  t.same(rolePolicy.Statement, [
    {
      Sid: 'BedrockInvokeModel',
      Effect: 'Allow',
      Action: 'bedrock:InvokeModel',
      Resource: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0',
    },
  ]);

  // A fresh identity and a fresh copy of the role, holding nothing but the generated policies.
  const replay = await withEmulator(t, {
    seed: 7,
    fixtures: [
      {
        identities: [{ arn: FRESH, ...FRESH_KEYS, policies: [callerPolicy] }],
        roles: [{ arn: ROLE, trustPolicy, policies: [rolePolicy] }],
      },
    ],
  });
  const fresh = replay.agent(FRESH_KEYS);
  const second = await workload(fresh, replay.runtime(FRESH_KEYS));
  t.match(second, { flowArn, completion: 'SUCCESS', error: undefined, prompts: 'allowed' }, 'the replay succeeds');

  // What the workload did not do.
  await t.rejects(fresh.send(new DeleteFlowCommand({ flowIdentifier: second.flowIdentifier })), { name: 'AccessDeniedException' });
  await t.rejects(fresh.send(new GetFlowCommand({ flowIdentifier: 'FLOWOTHER1' })), { name: 'AccessDeniedException' });
  await t.rejects(fresh.send(new CreateFlowCommand({ name: 'x', executionRoleArn: `${ROLE}X` })), { name: 'AccessDeniedException' });
  // The role may call the model it called, and no other (the administrator switches the flow's model).
  const admin = replay.agent();
  const other = playlistFlow();
  other.nodes[1].configuration.prompt.sourceConfiguration.inline.modelId = 'amazon.nova-pro-v1:0';
  await admin.send(
    new UpdateFlowCommand({ flowIdentifier: second.flowIdentifier, name: 'replayed', executionRoleArn: ROLE, definition: other }),
  );
  await admin.send(new PrepareFlowCommand({ flowIdentifier: second.flowIdentifier }));
  const denied = await invoke(replay.runtime(), second.flowIdentifier, { genre: 'jazz', number: 2 });
  t.match(denied.error, { name: 'AccessDeniedException', message: /bedrock:InvokeModel on resource: .*amazon\.nova-pro-v1:0/ });
});

t.test('bad queries', async (t) => {
  const { emu } = await withEmulator(t);
  const res = await fetch(`${emu.url}/_emulator/iam/least-privilege`);
  t.equal(res.status, 400);
  t.match(await res.json(), { message: /principal query parameter is required/ });
  const nobody = await leastPrivilege(emu.url, 'arn:aws:iam::123456789012:user/nobody');
  t.same(nobody, { Version: '2012-10-17', Statement: [] });
});
