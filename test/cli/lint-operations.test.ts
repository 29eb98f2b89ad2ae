/**
 * `lint-policy --operations` (src/cli/operations-report.ts): one line per served operation. The seed page's
 * FlowPermissions policy cannot prepare a flow or delete a flow version, and the emulator agrees through the SDK.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateFlowCommand, GetFlowCommand, PrepareFlowCommand } from '@aws-sdk/client-bedrock-agent';
import t from 'tap';
import { commandOutput } from '../helpers/cli-in-process.js';
import { DEFAULT_FIXTURES } from '../../src/package-root.js';
import { FLOW_DEVELOPER, FLOW_ROLE, withEmulator } from '../helpers/emulator.js';

const dir = mkdtempSync(join(tmpdir(), 'bfe-lint-ops-'));
const file = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};

/** The command in-process (spawning the bundled CLI costs seconds): its stdout lines and exit status. */
async function lint(argv: string[]): Promise<{ lines: string[]; status: number }> {
  const { status, stdout } = await commandOutput('lint-policy', argv);
  return { lines: stdout.trimEnd().split('\n'), status };
}

const seed = JSON.parse(readFileSync(DEFAULT_FIXTURES, 'utf8'));
const developer = seed.identities.find((i: { arn: string }) => i.arn.endsWith('user/flow-developer'));

t.test("the seed's FlowPermissions policy: flows yes, PrepareFlow and DeleteFlowVersion no", async (t) => {
  const path = file('flow-permissions.json', developer.policies[0]);
  const { lines, status } = await lint(['--operations', path]);
  t.equal(status, 0);
  const of = (operation: string) => lines.find((l) => l.startsWith(`${path}: ${operation} (`));
  t.equal(of('CreateFlow'), `${path}: CreateFlow (bedrock:CreateFlow): allowed on * (FlowPermissions)`);
  t.equal(of('PrepareFlow'), `${path}: PrepareFlow (bedrock:PrepareFlow): not allowed`);
  t.equal(of('DeleteFlowVersion'), `${path}: DeleteFlowVersion (bedrock:DeleteFlowVersion): not allowed`);
  t.ok(lines.includes(`${path}: CreateFlow also needs iam:PassRole: not allowed`));
  t.equal(lines.filter((l) => / \(bedrock:[A-Za-z]+\): /.test(l)).length, 50, 'one line for each of the 50 served operations');
  t.equal(lines.at(-1), `${path}: 18 of 50 operations allowed (some only under conditions)`);

  // The emulator decides the same for the identity holding it.
  const { agent } = await withEmulator(t);
  const dev = agent(FLOW_DEVELOPER);
  const flow = await dev.send(new CreateFlowCommand({ name: 'linted', executionRoleArn: FLOW_ROLE }));
  t.ok(await dev.send(new GetFlowCommand({ flowIdentifier: flow.id })));
  await t.rejects(dev.send(new PrepareFlowCommand({ flowIdentifier: flow.id })), { name: 'AccessDeniedException' });
});

t.test('resources, conditions, explicit denies, and actions that only "*" grants', async (t) => {
  const flow = 'arn:aws:bedrock:us-east-1:123456789012:flow/FLOW000001';
  const path = file('scoped.json', {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'OneFlow', Effect: 'Allow', Action: ['bedrock:GetFlow', 'bedrock:ListFlows'], Resource: flow },
      { Sid: 'AnyFlow', Effect: 'Allow', Action: 'bedrock:ListFlows', Resource: 'arn:aws:bedrock:*:*:flow/*' },
      {
        Sid: 'Tagged',
        Effect: 'Allow',
        Action: 'bedrock:DeleteFlow',
        Resource: '*',
        Condition: { StringEquals: { 'aws:ResourceTag/team': 'ml' } },
      },
      {
        Sid: 'Pass',
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: FLOW_ROLE,
        Condition: { StringEquals: { 'iam:PassedToService': 'bedrock.amazonaws.com' } },
      },
      { Sid: 'NoPrompts', Effect: 'Deny', Action: 'bedrock:*Prompt*', Resource: '*' },
    ],
  });
  const { lines } = await lint(['--operations', path]);
  const of = (operation: string) => lines.find((l) => l.startsWith(`${path}: ${operation} (`));
  t.equal(of('GetFlow'), `${path}: GetFlow (bedrock:GetFlow): allowed on ${flow} (OneFlow)`);
  t.equal(of('ListFlows'), `${path}: ListFlows (bedrock:ListFlows): not allowed`, 'ListFlows has no resource type: only "*" grants it');
  t.equal(
    of('DeleteFlow'),
    `${path}: DeleteFlow (bedrock:DeleteFlow): allowed under conditions on * when StringEquals aws:ResourceTag/team = ml (Tagged)`,
  );
  t.equal(
    lines.find((l) => l.startsWith(`${path}: UpdateFlow also needs`)),
    `${path}: UpdateFlow also needs iam:PassRole: allowed under conditions on ${FLOW_ROLE} when StringEquals iam:PassedToService = bedrock.amazonaws.com (Pass)`,
  );
  t.equal(of('GetPrompt'), `${path}: GetPrompt (bedrock:GetPrompt): denied; explicitly denied on * (NoPrompts)`);
});

t.test('a malformed policy gets no operations report', async (t) => {
  const path = file('bad.json', { Version: '2012-10-17', Statement: [{ Effect: 'allow', Action: '*', Resource: '*' }] });
  const { lines, status } = await lint(['--operations', path]);
  t.equal(status, 1);
  t.notOk(lines.some((l) => l.includes('(bedrock:')));
});
