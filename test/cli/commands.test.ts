/**
 * The offline commands: `validate` (like PrepareFlow, without a server) and `lint-policy`. Most cases run the command
 * in-process (test/helpers/cli-in-process.ts); a failing run of each command, a usage error, --version and the
 * ordinary mistakes spawn the bundled CLI, so the entry point's statuses and messages are the real ones.
 */
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { runCli } from '../helpers/cli-bundle.js';
import { runCommand } from '../helpers/cli-in-process.js';
import { FLOW_ROLE, PLAYLIST_DEFINITION } from '../helpers/emulator.js';

const dir = mkdtempSync(join(tmpdir(), 'bfe-cli-'));
const file = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};
const DEFAULT_FIXTURES = join(import.meta.dirname, '../../fixtures/default.json');

t.test('validate prints validations like a linter and exits 1 on errors', async (t) => {
  const good = file('good.json', PLAYLIST_DEFINITION);
  const ok = await runCommand(['validate', good]);
  t.match(ok.stdout, /^0 error\(s\), 0 warning\(s\)$/m);
  t.match(
    ok.stdout,
    /^references \(prompts, .*\) and the execution role were not checked: add --fixtures FILE/m,
    'says what it did not check',
  );

  const noOutput = {
    ...PLAYLIST_DEFINITION,
    nodes: PLAYLIST_DEFINITION.nodes.slice(0, 2),
    connections: PLAYLIST_DEFINITION.connections.slice(0, 2),
  };
  const bad = file('bad.json', { name: 'f', executionRoleArn: FLOW_ROLE, definition: noOutput });
  await t.rejects(runCli(['validate', bad]), {
    code: 1,
    stdout: /bad\.json: Error MissingEndingNodes: /,
  });
});

t.test('validate --fixtures checks references and the role against that world', async (t) => {
  const kbNode = {
    nodes: [
      { type: 'Input', name: 'In', outputs: [{ name: 'document', type: 'String' }] },
      {
        type: 'KnowledgeBase',
        name: 'Docs',
        configuration: { knowledgeBase: { knowledgeBaseId: 'NOSUCHKB01' } },
        inputs: [{ name: 'retrievalQuery', type: 'String', expression: '$.data' }],
        outputs: [{ name: 'retrievalResults', type: 'Array' }],
      },
      { type: 'Output', name: 'Out', inputs: [{ name: 'document', type: 'Array', expression: '$.data' }] },
    ],
    connections: [
      {
        name: 'InDocs',
        type: 'Data',
        source: 'In',
        target: 'Docs',
        configuration: { data: { sourceOutput: 'document', targetInput: 'retrievalQuery' } },
      },
      {
        name: 'DocsOut',
        type: 'Data',
        source: 'Docs',
        target: 'Out',
        configuration: { data: { sourceOutput: 'retrievalResults', targetInput: 'document' } },
      },
    ],
  };
  const flow = file('kb.json', { name: 'kb', executionRoleArn: 'arn:aws:iam::123456789012:role/NoSuchRole', definition: kbNode });
  const offline = await runCommand(['validate', flow]);
  t.match(offline.stdout, /0 error\(s\)/);
  const checked = runCommand(['validate', flow, '--fixtures', DEFAULT_FIXTURES]);
  await t.rejects(checked, { code: 1, stdout: /knowledge base NOSUCHKB01, which does not exist[\s\S]*role\/NoSuchRole does not exist/ });
});

t.test('validate --fixtures without an executionRoleArn skips the role check, and only it', async (t) => {
  const definition = JSON.parse(JSON.stringify(PLAYLIST_DEFINITION));
  // A warning whose message quotes user text that happens to read "execution role": it is not a role finding.
  definition.nodes.push({
    type: 'Condition',
    name: 'Route',
    inputs: [{ name: 'kind', type: 'String', expression: '$.data' }],
    configuration: {
      condition: {
        conditions: [
          { name: 'first', expression: 'kind == "execution role"' },
          { name: 'second', expression: 'kind == "execution role"' },
          { name: 'default' },
        ],
      },
    },
  });
  const flow = file('no-role.json', definition);
  // The unconnected node also makes errors (exit 1): what matters is what is printed.
  const { stdout } = await runCommand(['validate', flow, '--fixtures', DEFAULT_FIXTURES]).catch((err: { stdout: string }) => err);
  t.match(stdout, /Warning DuplicateConditionExpression: .*"execution role"/);
  t.notMatch(stdout, /Unspecified/, 'no role, no role finding');
});

t.test('lint-policy reports IAM syntax errors and unknown actions with the nearest real one', async (t) => {
  // The prerequisites page's FlowPermissions policy as users copy it: both of its problems in one run.
  const seed = join(import.meta.dirname, '../iam/policies/flow-permissions-seed.json');
  const malformed = await runCli(['lint-policy', seed]).then(
    () => undefined,
    (err: { code: number; stdout: string }) => err,
  );
  t.equal(malformed?.code, 1, 'malformed: exit 1');
  t.same(malformed?.stdout.split('\n'), [
    `${seed}: MalformedPolicyDocument: Syntax errors in policy.`,
    `${seed}:26:46: trailing comma after the last element of Action`,
    `${seed}: warning (statement FlowPermissions) unknown-action: bedrock defines no action "bedrock:DeleteFlowVersions" (did you mean "bedrock:DeleteFlowVersion"?); as written it matches nothing`,
    `${seed}: malformed, 1 warning(s)`,
    '',
  ]);
  const plural = file('plural.json', {
    Version: '2012-10-17',
    Statement: [{ Sid: 'FlowPermissions', Effect: 'Allow', Action: ['bedrock:DeleteFlowVersions'], Resource: '*' }],
  });
  const linted = await runCommand(['lint-policy', plural]);
  t.match(linted.stdout, /warning \(statement FlowPermissions\).*bedrock:DeleteFlowVersions.*bedrock:DeleteFlowVersion/);
  await t.rejects(runCli(['lint-policy']), { code: 2 });
});

t.test('--version prints the package version and exits 0', async (t) => {
  const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
  const { stdout } = await runCli(['--version']);
  t.equal(stdout, `${version}\n`);
});

t.test('ordinary mistakes end with one line and the documented status, never a stack', async (t) => {
  const bad = file('bad-fixture.json', '{"models": [}');
  const flow = file('flow.json', PLAYLIST_DEFINITION);
  await t.rejects(runCli(['validate', flow, '--fixtures', bad]), {
    code: 2,
    stderr: /^bedrock-flows-emulator: invalid fixture: .*bad-fixture\.json: \$: invalid JSON[\s\S]*Try --help\.\n$/,
  });

  const holder = createServer().listen(0, '127.0.0.1');
  await once(holder, 'listening');
  const { port } = holder.address() as AddressInfo;
  try {
    const refused = await runCli(['--port', String(port), '--log-level', 'error']).then(
      () => undefined,
      (err: { code: number; stderr: string }) => err,
    );
    t.equal(refused?.code, 1, 'exit 1');
    t.equal(
      refused?.stderr,
      `bedrock-flows-emulator: 127.0.0.1:${port} is already in use (EADDRINUSE): stop what holds it, or pick another port with --port (0 = any free one)\n`,
    );
  } finally {
    holder.close();
  }
});
