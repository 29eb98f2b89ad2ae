/** Knowledge bases through the real @aws-sdk/client-bedrock-agent: lifecycle, statuses, errors, tags, fixtures. */
import {
  CreateKnowledgeBaseCommand,
  DeleteKnowledgeBaseCommand,
  GetKnowledgeBaseCommand,
  ListKnowledgeBasesCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateKnowledgeBaseCommand,
  type KnowledgeBaseConfiguration,
} from '@aws-sdk/client-bedrock-agent';
import t from 'tap';
import { ADMIN_ONLY, BEDROCK_FULL, withEmulator } from '../helpers/emulator.js';

const KB_ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonBedrockExecutionRoleForKnowledgeBase_test';
const config: KnowledgeBaseConfiguration = {
  type: 'VECTOR',
  vectorKnowledgeBaseConfiguration: {
    embeddingModelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0',
  },
};
const kbRequest = (name: string) => ({ name, roleArn: KB_ROLE, knowledgeBaseConfiguration: config });

t.test('knowledge base lifecycle: CREATING → ACTIVE, UPDATING → ACTIVE, DELETING → gone', async (t) => {
  const { agent } = await withEmulator(t, { seed: 3 });
  const client = agent();

  const created = await client.send(new CreateKnowledgeBaseCommand({ ...kbRequest('docs'), description: 'd', tags: { team: 'ml' } }));
  t.equal(created.$metadata.httpStatusCode, 202);
  const kb = created.knowledgeBase!;
  t.match(kb.knowledgeBaseId, /^[A-Z0-9]{10}$/);
  t.equal(kb.knowledgeBaseArn, `arn:aws:bedrock:us-east-1:123456789012:knowledge-base/${kb.knowledgeBaseId}`);
  t.equal(kb.status, 'CREATING');
  t.same(kb.knowledgeBaseConfiguration, config);
  t.type(kb.createdAt, Date);
  t.type(kb.updatedAt, Date);
  t.equal(kb.failureReasons, undefined);

  const got = await client.send(new GetKnowledgeBaseCommand({ knowledgeBaseId: kb.knowledgeBaseId }));
  t.equal(got.$metadata.httpStatusCode, 200);
  t.equal(got.knowledgeBase?.status, 'ACTIVE');
  t.equal(got.knowledgeBase?.description, 'd');
  t.equal(got.knowledgeBase?.roleArn, KB_ROLE);

  const updated = await client.send(new UpdateKnowledgeBaseCommand({ knowledgeBaseId: kb.knowledgeBaseId, ...kbRequest('docs2') }));
  t.equal(updated.$metadata.httpStatusCode, 202);
  t.equal(updated.knowledgeBase?.status, 'UPDATING');
  t.equal(updated.knowledgeBase?.name, 'docs2');
  // A full replacement: the description not sent is gone.
  t.equal(updated.knowledgeBase?.description, undefined);
  const listed = await client.send(new ListKnowledgeBasesCommand({}));
  t.same(
    listed.knowledgeBaseSummaries?.map((s) => [s.knowledgeBaseId, s.name, s.status]),
    [
      ['KB00000001', 'support-docs', 'ACTIVE'],
      [kb.knowledgeBaseId, 'docs2', 'ACTIVE'],
    ],
  );

  const deleted = await client.send(new DeleteKnowledgeBaseCommand({ knowledgeBaseId: kb.knowledgeBaseId }));
  t.equal(deleted.$metadata.httpStatusCode, 202);
  t.same({ id: deleted.knowledgeBaseId, status: deleted.status }, { id: kb.knowledgeBaseId, status: 'DELETING' });
  await t.rejects(client.send(new GetKnowledgeBaseCommand({ knowledgeBaseId: kb.knowledgeBaseId })), {
    name: 'ResourceNotFoundException',
    $metadata: { httpStatusCode: 404 },
  });
  await t.rejects(client.send(new DeleteKnowledgeBaseCommand({ knowledgeBaseId: kb.knowledgeBaseId })), {
    name: 'ResourceNotFoundException',
  });
  await t.rejects(client.send(new ListTagsForResourceCommand({ resourceArn: kb.knowledgeBaseArn })), {
    name: 'ResourceNotFoundException',
  });
});

