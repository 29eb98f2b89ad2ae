/**
 * Denials that explain themselves (GET /_emulator/decisions `explanation.why` / `.fix`, and the debug log line),
 * through the real SDK: no statement names the action; the resource differs (which part); a condition failed (key,
 * request value, policy value); an explicit deny (policy, Sid); a permissions boundary; a session policy; the
 * execution role's node call and its trust policy.
 */
import {
  CreateFlowCommand,
  DeleteFlowCommand,
  GetFlowCommand,
  ListFlowsCommand,
  PrepareFlowCommand,
  type FlowDefinition,
} from '@aws-sdk/client-bedrock-agent';
import { Writable } from 'node:stream';
import pino from 'pino';
import t from 'tap';
import type { Json } from '../flows/fixtures.js';
import { invoke } from '../flows/executor/sdk.js';
import { PLAYLIST_DEFINITION, withEmulator } from '../helpers/emulator.js';

const ACCOUNT = '123456789012';
const FLOW = `arn:aws:bedrock:us-east-1:${ACCOUNT}:flow/FLOW000001`;
const statement = (Effect: string, Action: string | string[], Resource = '*', extra: Json = {}) => ({ Effect, Action, Resource, ...extra });
const policy = (...Statement: Json[]) => ({ Version: '2012-10-17', Statement });
const user = (name: string, policies: Json[], extra: Json = {}) => ({
  arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
  accessKeyId: `AKIA${name.toUpperCase().padEnd(16, '0')}`,
  secretAccessKey: name,
  policies,
  ...extra,
});
const keys = (name: string) => ({ accessKeyId: `AKIA${name.toUpperCase().padEnd(16, '0')}`, secretAccessKey: name });
const NARROW_ROLE = `arn:aws:iam::${ACCOUNT}:role/service-role/AmazonBedrockExecutionRoleForFlows_NARROW`;
const OTHER_FLOW_ROLE = `arn:aws:iam::${ACCOUNT}:role/service-role/AmazonBedrockExecutionRoleForFlows_OTHERFLOW`;

const WORLD = {
  identities: [
    user('nothing', [policy(statement('Allow', 'bedrock:ListFlows', '*', { Sid: 'OnlyList' }))]),
    user('westonly', [policy(statement('Allow', 'bedrock:GetFlow', `arn:aws:bedrock:us-west-2:${ACCOUNT}:flow/*`, { Sid: 'West' }))]),
    user('mlonly', [
      policy(statement('Allow', 'bedrock:GetFlow', '*', { Sid: 'TeamMl', Condition: { StringEquals: { 'aws:ResourceTag/team': 'ml' } } })),
    ]),
    user('nodelete', [policy(statement('Allow', 'bedrock:*'), statement('Deny', 'bedrock:DeleteFlow', '*', { Sid: 'NoDeletes' }))]),
    user('bounded', [policy(statement('Allow', 'bedrock:*'))], {
      permissionsBoundary: policy(statement('Allow', 'bedrock:List*', '*', { Sid: 'ListOnly' })),
    }),
    {
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Dev/session1`,
      ...keys('session'),
      sessionToken: 'token',
      policies: [policy(statement('Allow', 'bedrock:*'))],
      sessionPolicies: [policy(statement('Allow', 'bedrock:ListFlows'))],
    },
  ],
  roles: [
    {
      arn: NARROW_ROLE,
      trustPolicy: policy({ Effect: 'Allow', Principal: { Service: 'bedrock.amazonaws.com' }, Action: 'sts:AssumeRole' }),
      policies: [
        policy(
          statement('Allow', 'bedrock:InvokeModel', 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0', { Sid: 'Pro' }),
        ),
      ],
    },
    {
      arn: OTHER_FLOW_ROLE,
      trustPolicy: policy({
        Effect: 'Allow',
        Principal: { Service: 'bedrock.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:bedrock:us-east-1:${ACCOUNT}:flow/ONLYTHIS01` } },
      }),
      policies: [policy(statement('Allow', 'bedrock:InvokeModel'))],
    },
  ],
};

interface Decision {
  principal: string;
  action: string;
  resource: string;
  decision: string;
  explanation: { why?: Json; fix?: Json };
}

