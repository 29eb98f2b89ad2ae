/** IAM enforcement through the real SDK: the prerequisites page's identities, PassRole, ABAC, explicit denies. */
import {
  CreateFlowCommand,
  CreatePromptCommand,
  DeleteFlowVersionCommand,
  GetFlowCommand,
  ListFlowsCommand,
  ListPromptsCommand,
  PrepareFlowCommand,
} from '@aws-sdk/client-bedrock-agent';
import { Writable } from 'node:stream';
import pino from 'pino';
import t from 'tap';
import { BEDROCK_FULL, FLOW_DEVELOPER, FLOW_ROLE, withEmulator } from '../helpers/emulator.js';

const DEV = 'arn:aws:iam::123456789012:user/flow-developer';

t.test('the FlowPermissions identity works with flows but not PrepareFlow, DeleteFlowVersion or prompts', async (t) => {
  const { agent, emu } = await withEmulator(t);
  const dev = agent(FLOW_DEVELOPER);
  const flow = await dev.send(new CreateFlowCommand({ name: 'mine', executionRoleArn: FLOW_ROLE }));
  t.equal((await dev.send(new GetFlowCommand({ flowIdentifier: flow.id }))).name, 'mine');
  t.ok((await dev.send(new ListFlowsCommand({}))).flowSummaries?.length);
  await t.rejects(dev.send(new PrepareFlowCommand({ flowIdentifier: flow.id })), {
    name: 'AccessDeniedException',
    $metadata: { httpStatusCode: 403 },
    message: `User: ${DEV} is not authorized to perform: bedrock:PrepareFlow on resource: ${flow.arn} because no identity-based policy allows the bedrock:PrepareFlow action`,
  });
  // The page's policy names bedrock:DeleteFlowVersions (plural), which no service defines: it grants nothing.
  await t.rejects(dev.send(new DeleteFlowVersionCommand({ flowIdentifier: flow.id, flowVersion: '1' })), {
    name: 'AccessDeniedException',
    message: /bedrock:DeleteFlowVersion on resource/,
  });
  await t.rejects(dev.send(new ListPromptsCommand({})), {
    name: 'AccessDeniedException',
    message: `User: ${DEV} is not authorized to perform: bedrock:ListPrompts because no identity-based policy allows the bedrock:ListPrompts action`,
  });
  await t.rejects(dev.send(new CreatePromptCommand({ name: 'p' })), { name: 'AccessDeniedException' });

  const log = (await (await fetch(`${emu.url}/_emulator/decisions`)).json()) as {
    decisions: {
      principal: string;
      action: string;
      resource: string;
      decision: string;
      explanation: { statement?: { statement: string } };
    }[];
  };
  const created = log.decisions.find((d) => d.action === 'bedrock:CreateFlow' && d.principal === DEV);
  t.match(created, { decision: 'Allow', resource: '*', explanation: { statement: { statement: 'FlowPermissions' } } });
  const denied = log.decisions.find((d) => d.action === 'bedrock:PrepareFlow');
  t.match(denied, { decision: 'ImplicitDeny', principal: DEV, resource: flow.arn });
});

t.test('iam:PassRole: AmazonBedrockFullAccess passes only *AmazonBedrock* roles to Bedrock', async (t) => {
  const { agent } = await withEmulator(t);
  const full = agent(BEDROCK_FULL);
  const ok = await full.send(new CreateFlowCommand({ name: 'passes', executionRoleArn: FLOW_ROLE }));
  t.equal(ok.status, 'NotPrepared');
  const other = 'arn:aws:iam::123456789012:role/OtherRole';
  await t.rejects(full.send(new CreateFlowCommand({ name: 'nope', executionRoleArn: other })), {
    name: 'AccessDeniedException',
    message: `User: arn:aws:iam::123456789012:user/bedrock-full-access is not authorized to perform: iam:PassRole on resource: ${other} because no identity-based policy allows the iam:PassRole action`,
  });
  const relaxed = await withEmulator(t, { passRoleCheck: false });
  t.ok((await relaxed.agent(BEDROCK_FULL).send(new CreateFlowCommand({ name: 'fine', executionRoleArn: other }))).id);
});