t.test('statuses stay in progress until the asynchronous-work delay has passed', async (t) => {
  const { agent } = await withEmulator(t, { prepareDelayMs: 60_000 });
  const client = agent();
  const kb = (await client.send(new CreateKnowledgeBaseCommand(kbRequest('slow')))).knowledgeBase!;
  const got = await client.send(new GetKnowledgeBaseCommand({ knowledgeBaseId: kb.knowledgeBaseId }));
  t.equal(got.knowledgeBase?.status, 'CREATING');
  const listed = await client.send(new ListKnowledgeBasesCommand({}));
  t.equal(listed.knowledgeBaseSummaries?.find((s) => s.knowledgeBaseId === kb.knowledgeBaseId)?.status, 'CREATING');
});

t.test('UpdateKnowledgeBase refuses a changed configuration', async (t) => {
  const { agent } = await withEmulator(t);
  const client = agent();
  const kb = (await client.send(new CreateKnowledgeBaseCommand(kbRequest('fixed')))).knowledgeBase!;
  await t.rejects(
    client.send(
      new UpdateKnowledgeBaseCommand({
        knowledgeBaseId: kb.knowledgeBaseId,
        ...kbRequest('fixed'),
        knowledgeBaseConfiguration: {
          type: 'KENDRA',
          kendraKnowledgeBaseConfiguration: {
            kendraIndexArn: 'arn:aws:kendra:us-east-1:123456789012:index/0123456789abcdef0123456789abcdef0123',
          },
        },
      }),
    ),
    { name: 'ValidationException', message: /knowledgeBaseConfiguration/, $metadata: { httpStatusCode: 400 } },
  );
  await t.rejects(
    client.send(
      new UpdateKnowledgeBaseCommand({
        knowledgeBaseId: kb.knowledgeBaseId,
        ...kbRequest('fixed'),
        storageConfiguration: { type: 'S3_VECTORS', s3VectorsConfiguration: { indexName: 'idx' } },
      }),
    ),
    { name: 'ValidationException', message: /storageConfiguration/ },
  );
  await t.rejects(client.send(new UpdateKnowledgeBaseCommand({ knowledgeBaseId: 'NOSUCHKB01', ...kbRequest('x') })), {
    name: 'ResourceNotFoundException',
  });
});

t.test('input validation, pagination and idempotency', async (t) => {
  const { agent } = await withEmulator(t, { fixtures: [ADMIN_ONLY] });
  const client = agent();
  await t.rejects(client.send(new CreateKnowledgeBaseCommand({ ...kbRequest('ok'), roleArn: 'not-a-role' })), {
    name: 'ValidationException',
    message: /^1 validation error detected: Value 'not-a-role' at 'roleArn' failed to satisfy constraint/,
  });
  await t.rejects(client.send(new GetKnowledgeBaseCommand({ knowledgeBaseId: 'short' })), { name: 'ValidationException' });

  const token = 'k'.repeat(40);
  const first = await client.send(new CreateKnowledgeBaseCommand({ ...kbRequest('kb0'), clientToken: token }));
  const again = await client.send(new CreateKnowledgeBaseCommand({ ...kbRequest('kb0'), clientToken: token }));
  t.equal(again.$metadata.httpStatusCode, 202);
  t.equal(again.knowledgeBase?.knowledgeBaseId, first.knowledgeBase?.knowledgeBaseId);
  // The original response, CREATING included.
  t.equal(again.knowledgeBase?.status, 'CREATING');
  await t.rejects(client.send(new CreateKnowledgeBaseCommand({ ...kbRequest('other'), clientToken: token })), {
    name: 'ConflictException',
  });

  for (let i = 1; i < 5; i++) await client.send(new CreateKnowledgeBaseCommand(kbRequest(`kb${i}`)));
  const seen: string[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await client.send(new ListKnowledgeBasesCommand({ maxResults: 2, nextToken }));
    seen.push(...(page.knowledgeBaseSummaries ?? []).map((s) => s.name!));
    nextToken = page.nextToken;
    pages++;
  } while (nextToken);
  t.equal(pages, 3);
  t.same(seen, ['kb0', 'kb1', 'kb2', 'kb3', 'kb4']);
  await t.rejects(client.send(new ListKnowledgeBasesCommand({ nextToken: 'bogus' })), { name: 'ValidationException' });
});

