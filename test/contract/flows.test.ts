/** The flow control plane through the real @aws-sdk/client-bedrock-agent (HTTP/1.1, default handler). */
import {
  CreateFlowAliasCommand,
  CreateFlowCommand,
  CreateFlowVersionCommand,
  DeleteFlowAliasCommand,
  DeleteFlowCommand,
  DeleteFlowVersionCommand,
  GetFlowAliasCommand,
  GetFlowCommand,
  GetFlowVersionCommand,
  ListFlowAliasesCommand,
  ListFlowsCommand,
  ListFlowVersionsCommand,
  ListTagsForResourceCommand,
  PrepareFlowCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateFlowAliasCommand,
  UpdateFlowCommand,
  ValidateFlowDefinitionCommand,
  type FlowDefinition,
} from '@aws-sdk/client-bedrock-agent';
import t from 'tap';
import { ADMIN_ONLY, FLOW_ROLE, PLAYLIST_DEFINITION, withEmulator } from '../helpers/emulator.js';

const definition = PLAYLIST_DEFINITION as unknown as FlowDefinition;

t.test('flow lifecycle: create, get, update, prepare, version, alias, delete', async (t) => {
  const { agent } = await withEmulator(t, { seed: 7 });
  const client = agent();

  const created = await client.send(new CreateFlowCommand({ name: 'playlist', executionRoleArn: FLOW_ROLE, definition, description: 'd' }));
  t.equal(created.$metadata.httpStatusCode, 201);
  t.match(created.id, /^[A-Z0-9]{10}$/);
  t.equal(created.arn, `arn:aws:bedrock:us-east-1:123456789012:flow/${created.id}`);
  t.equal(created.status, 'NotPrepared');
  t.equal(created.version, 'DRAFT');
  t.type(created.createdAt, Date);
  // Bedrock stores temperature as float32.
  const prompt = created.definition?.nodes?.[1]?.configuration as {
    prompt: { sourceConfiguration: { inline: { inferenceConfiguration: { text: { temperature: number } } } } };
  };
  t.equal(prompt.prompt.sourceConfiguration.inline.inferenceConfiguration.text.temperature, Math.fround(0.8));

  const byArn = await client.send(new GetFlowCommand({ flowIdentifier: created.arn }));
  t.equal(byArn.id, created.id);
  const meta = await client.send(new GetFlowCommand({ flowIdentifier: created.id, includedData: 'METADATA_ONLY' }));
  t.equal(meta.definition, undefined);

  await t.rejects(client.send(new CreateFlowVersionCommand({ flowIdentifier: created.id })), {
    name: 'ConflictException',
    message: /currently in status NotPrepared/,
    $metadata: { httpStatusCode: 409 },
  });

  const prepared = await client.send(new PrepareFlowCommand({ flowIdentifier: created.id }));
  t.equal(prepared.$metadata.httpStatusCode, 202);
  t.equal(prepared.status, 'Preparing');
  t.equal((await client.send(new GetFlowCommand({ flowIdentifier: created.id }))).status, 'Prepared');

  const v1 = await client.send(new CreateFlowVersionCommand({ flowIdentifier: created.id, description: 'first' }));
  t.equal(v1.$metadata.httpStatusCode, 201);
  t.equal(v1.version, '1');
  t.equal(v1.arn, created.arn);
  t.equal(v1.description, 'first');
  const v2 = await client.send(new CreateFlowVersionCommand({ flowIdentifier: created.id }));
  t.equal(v2.version, '2');
  const got = await client.send(new GetFlowVersionCommand({ flowIdentifier: created.id, flowVersion: '1' }));
  t.same(
    got.definition?.nodes?.map((n) => n.name),
    ['FlowInput', 'MakePlaylist', 'FlowOutput'],
  );
  const versions = await client.send(new ListFlowVersionsCommand({ flowIdentifier: created.id }));
  t.same(
    versions.flowVersionSummaries?.map((v) => v.version),
    ['DRAFT', '1', '2'],
  );

  const updated = await client.send(
    new UpdateFlowCommand({ flowIdentifier: created.id, name: 'playlist2', executionRoleArn: FLOW_ROLE, definition }),
  );
  t.equal(updated.status, 'NotPrepared');
  t.equal(updated.name, 'playlist2');

  const aliases0 = await client.send(new ListFlowAliasesCommand({ flowIdentifier: created.id }));
  t.same(
    aliases0.flowAliasSummaries?.map((a) => a.id),
    ['TSTALIASID'],
  );
  const test = await client.send(new GetFlowAliasCommand({ flowIdentifier: created.id, aliasIdentifier: 'TSTALIASID' }));
  t.same(test.routingConfiguration, [{ flowVersion: 'DRAFT' }]);

  await t.rejects(
    client.send(new CreateFlowAliasCommand({ flowIdentifier: created.id, name: 'live', routingConfiguration: [{ flowVersion: '9' }] })),
    { name: 'ValidationException' },
  );
  const alias = await client.send(
    new CreateFlowAliasCommand({ flowIdentifier: created.id, name: 'live', routingConfiguration: [{ flowVersion: '1' }] }),
  );
  t.equal(alias.$metadata.httpStatusCode, 201);
  t.equal(alias.arn, `${created.arn}/alias/${alias.id}`);
  const byAliasArn = await client.send(new GetFlowAliasCommand({ flowIdentifier: created.id, aliasIdentifier: alias.arn }));
  t.equal(byAliasArn.name, 'live');
  const moved = await client.send(
    new UpdateFlowAliasCommand({
      flowIdentifier: created.id,
      aliasIdentifier: alias.id,
      name: 'live',
      routingConfiguration: [{ flowVersion: '2' }],
    }),
  );
  t.same(moved.routingConfiguration, [{ flowVersion: '2' }]);

  await t.rejects(client.send(new DeleteFlowVersionCommand({ flowIdentifier: created.id, flowVersion: '2' })), {
    name: 'ConflictException',
  });
  const deletedVersion = await client.send(new DeleteFlowVersionCommand({ flowIdentifier: created.id, flowVersion: '1' }));
  t.same({ id: deletedVersion.id, version: deletedVersion.version }, { id: created.id, version: '1' });
  await t.rejects(client.send(new GetFlowVersionCommand({ flowIdentifier: created.id, flowVersion: '1' })), {
    name: 'ResourceNotFoundException',
    $metadata: { httpStatusCode: 404 },
  });

  await t.rejects(client.send(new DeleteFlowAliasCommand({ flowIdentifier: created.id, aliasIdentifier: 'TSTALIASID' })), {
    name: 'ValidationException',
  });
  await t.rejects(client.send(new DeleteFlowCommand({ flowIdentifier: created.id })), {
    name: 'ConflictException',
    message: /active aliases/,
  });
  const deletedAlias = await client.send(new DeleteFlowAliasCommand({ flowIdentifier: created.id, aliasIdentifier: alias.id }));
  t.equal(deletedAlias.id, alias.id);
  const deleted = await client.send(new DeleteFlowCommand({ flowIdentifier: created.id }));
  t.equal(deleted.id, created.id);
  await t.rejects(client.send(new GetFlowCommand({ flowIdentifier: created.id })), {
    name: 'ResourceNotFoundException',
    message: "Failed to retrieve resource because it doesn't exist. Retry the request with a different resource identifier.",
  });
});