const abacWorld = {
  identities: [
    {
      arn: 'arn:aws:iam::123456789012:user/ml-dev',
      accessKeyId: 'AKIAMLDEV00000000001',
      secretAccessKey: 'ml',
      tags: { team: 'ml' },
      policies: [
        {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'CreateTagged',
              Effect: 'Allow',
              Action: 'bedrock:CreateFlow',
              Resource: '*',
              Condition: {
                StringEquals: { 'aws:RequestTag/team': '${aws:PrincipalTag/team}' },
                'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] },
              },
            },
            {
              Sid: 'ReadOwnTeam',
              Effect: 'Allow',
              Action: 'bedrock:GetFlow',
              Resource: '*',
              Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
            },
            { Sid: 'PassFlowRole', Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
            { Sid: 'NoDeletes', Effect: 'Deny', Action: 'bedrock:Delete*', Resource: '*' },
            { Sid: 'Everything', Effect: 'Allow', Action: 'bedrock:DeleteFlow', Resource: '*' },
          ],
        },
      ],
    },
  ],
};

t.test('ABAC on request and resource tags, policy variables, and explicit deny', async (t) => {
  const { agent } = await withEmulator(t, { fixtures: [abacWorld] });
  const dev = agent({ accessKeyId: 'AKIAMLDEV00000000001', secretAccessKey: 'ml' });
  const tagged = await dev.send(new CreateFlowCommand({ name: 'ours', executionRoleArn: FLOW_ROLE, tags: { team: 'ml' } }));
  await t.rejects(dev.send(new CreateFlowCommand({ name: 'theirs', executionRoleArn: FLOW_ROLE, tags: { team: 'web' } })), {
    name: 'AccessDeniedException',
  });
  await t.rejects(dev.send(new CreateFlowCommand({ name: 'untagged', executionRoleArn: FLOW_ROLE })), { name: 'AccessDeniedException' });
  await t.rejects(dev.send(new CreateFlowCommand({ name: 'extra', executionRoleArn: FLOW_ROLE, tags: { team: 'ml', cost: 'x' } })), {
    name: 'AccessDeniedException',
  });
  t.equal((await dev.send(new GetFlowCommand({ flowIdentifier: tagged.id }))).name, 'ours');
  const { DeleteFlowCommand } = await import('@aws-sdk/client-bedrock-agent');
  await t.rejects(dev.send(new DeleteFlowCommand({ flowIdentifier: tagged.id })), {
    name: 'AccessDeniedException',
    message: `User: arn:aws:iam::123456789012:user/ml-dev is not authorized to perform: bedrock:DeleteFlow on resource: ${tagged.arn} with an explicit deny in an identity-based policy`,
  });
});

t.test('audit mode logs would-be denials and allows; off mode checks nothing', async (t) => {
  const lines: { level: number; reqId?: string; msg: string }[] = [];
  const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(JSON.parse(String(chunk))), cb()) });
  const { agent, emu } = await withEmulator(t, { iam: 'audit', logger: pino({ level: 'warn' }, sink) });
  const dev = agent(FLOW_DEVELOPER);
  let requestId: string | undefined;
  dev.middlewareStack.add(
    (next) => async (args) => {
      const out = await next(args);
      requestId = (out.response as { headers: Record<string, string> }).headers['x-amzn-requestid'];
      return out;
    },
    { step: 'deserialize' },
  );
  t.ok((await dev.send(new ListPromptsCommand({}))).promptSummaries);
  // The warning is written by the request's own logger, bound to its id.
  t.match(requestId, /^[0-9a-f-]{36}$/);
  t.match(
    lines.find((l) => l.msg.startsWith('audit: would deny')),
    { level: 40, reqId: requestId, msg: /bedrock:ListPrompts/ },
  );
  const log = (await (await fetch(`${emu.url}/_emulator/decisions`)).json()) as {
    decisions: { action: string; decision: string; enforced: boolean }[];
  };
  t.match(
    log.decisions.find((d) => d.action === 'bedrock:ListPrompts'),
    { decision: 'ImplicitDeny', enforced: false },
  );
});