t.test('the knowledge-bases-per-account quota', async (t) => {
  const { agent } = await withEmulator(t, { fixtures: [ADMIN_ONLY], quotas: { knowledgeBasesPerAccount: 2 } });
  const client = agent();
  await client.send(new CreateKnowledgeBaseCommand(kbRequest('a')));
  await client.send(new CreateKnowledgeBaseCommand(kbRequest('b')));
  await t.rejects(client.send(new CreateKnowledgeBaseCommand(kbRequest('c'))), {
    name: 'ServiceQuotaExceededException',
    message: /quota knowledge-bases-per-account\. The maximum number of resources is 2, but account \*\*\* requested 3/,
    $metadata: { httpStatusCode: 402 },
  });
});

t.test('tags on knowledge-base ARNs', async (t) => {
  const { agent } = await withEmulator(t);
  const client = agent();
  const kb = (await client.send(new CreateKnowledgeBaseCommand({ ...kbRequest('tagged'), tags: { team: 'ml' } }))).knowledgeBase!;
  const arn = kb.knowledgeBaseArn!;
  t.same((await client.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags, { team: 'ml' });
  await client.send(new TagResourceCommand({ resourceArn: arn, tags: { env: 'dev' } }));
  await client.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['team'] }));
  t.same((await client.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags, { env: 'dev' });
  await t.rejects(
    client.send(new ListTagsForResourceCommand({ resourceArn: 'arn:aws:bedrock:us-east-1:123456789012:knowledge-base/NOSUCHKB01' })),
    { name: 'ResourceNotFoundException' },
  );
});

t.test('each operation is authorized with its IAM action on its resource, the role passed as iam:PassRole', async (t) => {
  const { agent, emu } = await withEmulator(t);
  const client = agent();
  emu.emulator.decisions.clear();
  const id = (await client.send(new CreateKnowledgeBaseCommand({ ...kbRequest('authz'), tags: { a: 'b' } }))).knowledgeBase!
    .knowledgeBaseId!;
  await client.send(new GetKnowledgeBaseCommand({ knowledgeBaseId: id }));
  await client.send(new UpdateKnowledgeBaseCommand({ knowledgeBaseId: id, ...kbRequest('authz') }));
  await client.send(new ListKnowledgeBasesCommand({}));
  await client.send(new DeleteKnowledgeBaseCommand({ knowledgeBaseId: id }));
  const arn = `arn:aws:bedrock:us-east-1:123456789012:knowledge-base/${id}`;
  t.same(
    emu.emulator.decisions.list().map((d) => [d.action, d.resource]),
    [
      ['bedrock:CreateKnowledgeBase', '*'],
      ['iam:PassRole', KB_ROLE],
      ['bedrock:GetKnowledgeBase', arn],
      ['bedrock:UpdateKnowledgeBase', arn],
      ['iam:PassRole', KB_ROLE],
      ['bedrock:ListKnowledgeBases', '*'],
      ['bedrock:DeleteKnowledgeBase', arn],
    ],
  );
});

t.test('the role a knowledge base is given is checked as iam:PassRole', async (t) => {
  const { agent } = await withEmulator(t);
  // AmazonBedrockFullAccess only passes roles whose name contains AmazonBedrock, to bedrock.amazonaws.com.
  const client = agent(BEDROCK_FULL);
  const denied = { name: 'AccessDeniedException', message: /iam:PassRole on resource: arn:aws:iam::123456789012:role\/KbRole/ };
  const other = { roleArn: 'arn:aws:iam::123456789012:role/KbRole' };
  await t.rejects(client.send(new CreateKnowledgeBaseCommand({ ...kbRequest('x'), ...other })), denied);
  const kb = (await client.send(new CreateKnowledgeBaseCommand(kbRequest('x')))).knowledgeBase!;
  await t.rejects(
    client.send(new UpdateKnowledgeBaseCommand({ knowledgeBaseId: kb.knowledgeBaseId, ...kbRequest('x'), ...other })),
    denied,
  );
});