t.test('a failed preparation shows its validations on GetFlow', async (t) => {
  const { agent } = await withEmulator(t);
  const client = agent();
  const flow = await client.send(
    new CreateFlowCommand({ name: 'empty', executionRoleArn: FLOW_ROLE, definition: { nodes: [], connections: [] } }),
  );
  await client.send(new PrepareFlowCommand({ flowIdentifier: flow.id }));
  const got = await client.send(new GetFlowCommand({ flowIdentifier: flow.id }));
  t.equal(got.status, 'Failed');
  t.ok(got.validations?.some((v) => v.type === 'MissingStartingNodes' && v.severity === 'Error'));
  const checked = await client.send(new ValidateFlowDefinitionCommand({ definition }));
  t.same(
    checked.validations?.filter((v) => v.severity === 'Error'),
    [],
  );
});

t.test('PrepareFlow reports Preparing until its delay has passed, and refuses a second prepare meanwhile', async (t) => {
  const { agent } = await withEmulator(t, { prepareDelayMs: 60_000 });
  const client = agent();
  const flow = await client.send(new CreateFlowCommand({ name: 'slow', executionRoleArn: FLOW_ROLE, definition }));
  await client.send(new PrepareFlowCommand({ flowIdentifier: flow.id }));
  t.equal((await client.send(new GetFlowCommand({ flowIdentifier: flow.id }))).status, 'Preparing');
  await t.rejects(client.send(new PrepareFlowCommand({ flowIdentifier: flow.id })), { name: 'ConflictException' });
  // CreateFlowVersion right after PrepareFlow works, as it does on AWS.
  const v = await client.send(new CreateFlowVersionCommand({ flowIdentifier: flow.id }));
  t.equal(v.version, '1');
});