t.test('each kind of denial says why and what would allow it', async (t) => {
  const lines: Json[] = [];
  const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(JSON.parse(String(chunk))), cb()) });
  const { agent, runtime, emu } = await withEmulator(t, {
    fixtures: [WORLD],
    logger: pino({ level: 'debug' }, sink),
  });
  const admin = agent();
  const tagged = await admin.send(
    new CreateFlowCommand({
      name: 'ops-flow',
      executionRoleArn: NARROW_ROLE,
      definition: PLAYLIST_DEFINITION as FlowDefinition,
      tags: { team: 'ops' },
    }),
  );
  const denied = (credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, command: Json) =>
    t.rejects(agent(credentials).send(command), { name: 'AccessDeniedException' });

  await denied(keys('nothing'), new GetFlowCommand({ flowIdentifier: 'FLOW000001' }));
  await denied(keys('westonly'), new GetFlowCommand({ flowIdentifier: 'FLOW000001' }));
  await denied(keys('mlonly'), new GetFlowCommand({ flowIdentifier: tagged.id }));
  await denied(keys('nodelete'), new DeleteFlowCommand({ flowIdentifier: 'FLOW000001' }));
  await denied(keys('bounded'), new GetFlowCommand({ flowIdentifier: 'FLOW000001' }));
  await denied({ ...keys('session'), sessionToken: 'token' }, new GetFlowCommand({ flowIdentifier: 'FLOW000001' }));
  await admin.send(new ListFlowsCommand({}));

  // The execution role: a node call it may not make, and a trust policy naming another flow.
  await admin.send(new PrepareFlowCommand({ flowIdentifier: tagged.id }));
  const run = await invoke(runtime(), tagged.id as string, { genre: 'jazz', number: 1 });
  t.match(run.error, { name: 'AccessDeniedException' });
  const other = await admin.send(
    new CreateFlowCommand({ name: 'other', executionRoleArn: OTHER_FLOW_ROLE, definition: PLAYLIST_DEFINITION as FlowDefinition }),
  );
  await admin.send(new PrepareFlowCommand({ flowIdentifier: other.id }));

  const { decisions } = (await (await fetch(`${emu.url}/_emulator/decisions`)).json()) as { decisions: Decision[] };
  const of = (who: string, action: string) =>
    decisions.find((d) => d.principal.includes(who) && d.action === action && d.decision !== 'Allow');
  t.notOk(decisions.find((d) => d.decision === 'Allow')?.explanation.why, 'an allowed request has no why');

  t.match(of('user/nothing', 'bedrock:GetFlow')?.explanation, {
    why: {
      reason: 'no-statement-names-action',
      policyType: 'identity',
      message: 'No Allow statement in the identity-based policies names bedrock:GetFlow.',
    },
    fix: { Effect: 'Allow', Action: 'bedrock:GetFlow', Resource: FLOW },
  });
  t.match(of('user/westonly', 'bedrock:GetFlow')?.explanation, {
    why: {
      reason: 'resource-not-matched',
      statement: { statement: 'West' },
      resource: { requested: FLOW, inPolicy: [`arn:aws:bedrock:us-west-2:${ACCOUNT}:flow/*`] },
      message:
        /allows bedrock:GetFlow, but on arn:aws:bedrock:us-west-2:.*, not on arn:aws:bedrock:us-east-1:.*: the Region differs \(us-east-1 in the request, us-west-2 in the policy\)/,
    },
    fix: { Resource: FLOW },
  });
  t.match(of('user/mlonly', 'bedrock:GetFlow')?.explanation.why, {
    reason: 'condition-failed',
    statement: { statement: 'TeamMl' },
    condition: { operator: 'StringEquals', key: 'aws:ResourceTag/team', requestValue: 'ops', policyValues: ['ml'] },
    message: /condition StringEquals aws:ResourceTag\/team failed: the request's value is "ops", the policy wants \["ml"\]/,
  });
  t.match(of('user/nodelete', 'bedrock:DeleteFlow')?.explanation.why, {
    reason: 'explicit-deny',
    statement: { statement: 'NoDeletes' },
    message: /^Statement "NoDeletes" of policy "policies\[0\]" \(identity-based policies\) denies bedrock:DeleteFlow explicitly/,
  });
  t.match(of('user/bounded', 'bedrock:GetFlow')?.explanation.why, {
    reason: 'no-statement-names-action',
    policyType: 'boundary',
    message: /^The identity-based policies allow it, but the permissions boundary does not: no Allow statement/,
  });
  t.match(of('assumed-role/Dev', 'bedrock:GetFlow')?.explanation.why, {
    policyType: 'session',
    message: /but the session policy does not/,
  });
  t.match(of('BedrockFlows-', 'bedrock:InvokeModel')?.explanation, {
    why: {
      reason: 'resource-not-matched',
      message: /allows bedrock:InvokeModel, but on .*nova-pro-v1:0, not on .*nova-lite-v1:0: the resource differs/,
    },
    fix: { Action: 'bedrock:InvokeModel', Resource: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0' },
  });
  t.match(of('bedrock.amazonaws.com', 'sts:AssumeRole')?.explanation, {
    why: {
      reason: 'condition-failed',
      policyType: 'resource',
      condition: { key: 'aws:SourceArn', requestValue: other.arn, policyValues: [`arn:aws:bedrock:us-east-1:${ACCOUNT}:flow/ONLYTHIS01`] },
    },
    fix: {
      Principal: { Service: 'bedrock.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': other.arn } },
    },
  });

  // At debug the log line says why too, for callers and for the execution role.
  t.ok(lines.some((l) => l.level === 20 && /^denied: .*bedrock:GetFlow.*\. No Allow statement in the identity-based policies/.test(l.msg)));
  t.ok(lines.some((l) => l.level === 20 && /^execution role: denied: bedrock:InvokeModel .*\. Statement "Pro" allows/.test(l.msg)));
});