t.test('the default fixtures knowledge base is visible through the API', async (t) => {
  const { agent } = await withEmulator(t);
  const kb = (await agent().send(new GetKnowledgeBaseCommand({ knowledgeBaseId: 'KB00000001' }))).knowledgeBase!;
  t.equal(kb.name, 'support-docs');
  t.equal(kb.status, 'ACTIVE');
  t.equal(kb.knowledgeBaseArn, 'arn:aws:bedrock:us-east-1:123456789012:knowledge-base/KB00000001');
  t.equal(kb.roleArn, 'arn:aws:iam::123456789012:role/service-role/AmazonBedrockExecutionRoleForFlows_DEFAULT001');
  t.equal(kb.knowledgeBaseConfiguration?.type, 'VECTOR');
});

t.test('fixture knowledge bases: ids as given, documents kept, deleted with the knowledge base, exported', async (t) => {
  const { agent, emu } = await withEmulator(t, {
    fixtures: [
      {
        ...ADMIN_ONLY,
        knowledgeBases: [
          { knowledgeBaseId: 'KBFIXTURE1', name: 'fx', tags: { a: 'b' }, documents: [{ text: 'hello', uri: 's3://b/k' }] },
          { knowledgeBaseId: 'KBFIXTURE2', name: 'west', region: 'us-west-2' },
        ],
      },
    ],
  });
  const client = agent();
  const kb = (await client.send(new GetKnowledgeBaseCommand({ knowledgeBaseId: 'KBFIXTURE1' }))).knowledgeBase!;
  t.equal(kb.status, 'ACTIVE');
  t.equal(kb.roleArn, 'arn:aws:iam::123456789012:role/service-role/AmazonBedrockExecutionRoleForKnowledgeBase_KBFIXTURE1');
  t.same((await client.send(new ListTagsForResourceCommand({ resourceArn: kb.knowledgeBaseArn }))).tags, { a: 'b' });
  await t.rejects(client.send(new GetKnowledgeBaseCommand({ knowledgeBaseId: 'KBFIXTURE2' })), {
    name: 'ResourceNotFoundException',
  });
  const west = await agent(undefined, 'us-west-2').send(new GetKnowledgeBaseCommand({ knowledgeBaseId: 'KBFIXTURE2' }));
  t.equal(west.knowledgeBase?.name, 'west');

  const documents = emu.emulator.universe.knowledgeBaseDocuments;
  t.same(documents.get('123456789012/us-east-1/KBFIXTURE1'), [{ text: 'hello', uri: 's3://b/k' }]);
  const state = emu.state();
  t.same(
    state.knowledgeBases?.find((k) => k.knowledgeBaseId === 'KBFIXTURE1'),
    {
      knowledgeBaseId: 'KBFIXTURE1',
      name: 'fx',
      roleArn: kb.roleArn,
      tags: { a: 'b' },
      documents: [{ text: 'hello', uri: 's3://b/k' }],
      account: '123456789012',
      region: 'us-east-1',
    },
  );
  await client.send(new DeleteKnowledgeBaseCommand({ knowledgeBaseId: 'KBFIXTURE1' }));
  t.equal(emu.emulator.universe.knowledgeBaseDocuments.has('123456789012/us-east-1/KBFIXTURE1'), false);
});

t.test('bad fixture knowledge bases are refused with their JSON path', async (t) => {
  const { emu } = await withEmulator(t, { fixtures: [ADMIN_ONLY] });
  t.throws(
    () =>
      emu.load({
        knowledgeBases: [
          { knowledgeBaseId: 'KBDUPLIC01', name: 'a' },
          { knowledgeBaseId: 'KBDUPLIC01', name: 'b' },
        ],
      }),
    {
      name: 'FixtureError',
      path: '$.knowledgeBases[1].knowledgeBaseId',
    },
  );
  // Entries go through CreateKnowledgeBase's input validation.
  t.throws(() => emu.load({ knowledgeBases: [{ knowledgeBaseId: 'KBBADTAGS1', name: 'a', tags: { 'bad!': 'x' } }] }), {
    name: 'FixtureError',
    path: '$.knowledgeBases[0]',
    reason: /^ValidationException: 1 validation error detected: .* at 'tags'/,
  });
  t.same(emu.state().knowledgeBases, []);
});