t.test('ListFlows paginates and clientToken makes creates idempotent', async (t) => {
  const { agent } = await withEmulator(t, { fixtures: [ADMIN_ONLY] });
  const client = agent();
  const token = 'a'.repeat(40);
  const first = await client.send(new CreateFlowCommand({ name: 'f0', executionRoleArn: FLOW_ROLE, clientToken: token }));
  const again = await client.send(new CreateFlowCommand({ name: 'f0', executionRoleArn: FLOW_ROLE, clientToken: token }));
  t.equal(again.id, first.id);
  await t.rejects(client.send(new CreateFlowCommand({ name: 'other', executionRoleArn: FLOW_ROLE, clientToken: token })), {
    name: 'ConflictException',
  });
  for (let i = 1; i < 5; i++) await client.send(new CreateFlowCommand({ name: `f${i}`, executionRoleArn: FLOW_ROLE }));
  const seen: string[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await client.send(new ListFlowsCommand({ maxResults: 2, nextToken }));
    seen.push(...(page.flowSummaries ?? []).map((f) => f.name!));
    nextToken = page.nextToken;
    pages++;
  } while (nextToken);
  t.equal(pages, 3);
  t.same(seen, ['f0', 'f1', 'f2', 'f3', 'f4']);
  await t.rejects(client.send(new ListFlowsCommand({ nextToken: 'bogus' })), { name: 'ValidationException' });
});

t.test('tags on flows and aliases', async (t) => {
  const { agent } = await withEmulator(t);
  const client = agent();
  const flow = await client.send(new CreateFlowCommand({ name: 'tagged', executionRoleArn: FLOW_ROLE, tags: { team: 'ml' } }));
  t.same((await client.send(new ListTagsForResourceCommand({ resourceArn: flow.arn }))).tags, { team: 'ml' });
  await client.send(new TagResourceCommand({ resourceArn: flow.arn, tags: { env: 'dev', team: 'ai' } }));
  t.same((await client.send(new ListTagsForResourceCommand({ resourceArn: flow.arn }))).tags, { team: 'ai', env: 'dev' });
  await client.send(new UntagResourceCommand({ resourceArn: flow.arn, tagKeys: ['team'] }));
  t.same((await client.send(new ListTagsForResourceCommand({ resourceArn: flow.arn }))).tags, { env: 'dev' });
  const testAlias = `${flow.arn}/alias/TSTALIASID`;
  await client.send(new TagResourceCommand({ resourceArn: testAlias, tags: { a: 'b' } }));
  t.same((await client.send(new ListTagsForResourceCommand({ resourceArn: testAlias }))).tags, { a: 'b' });
  await t.rejects(client.send(new ListTagsForResourceCommand({ resourceArn: 'arn:aws:bedrock:us-east-1:123456789012:flow/NOSUCHFLOW' })), {
    name: 'ResourceNotFoundException',
  });
});

t.test('input validation answers AWS wording', async (t) => {
  const { agent } = await withEmulator(t);
  const client = agent();
  await t.rejects(client.send(new CreateFlowCommand({ name: 'bad name!', executionRoleArn: FLOW_ROLE })), {
    name: 'ValidationException',
    message:
      /^1 validation error detected: Value 'bad name!' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: /,
    $metadata: { httpStatusCode: 400 },
  });
  await t.rejects(client.send(new CreateFlowCommand({ name: 'ok', executionRoleArn: 'not-an-arn' })), {
    name: 'ValidationException',
    message: /at 'executionRoleArn'/,
  });
  await t.rejects(client.send(new GetFlowCommand({ flowIdentifier: 'short' })), { name: 'ValidationException' });
});

t.test('flows live per account and region', async (t) => {
  const { agent } = await withEmulator(t);
  const east = agent();
  const west = agent(undefined, 'us-west-2');
  const flow = await east.send(new CreateFlowCommand({ name: 'east', executionRoleArn: FLOW_ROLE }));
  await t.rejects(west.send(new GetFlowCommand({ flowIdentifier: flow.id })), { name: 'ResourceNotFoundException' });
  const westFlows = await west.send(new ListFlowsCommand({}));
  t.same(westFlows.flowSummaries, []);
});
