/** Prompt management through the real @aws-sdk/client-bedrock-agent. */
import {
  CreatePromptCommand,
  CreatePromptVersionCommand,
  DeletePromptCommand,
  GetPromptCommand,
  ListPromptsCommand,
  ListTagsForResourceCommand,
  UpdatePromptCommand,
  type PromptVariant,
} from '@aws-sdk/client-bedrock-agent';
import t from 'tap';
import { withEmulator } from '../helpers/emulator.js';

const variant = (text: string): PromptVariant => ({
  name: 'v1',
  templateType: 'TEXT',
  modelId: 'amazon.nova-lite-v1:0',
  templateConfiguration: { text: { text, inputVariables: [{ name: 'topic' }] } },
  inferenceConfiguration: { text: { temperature: 0.9, topP: 0.5 } },
});

t.test('prompt lifecycle: create, version, update, list, get by version, delete', async (t) => {
  const { agent } = await withEmulator(t);
  const client = agent();
  const created = await client.send(
    new CreatePromptCommand({ name: 'greet', defaultVariant: 'v1', variants: [variant('Hi {{topic}}')], tags: { a: '1' } }),
  );
  t.equal(created.$metadata.httpStatusCode, 201);
  t.equal(created.version, 'DRAFT');
  t.equal(created.arn, `arn:aws:bedrock:us-east-1:123456789012:prompt/${created.id}`);
  t.equal(created.variants?.[0]?.inferenceConfiguration?.text?.temperature, Math.fround(0.9));
  t.same((await client.send(new ListTagsForResourceCommand({ resourceArn: created.arn! }))).tags, { a: '1' });

  const v1 = await client.send(new CreatePromptVersionCommand({ promptIdentifier: created.id, description: 'first' }));
  t.equal(v1.$metadata.httpStatusCode, 201);
  t.equal(v1.version, '1');
  t.equal(v1.arn, `${created.arn}:1`);

  const updated = await client.send(
    new UpdatePromptCommand({ promptIdentifier: created.id, name: 'greet', variants: [variant('Hello {{topic}}')] }),
  );
  t.equal(updated.variants?.[0]?.templateConfiguration?.text?.text, 'Hello {{topic}}');

  const draft = await client.send(new GetPromptCommand({ promptIdentifier: created.arn }));
  t.equal(draft.variants?.[0]?.templateConfiguration?.text?.text, 'Hello {{topic}}');
  const first = await client.send(new GetPromptCommand({ promptIdentifier: created.id, promptVersion: '1' }));
  t.equal(first.variants?.[0]?.templateConfiguration?.text?.text, 'Hi {{topic}}');
  const byVersionArn = await client.send(new GetPromptCommand({ promptIdentifier: v1.arn }));
  t.equal(byVersionArn.version, '1');

  const all = await client.send(new ListPromptsCommand({}));
  t.ok(all.promptSummaries?.some((p) => p.id === created.id && p.version === 'DRAFT'));
  const versions = await client.send(new ListPromptsCommand({ promptIdentifier: created.id }));
  t.same(
    versions.promptSummaries?.map((p) => p.version),
    ['DRAFT', '1'],
  );

  const deletedVersion = await client.send(new DeletePromptCommand({ promptIdentifier: created.id, promptVersion: '1' }));
  t.same({ id: deletedVersion.id, version: deletedVersion.version }, { id: created.id, version: '1' });
  await t.rejects(client.send(new GetPromptCommand({ promptIdentifier: created.id, promptVersion: '1' })), {
    name: 'ResourceNotFoundException',
  });
  await client.send(new DeletePromptCommand({ promptIdentifier: created.id }));
  await t.rejects(client.send(new GetPromptCommand({ promptIdentifier: created.id })), { name: 'ResourceNotFoundException' });
});

t.test('prompt input validation and idempotency', async (t) => {
  const { agent } = await withEmulator(t);
  const client = agent();
  await t.rejects(client.send(new CreatePromptCommand({ name: 'p', variants: [variant('a'), { ...variant('b'), name: 'v2' }] })), {
    name: 'ValidationException',
    message: /at 'variants' failed to satisfy constraint: Member must have length less than or equal to 1/,
  });
  const token = 'b'.repeat(36);
  const a = await client.send(new CreatePromptCommand({ name: 'same', clientToken: token }));
  const b = await client.send(new CreatePromptCommand({ name: 'same', clientToken: token }));
  t.equal(a.id, b.id);
});

t.test('the default fixtures hold a prompt with one version', async (t) => {
  const { agent } = await withEmulator(t);
  const listed = await agent().send(new ListPromptsCommand({ promptIdentifier: 'PROMPT0001' }));
  t.same(
    listed.promptSummaries?.map((p) => p.version),
    ['DRAFT', '1'],
  );
});
