/** `role-policy` offline (src/cli/role-policy.ts; src/cli.ts only dispatches to it), and the library's flowRolePolicy: the same policies the admin endpoint serves. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { flowRolePolicy } from '../../src/index.js';
import { DEFAULT_FIXTURES } from '../../src/package-root.js';
import { runCommand } from '../helpers/cli-in-process.js';
import { FLOW_ROLE, PLAYLIST_DEFINITION } from '../helpers/emulator.js';

const dir = mkdtempSync(join(tmpdir(), 'bfe-role-policy-'));

const file = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};

/** A Prompt node running the bundled world's prompt version 1: its model is known only with the fixtures. */
const managed = {
  nodes: [
    { type: 'Input', name: 'FlowInput', outputs: [{ name: 'document', type: 'Object' }] },
    {
      type: 'Prompt',
      name: 'Managed',
      configuration: {
        prompt: { sourceConfiguration: { resource: { promptArn: 'arn:aws:bedrock:us-east-1:123456789012:prompt/PROMPT0001:1' } } },
      },
      inputs: [{ name: 'genre', type: 'String', expression: '$.data' }],
      outputs: [{ name: 'modelCompletion', type: 'String' }],
    },
  ],
  connections: [],
};

t.test('role-policy prints the policy and trust policy of a definition or a CreateFlow body', async (t) => {
  const body = file('body.json', { name: 'p', executionRoleArn: FLOW_ROLE, definition: PLAYLIST_DEFINITION });
  const out = JSON.parse((await runCommand(['role-policy', body, '--flow-id', 'FLOW000001'])).stdout);
  t.same(out.policy.Statement, [
    {
      Sid: 'BedrockInvokeModel',
      Effect: 'Allow',
      Action: 'bedrock:InvokeModel',
      Resource: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0',
    },
  ]);
  t.match(out.trustPolicy.Statement[0], {
    Principal: { Service: 'bedrock.amazonaws.com' },
    Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:bedrock:us-east-1:123456789012:flow/FLOW000001' } },
  });

  const withWorld = JSON.parse((await runCommand(['role-policy', file('managed.json', managed), '--fixtures', DEFAULT_FIXTURES])).stdout);
  t.same(
    withWorld.policy.Statement.map((s: { Action: string; Resource: string }) => [s.Action, s.Resource]),
    [
      ['bedrock:InvokeModel', 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0'],
      ['bedrock:RenderPrompt', 'arn:aws:bedrock:us-east-1:123456789012:prompt/PROMPT0001:1'],
    ],
  );
  t.match(withWorld.trustPolicy.Statement[0].Condition.ArnLike['aws:SourceArn'], /:flow\/\*$/);

  await t.rejects(runCommand(['role-policy']), { name: 'Error', message: /role-policy takes exactly one flow file/ });
  await t.rejects(runCommand(['role-policy', file('list.json', [])]), { message: /must hold a JSON object/ });
  await t.rejects(runCommand(['role-policy', body, '--fixtures', file('bad-fixture.json', { roles: 3 })]), { message: /invalid fixture/ });
});

t.test('the library computes the same without a server', async (t) => {
  const { policy } = await flowRolePolicy(managed, { fixtures: [DEFAULT_FIXTURES] });
  t.equal(policy.Statement.length, 2);
  const bare = await flowRolePolicy(managed);
  t.same(
    bare.policy.Statement.map((s) => s.Action),
    ['bedrock:RenderPrompt'],
    'without the world the prompt has no known model',
  );
});
