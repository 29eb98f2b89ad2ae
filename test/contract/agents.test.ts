/** Agents, agent versions and agent aliases through the real @aws-sdk/client-bedrock-agent. */
import {
  CreateAgentAliasCommand,
  CreateAgentCommand,
  DeleteAgentAliasCommand,
  DeleteAgentCommand,
  GetAgentAliasCommand,
  GetAgentCommand,
  GetAgentVersionCommand,
  ListAgentAliasesCommand,
  ListAgentsCommand,
  ListAgentVersionsCommand,
  ListTagsForResourceCommand,
  PrepareAgentCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAgentAliasCommand,
  UpdateAgentCommand,
  type BedrockAgentClient,
} from '@aws-sdk/client-bedrock-agent';
import t from 'tap';
import { ADMIN_ONLY, BEDROCK_FULL, withEmulator } from '../helpers/emulator.js';

const ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonBedrockExecutionRoleForAgents_test';
const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const INSTRUCTION = 'You are a helpful agent that answers questions about orders.';
const agentRequest = (agentName: string) => ({
  agentName,
  agentResourceRoleArn: ROLE,
  foundationModel: MODEL,
  instruction: INSTRUCTION,
});

/** An agent, prepared and settled. */
async function preparedAgent(client: BedrockAgentClient, name: string): Promise<string> {
  const id = (await client.send(new CreateAgentCommand(agentRequest(name)))).agent!.agentId!;
  await client.send(new PrepareAgentCommand({ agentId: id }));
  return id;
}

t.test('agent lifecycle: CREATING → NOT_PREPARED, UPDATING → NOT_PREPARED, PREPARING → PREPARED', async (t) => {
  const { agent } = await withEmulator(t, { seed: 5 });
  const client = agent();

  const created = await client.send(new CreateAgentCommand({ ...agentRequest('orders'), description: 'd', clientToken: 'c'.repeat(40) }));
  t.equal(created.$metadata.httpStatusCode, 202);
  const a = created.agent!;
  t.match(a.agentId, /^[A-Z0-9]{10}$/);
  t.equal(a.agentArn, `arn:aws:bedrock:us-east-1:123456789012:agent/${a.agentId}`);
  t.equal(a.agentVersion, 'DRAFT');
  t.equal(a.agentStatus, 'CREATING');
  t.equal(a.idleSessionTTLInSeconds, 600);
  t.equal(a.agentResourceRoleArn, ROLE);
  t.equal(a.clientToken, 'c'.repeat(40));
  t.equal(a.orchestrationType, 'DEFAULT');
  t.equal(a.agentCollaboration, 'DISABLED');
  t.type(a.createdAt, Date);
  t.type(a.updatedAt, Date);
  t.equal(a.preparedAt, undefined);

  const got = (await client.send(new GetAgentCommand({ agentId: a.agentId }))).agent!;
  t.equal(got.agentStatus, 'NOT_PREPARED');
  t.equal(got.instruction, INSTRUCTION);

  const updated = await client.send(
    new UpdateAgentCommand({ agentId: a.agentId, ...agentRequest('orders2'), idleSessionTTLInSeconds: 120 }),
  );
  t.equal(updated.$metadata.httpStatusCode, 202);
  t.equal(updated.agent?.agentStatus, 'UPDATING');
  t.equal(updated.agent?.agentName, 'orders2');
  t.equal(updated.agent?.idleSessionTTLInSeconds, 120);
  // A full replacement: the description not sent is gone.
  t.equal(updated.agent?.description, undefined);
  t.equal((await client.send(new GetAgentCommand({ agentId: a.agentId }))).agent?.agentStatus, 'NOT_PREPARED');

  const prepared = await client.send(new PrepareAgentCommand({ agentId: a.agentId }));
  t.equal(prepared.$metadata.httpStatusCode, 202);
  t.equal(prepared.agentStatus, 'PREPARING');
  t.equal(prepared.agentVersion, 'DRAFT');
  t.type(prepared.preparedAt, Date);
  const ready = (await client.send(new GetAgentCommand({ agentId: a.agentId }))).agent!;
  t.equal(ready.agentStatus, 'PREPARED');
  t.same(ready.preparedAt, prepared.preparedAt);

  const listed = await client.send(new ListAgentsCommand({}));
  t.same(
    listed.agentSummaries?.map((s) => [s.agentId, s.agentName, s.agentStatus, s.latestAgentVersion]),
    [
      ['AGENT00001', 'helper', 'PREPARED', '1'],
      [a.agentId, 'orders2', 'PREPARED', 'DRAFT'],
    ],
  );

  const deleted = await client.send(new DeleteAgentCommand({ agentId: a.agentId }));
  t.equal(deleted.$metadata.httpStatusCode, 202);
  t.same({ id: deleted.agentId, status: deleted.agentStatus }, { id: a.agentId, status: 'DELETING' });
  await t.rejects(client.send(new GetAgentCommand({ agentId: a.agentId })), {
    name: 'ResourceNotFoundException',
    message: "Failed to retrieve resource because it doesn't exist. Retry the request with a different resource identifier.",
    $metadata: { httpStatusCode: 404 },
  });
});

t.test('aliases: versions snapshot the prepared draft, routing, history, TSTALIASID, deletion rules', async (t) => {
  const { agent } = await withEmulator(t, { seed: 9 });
  const client = agent();
  const agentId = (await client.send(new CreateAgentCommand(agentRequest('versioned')))).agent!.agentId!;

  await t.rejects(client.send(new CreateAgentAliasCommand({ agentId, agentAliasName: 'early' })), {
    name: 'ConflictException',
    message: /Couldn't perform CreateAgentAlias operation\. The resource that you specified is currently in status NOT_PREPARED/,
    $metadata: { httpStatusCode: 409 },
  });
  await client.send(new PrepareAgentCommand({ agentId }));

  const created = await client.send(new CreateAgentAliasCommand({ agentId, agentAliasName: 'live', description: 'first' }));
  t.equal(created.$metadata.httpStatusCode, 202);
  const alias = created.agentAlias!;
  t.match(alias.agentAliasId, /^[A-Z0-9]{10}$/);
  t.equal(alias.agentAliasArn, `arn:aws:bedrock:us-east-1:123456789012:agent-alias/${agentId}/${alias.agentAliasId}`);
  t.equal(alias.agentAliasStatus, 'CREATING');
  t.same(alias.routingConfiguration, [{ agentVersion: '1' }]);
  t.equal(alias.aliasInvocationState, 'ACCEPT_INVOCATIONS');
  t.equal(alias.agentAliasHistoryEvents?.length, 1);
  const got = (await client.send(new GetAgentAliasCommand({ agentId, agentAliasId: alias.agentAliasId }))).agentAlias!;
  t.equal(got.agentAliasStatus, 'PREPARED');

  // Version 1 is frozen: later draft changes do not reach it.
  await client.send(new UpdateAgentCommand({ agentId, ...agentRequest('versioned'), instruction: `${INSTRUCTION} Be brief.` }));
  const v1 = (await client.send(new GetAgentVersionCommand({ agentId, agentVersion: '1' }))).agentVersion!;
  t.equal(v1.version, '1');
  t.equal(v1.agentStatus, 'PREPARED');
  t.equal(v1.instruction, INSTRUCTION);
  t.equal(v1.agentArn, `arn:aws:bedrock:us-east-1:123456789012:agent/${agentId}`);
  await t.rejects(client.send(new GetAgentVersionCommand({ agentId, agentVersion: '7' })), { name: 'ResourceNotFoundException' });
  // The model's NumericalVersion pattern: the draft is GetAgent's.
  await t.rejects(client.send(new GetAgentVersionCommand({ agentId, agentVersion: 'DRAFT' })), { name: 'ValidationException' });

  await t.rejects(client.send(new UpdateAgentAliasCommand({ agentId, agentAliasId: alias.agentAliasId, agentAliasName: 'live' })), {
    name: 'ConflictException',
    message: /UpdateAgentAlias operation\. The resource that you specified is currently in status NOT_PREPARED/,
  });
  await client.send(new PrepareAgentCommand({ agentId }));
  const moved = await client.send(
    new UpdateAgentAliasCommand({
      agentId,
      agentAliasId: alias.agentAliasId,
      agentAliasName: 'live2',
      aliasInvocationState: 'REJECT_INVOCATIONS',
    }),
  );
  t.equal(moved.$metadata.httpStatusCode, 202);
  t.equal(moved.agentAlias?.agentAliasStatus, 'UPDATING');
  t.equal(moved.agentAlias?.agentAliasName, 'live2');
  t.equal(moved.agentAlias?.description, undefined);
  t.equal(moved.agentAlias?.aliasInvocationState, 'REJECT_INVOCATIONS');
  t.same(moved.agentAlias?.routingConfiguration, [{ agentVersion: '2' }]);
  const history = moved.agentAlias!.agentAliasHistoryEvents!;
  t.same(
    history.map((h) => h.routingConfiguration),
    [[{ agentVersion: '2' }], [{ agentVersion: '1' }]],
  );
  t.equal(history[0]?.endDate, undefined);
  t.type(history[1]?.endDate, Date);
  t.equal(
    (await client.send(new GetAgentVersionCommand({ agentId, agentVersion: '2' }))).agentVersion?.instruction,
    `${INSTRUCTION} Be brief.`,
  );

  const back = await client.send(
    new UpdateAgentAliasCommand({
      agentId,
      agentAliasId: alias.agentAliasId,
      agentAliasName: 'live2',
      routingConfiguration: [{ agentVersion: '1' }],
    }),
  );
  t.same(back.agentAlias?.routingConfiguration, [{ agentVersion: '1' }]);
  t.equal(back.agentAlias?.aliasInvocationState, 'REJECT_INVOCATIONS');
  for (const agentVersion of ['DRAFT', '9']) {
    await t.rejects(
      client.send(new CreateAgentAliasCommand({ agentId, agentAliasName: 'bad', routingConfiguration: [{ agentVersion }] })),
      { name: 'ValidationException', $metadata: { httpStatusCode: 400 } },
    );
  }

  const versions = await client.send(new ListAgentVersionsCommand({ agentId }));
  t.same(
    versions.agentVersionSummaries?.map((v) => [v.agentVersion, v.agentStatus]),
    [
      ['DRAFT', 'PREPARED'],
      ['1', 'PREPARED'],
      ['2', 'PREPARED'],
    ],
  );
  const aliases = await client.send(new ListAgentAliasesCommand({ agentId }));
  t.same(
    aliases.agentAliasSummaries?.map((a) => [a.agentAliasId, a.agentAliasName, a.agentAliasStatus, a.routingConfiguration]),
    [
      ['TSTALIASID', 'AgentTestAlias', 'PREPARED', [{ agentVersion: 'DRAFT' }]],
      [alias.agentAliasId, 'live2', 'PREPARED', [{ agentVersion: '1' }]],
    ],
  );
  const test = (await client.send(new GetAgentAliasCommand({ agentId, agentAliasId: 'TSTALIASID' }))).agentAlias!;
  t.equal(test.agentAliasArn, `arn:aws:bedrock:us-east-1:123456789012:agent-alias/${agentId}/TSTALIASID`);

  const testAliasPattern =
    "1 validation error detected: Value 'TSTALIASID' at 'agentAliasId' failed to satisfy constraint: Member must satisfy regular expression pattern: (?!\\bTSTALIASID\\b)[0-9a-zA-Z]+";
  await t.rejects(client.send(new DeleteAgentAliasCommand({ agentId, agentAliasId: 'TSTALIASID' })), {
    name: 'ValidationException',
    message: testAliasPattern,
  });
  await t.rejects(client.send(new UpdateAgentAliasCommand({ agentId, agentAliasId: 'TSTALIASID', agentAliasName: 'x' })), {
    name: 'ValidationException',
    message: testAliasPattern,
  });
  await t.rejects(client.send(new DeleteAgentCommand({ agentId })), {
    name: 'ConflictException',
    message: `Could not delete Agent with ID ${agentId}, since it has active aliases`,
    $metadata: { httpStatusCode: 409 },
  });

  const deletedAlias = await client.send(new DeleteAgentAliasCommand({ agentId, agentAliasId: alias.agentAliasId }));
  t.equal(deletedAlias.$metadata.httpStatusCode, 202);
  t.same([deletedAlias.agentId, deletedAlias.agentAliasId, deletedAlias.agentAliasStatus], [agentId, alias.agentAliasId, 'DELETING']);
  await t.rejects(client.send(new GetAgentAliasCommand({ agentId, agentAliasId: alias.agentAliasId })), {
    name: 'ResourceNotFoundException',
  });
  // The versions the alias created stay.
  t.equal((await client.send(new ListAgentVersionsCommand({ agentId }))).agentVersionSummaries?.length, 3);
  t.equal((await client.send(new DeleteAgentCommand({ agentId }))).agentStatus, 'DELETING');
});

t.test('skipResourceInUseCheck deletes an agent with aliases, and their tags', async (t) => {
  const { agent } = await withEmulator(t);
  const client = agent();
  const agentId = await preparedAgent(client, 'doomed');
  const alias = (await client.send(new CreateAgentAliasCommand({ agentId, agentAliasName: 'live', tags: { a: 'b' } }))).agentAlias!;
  await client.send(new DeleteAgentCommand({ agentId, skipResourceInUseCheck: true }));
  await t.rejects(client.send(new GetAgentCommand({ agentId })), { name: 'ResourceNotFoundException' });
  await t.rejects(client.send(new ListTagsForResourceCommand({ resourceArn: alias.agentAliasArn })), {
    name: 'ResourceNotFoundException',
  });
});

t.test('in-progress statuses hold until the asynchronous-work delay has passed', async (t) => {
  const { agent } = await withEmulator(t, { prepareDelayMs: 60_000 });
  const client = agent();
  const agentId = (await client.send(new CreateAgentCommand(agentRequest('slow')))).agent!.agentId!;
  t.equal((await client.send(new GetAgentCommand({ agentId }))).agent?.agentStatus, 'CREATING');
  t.equal((await client.send(new ListAgentsCommand({}))).agentSummaries?.find((a) => a.agentId === agentId)?.agentStatus, 'CREATING');
  await t.rejects(client.send(new PrepareAgentCommand({ agentId })), {
    name: 'ConflictException',
    message: "Prepare operation can't be performed on Agent when it is in Creating state",
  });

  // The fixture agent is settled; preparing it again takes the delay.
  await client.send(new PrepareAgentCommand({ agentId: 'AGENT00001' }));
  await t.rejects(client.send(new PrepareAgentCommand({ agentId: 'AGENT00001' })), {
    name: 'ConflictException',
    message: "Prepare operation can't be performed on Agent when it is in Preparing state",
    $metadata: { httpStatusCode: 409 },
  });
  await t.rejects(client.send(new CreateAgentAliasCommand({ agentId: 'AGENT00001', agentAliasName: 'busy' })), {
    name: 'ConflictException',
    message: /currently in status PREPARING/,
  });
  const alias = await client.send(
    new CreateAgentAliasCommand({ agentId: 'AGENT00001', agentAliasName: 'pinned', routingConfiguration: [{ agentVersion: '1' }] }),
  );
  const got = await client.send(new GetAgentAliasCommand({ agentId: 'AGENT00001', agentAliasId: alias.agentAlias!.agentAliasId }));
  t.equal(got.agentAlias?.agentAliasStatus, 'CREATING');
});

t.test('failures AWS reports asynchronously: no instructions, a name already taken', async (t) => {
  const { agent } = await withEmulator(t);
  const client = agent();
  const { instruction: _, ...withoutInstruction } = agentRequest('bare');
  const agentId = (await client.send(new CreateAgentCommand(withoutInstruction))).agent!.agentId!;
  t.equal((await client.send(new PrepareAgentCommand({ agentId }))).agentStatus, 'PREPARING');
  const failed = (await client.send(new GetAgentCommand({ agentId }))).agent!;
  t.equal(failed.agentStatus, 'FAILED');
  t.same(failed.failureReasons, ['Exception: Agent Instruction cannot be null']);

  const twin = await client.send(new CreateAgentCommand(agentRequest('helper')));
  t.equal(twin.agent?.agentStatus, 'CREATING');
  const after = (await client.send(new GetAgentCommand({ agentId: twin.agent!.agentId! }))).agent!;
  t.equal(after.agentStatus, 'FAILED');
  t.same(after.failureReasons, ['Cannot create a new agent as an agent with the same name already exists.']);
});

t.test('an agent created without a role carries the service role the console would create', async (t) => {
  const { agent } = await withEmulator(t);
  const a = (await agent().send(new CreateAgentCommand({ agentName: 'norole', instruction: INSTRUCTION }))).agent!;
  t.equal(a.agentResourceRoleArn, `arn:aws:iam::123456789012:role/service-role/AmazonBedrockExecutionRoleForAgents_${a.agentId}`);
});

t.test('input validation, pagination, idempotency and quotas', async (t) => {
  const { agent } = await withEmulator(t, { fixtures: [ADMIN_ONLY], quotas: { agentsPerAccount: 6, aliasesPerAgent: 1 } });
  const client = agent();
  await t.rejects(client.send(new CreateAgentCommand({ agentName: 'ok', instruction: 'too short' })), {
    name: 'ValidationException',
    message:
      /^1 validation error detected: Value at 'instruction' failed to satisfy constraint: Member must have length greater than or equal to 40/,
  });
  await t.rejects(client.send(new CreateAgentCommand({ agentName: 'ok', idleSessionTTLInSeconds: 10 })), {
    name: 'ValidationException',
    message: /at 'idleSessionTTLInSeconds'/,
  });
  await t.rejects(client.send(new GetAgentCommand({ agentId: 'short' })), { name: 'ValidationException' });

  const token = 'a'.repeat(40);
  const first = await client.send(new CreateAgentCommand({ ...agentRequest('a0'), clientToken: token }));
  const again = await client.send(new CreateAgentCommand({ ...agentRequest('a0'), clientToken: token }));
  t.equal(again.agent?.agentId, first.agent?.agentId);
  t.equal(again.agent?.agentStatus, 'CREATING');
  await t.rejects(client.send(new CreateAgentCommand({ ...agentRequest('other'), clientToken: token })), { name: 'ConflictException' });

  for (let i = 1; i < 5; i++) await client.send(new CreateAgentCommand(agentRequest(`a${i}`)));
  const seen: string[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await client.send(new ListAgentsCommand({ maxResults: 2, nextToken }));
    seen.push(...(page.agentSummaries ?? []).map((s) => s.agentName!));
    nextToken = page.nextToken;
    pages++;
  } while (nextToken);
  t.equal(pages, 3);
  t.same(seen, ['a0', 'a1', 'a2', 'a3', 'a4']);

  const agentId = await preparedAgent(client, 'a5');
  await t.rejects(client.send(new CreateAgentCommand(agentRequest('a6'))), {
    name: 'ServiceQuotaExceededException',
    message: /quota agents-per-account\. The maximum number of resources is 6, but account \*\*\* requested 7/,
    $metadata: { httpStatusCode: 402 },
  });
  const aliasToken = 'b'.repeat(40);
  const alias = await client.send(new CreateAgentAliasCommand({ agentId, agentAliasName: 'one', clientToken: aliasToken }));
  const aliasAgain = await client.send(new CreateAgentAliasCommand({ agentId, agentAliasName: 'one', clientToken: aliasToken }));
  t.equal(aliasAgain.agentAlias?.agentAliasId, alias.agentAlias?.agentAliasId);
  t.equal(aliasAgain.agentAlias?.clientToken, aliasToken);
  await t.rejects(client.send(new CreateAgentAliasCommand({ agentId, agentAliasName: 'two' })), {
    name: 'ServiceQuotaExceededException',
    message: /quota aliases-per-agent\. The maximum number of resources is 1/,
  });
  // The test alias does not count, and repeats created nothing: one version, one alias besides TSTALIASID.
  t.equal((await client.send(new ListAgentAliasesCommand({ agentId }))).agentAliasSummaries?.length, 2);
  const versions = await client.send(new ListAgentVersionsCommand({ agentId, maxResults: 1 }));
  t.same(
    versions.agentVersionSummaries?.map((v) => v.agentVersion),
    ['DRAFT'],
  );
  const rest = await client.send(new ListAgentVersionsCommand({ agentId, nextToken: versions.nextToken }));
  t.same(
    rest.agentVersionSummaries?.map((v) => v.agentVersion),
    ['1'],
  );
  t.equal(rest.nextToken, undefined);
  const aliasPage = await client.send(new ListAgentAliasesCommand({ agentId, maxResults: 1 }));
  t.same(
    aliasPage.agentAliasSummaries?.map((a) => a.agentAliasId),
    ['TSTALIASID'],
  );
  t.ok(aliasPage.nextToken);
});

t.test('tags on agent and agent-alias ARNs', async (t) => {
  const { agent } = await withEmulator(t);
  const client = agent();
  const created = (await client.send(new CreateAgentCommand({ ...agentRequest('tagged'), tags: { team: 'ml' } }))).agent!;
  const arn = created.agentArn!;
  t.same((await client.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags, { team: 'ml' });
  await client.send(new TagResourceCommand({ resourceArn: arn, tags: { env: 'dev' } }));
  await client.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['team'] }));
  t.same((await client.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags, { env: 'dev' });

  const fixtureAlias = 'arn:aws:bedrock:us-east-1:123456789012:agent-alias/AGENT00001/AGALIAS001';
  await client.send(new TagResourceCommand({ resourceArn: fixtureAlias, tags: { stage: 'live' } }));
  t.same((await client.send(new ListTagsForResourceCommand({ resourceArn: fixtureAlias }))).tags, { stage: 'live' });
  const testAlias = `arn:aws:bedrock:us-east-1:123456789012:agent-alias/${created.agentId}/TSTALIASID`;
  await client.send(new TagResourceCommand({ resourceArn: testAlias, tags: { a: 'b' } }));
  t.same((await client.send(new ListTagsForResourceCommand({ resourceArn: testAlias }))).tags, { a: 'b' });
  for (const missing of [
    'arn:aws:bedrock:us-east-1:123456789012:agent/NOSUCHAGNT',
    'arn:aws:bedrock:us-east-1:123456789012:agent-alias/AGENT00001/NOSUCHALIA',
  ]) {
    await t.rejects(client.send(new ListTagsForResourceCommand({ resourceArn: missing })), { name: 'ResourceNotFoundException' });
  }
});

t.test('each operation is authorized with its IAM action on its resource, the role passed as iam:PassRole', async (t) => {
  const { agent, emu } = await withEmulator(t);
  const client = agent();
  emu.emulator.decisions.clear();
  const agentId = (await client.send(new CreateAgentCommand(agentRequest('authz')))).agent!.agentId!;
  await client.send(new GetAgentCommand({ agentId }));
  await client.send(new UpdateAgentCommand({ agentId, ...agentRequest('authz') }));
  await client.send(new ListAgentsCommand({}));
  await client.send(new PrepareAgentCommand({ agentId }));
  const agentAliasId = (await client.send(new CreateAgentAliasCommand({ agentId, agentAliasName: 'a' }))).agentAlias!.agentAliasId!;
  await client.send(new GetAgentAliasCommand({ agentId, agentAliasId }));
  await client.send(
    new UpdateAgentAliasCommand({ agentId, agentAliasId, agentAliasName: 'a', routingConfiguration: [{ agentVersion: '1' }] }),
  );
  await client.send(new ListAgentAliasesCommand({ agentId }));
  await client.send(new GetAgentVersionCommand({ agentId, agentVersion: '1' }));
  await client.send(new ListAgentVersionsCommand({ agentId }));
  await client.send(new DeleteAgentAliasCommand({ agentId, agentAliasId }));
  await client.send(new DeleteAgentCommand({ agentId }));
  const agentArn = `arn:aws:bedrock:us-east-1:123456789012:agent/${agentId}`;
  const aliasArn = `arn:aws:bedrock:us-east-1:123456789012:agent-alias/${agentId}/${agentAliasId}`;
  t.same(
    emu.emulator.decisions.list().map((d) => [d.action, d.resource]),
    [
      ['bedrock:CreateAgent', '*'],
      ['iam:PassRole', ROLE],
      ['bedrock:GetAgent', agentArn],
      ['bedrock:UpdateAgent', agentArn],
      ['iam:PassRole', ROLE],
      ['bedrock:ListAgents', '*'],
      ['bedrock:PrepareAgent', agentArn],
      ['bedrock:CreateAgentAlias', agentArn],
      ['bedrock:GetAgentAlias', aliasArn],
      ['bedrock:UpdateAgentAlias', aliasArn],
      ['bedrock:ListAgentAliases', agentArn],
      ['bedrock:GetAgentVersion', agentArn],
      ['bedrock:ListAgentVersions', agentArn],
      ['bedrock:DeleteAgentAlias', aliasArn],
      ['bedrock:DeleteAgent', agentArn],
    ],
  );
});

t.test('the role an agent is given is checked as iam:PassRole', async (t) => {
  const { agent } = await withEmulator(t);
  // AmazonBedrockFullAccess only passes roles whose name contains AmazonBedrock, to bedrock.amazonaws.com.
  const client = agent(BEDROCK_FULL);
  const denied = { name: 'AccessDeniedException', message: /iam:PassRole on resource: arn:aws:iam::123456789012:role\/AgentRole/ };
  const other = { agentResourceRoleArn: 'arn:aws:iam::123456789012:role/AgentRole' };
  await t.rejects(client.send(new CreateAgentCommand({ ...agentRequest('x'), ...other })), denied);
  const agentId = (await client.send(new CreateAgentCommand(agentRequest('x')))).agent!.agentId!;
  await t.rejects(client.send(new UpdateAgentCommand({ agentId, ...agentRequest('x'), ...other })), denied);
});

t.test('the default fixtures agent and its alias are visible through the API', async (t) => {
  const { agent } = await withEmulator(t);
  const client = agent();
  const a = (await client.send(new GetAgentCommand({ agentId: 'AGENT00001' }))).agent!;
  t.equal(a.agentName, 'helper');
  t.equal(a.agentStatus, 'PREPARED');
  t.type(a.preparedAt, Date);
  const alias = (await client.send(new GetAgentAliasCommand({ agentId: 'AGENT00001', agentAliasId: 'AGALIAS001' }))).agentAlias!;
  t.equal(alias.agentAliasName, 'live');
  t.equal(alias.agentAliasStatus, 'PREPARED');
  t.equal(alias.agentAliasArn, 'arn:aws:bedrock:us-east-1:123456789012:agent-alias/AGENT00001/AGALIAS001');
  t.same(alias.routingConfiguration, [{ agentVersion: '1' }]);
  const aliases = await client.send(new ListAgentAliasesCommand({ agentId: 'AGENT00001' }));
  t.same(
    aliases.agentAliasSummaries?.map((s) => s.agentAliasId),
    ['TSTALIASID', 'AGALIAS001'],
  );
  const v1 = (await client.send(new GetAgentVersionCommand({ agentId: 'AGENT00001', agentVersion: '1' }))).agentVersion!;
  t.equal(v1.agentName, 'helper');
});

t.test('fixture agents: response rules kept and deleted with the agent; exported state loads back', async (t) => {
  const fixture = {
    ...ADMIN_ONLY,
    agents: [
      {
        agentId: 'AGENTFIX01',
        agentName: 'fx',
        tags: { t: '1' },
        aliases: [
          { agentAliasId: 'FXALIAS001', agentAliasName: 'one', tags: { a: 'b' } },
          { agentAliasId: 'FXALIAS002', agentAliasName: 'two' },
        ],
        responses: [{ match: 'hi', text: 'hello' }],
      },
    ],
  };
  const { agent, emu } = await withEmulator(t, { fixtures: [fixture] });
  const client = agent();
  // Each alias created without a routing gets its own new version, as on AWS.
  const routes = await client.send(new ListAgentAliasesCommand({ agentId: 'AGENTFIX01' }));
  t.same(
    routes.agentAliasSummaries?.map((s) => [s.agentAliasId, s.agentAliasStatus, s.routingConfiguration?.[0]?.agentVersion]),
    [
      ['TSTALIASID', 'PREPARED', 'DRAFT'],
      ['FXALIAS001', 'PREPARED', '1'],
      ['FXALIAS002', 'PREPARED', '2'],
    ],
  );
  t.same(emu.emulator.universe.agentResponses.get('123456789012/us-east-1/AGENTFIX01'), [{ match: 'hi', text: 'hello' }]);

  const state = emu.state();
  const exported = state.agents?.find((a) => a.agentId === 'AGENTFIX01');
  t.match(exported, {
    agentName: 'fx',
    tags: { t: '1' },
    aliases: [{ agentAliasId: 'FXALIAS001', agentAliasName: 'one', tags: { a: 'b' } }, { agentAliasId: 'FXALIAS002' }],
    responses: [{ match: 'hi', text: 'hello' }],
  });
  const copy = await withEmulator(t, { fixtures: [state] });
  const reloaded = await copy.agent().send(new GetAgentAliasCommand({ agentId: 'AGENTFIX01', agentAliasId: 'FXALIAS001' }));
  t.equal(reloaded.agentAlias?.agentAliasStatus, 'PREPARED');
  t.same(copy.emu.state().agents, state.agents);

  await client.send(new DeleteAgentCommand({ agentId: 'AGENTFIX01', skipResourceInUseCheck: true }));
  t.equal(emu.emulator.universe.agentResponses.has('123456789012/us-east-1/AGENTFIX01'), false);
});

t.test('bad fixture agents are refused with their JSON path', async (t) => {
  const { emu } = await withEmulator(t, { fixtures: [ADMIN_ONLY] });
  const agentWith = (extra: Record<string, unknown>) => ({ agents: [{ agentId: 'AGENTBAD01', agentName: 'bad', ...extra }] });
  t.throws(
    () =>
      emu.load(
        agentWith({
          responses: [
            { match: 'ok', text: 'x' },
            { match: '(unclosed', text: 'y' },
          ],
        }),
      ),
    {
      name: 'FixtureError',
      path: '$.agents[0].responses[1].match',
      reason: /invalid regular expression/,
    },
  );
  t.throws(() => emu.load(agentWith({ responses: [{ match: 'x', text: 'a', askUser: 'b' }] })), {
    name: 'FixtureError',
    path: '$.agents[0].responses[0]',
    reason: 'give exactly one of text or askUser',
  });
  t.throws(() => emu.load(agentWith({ responses: [{ match: 'x' }] })), { name: 'FixtureError', path: '$.agents[0].responses[0]' });
  t.throws(() => emu.load(agentWith({ aliases: [{ agentAliasId: 'TSTALIASID', agentAliasName: 'x' }] })), {
    name: 'FixtureError',
    path: '$.agents[0].aliases[0].agentAliasId',
    reason: /already exists/,
  });
  t.throws(
    () =>
      emu.load({
        agents: [
          { agentId: 'AGENTBAD01', agentName: 'same' },
          { agentId: 'AGENTBAD02', agentName: 'same' },
        ],
      }),
    {
      name: 'FixtureError',
      path: '$.agents[1]',
      reason: 'Cannot create a new agent as an agent with the same name already exists.',
    },
  );
  t.throws(() => emu.load(agentWith({ tags: { 'bad!': 'x' } })), {
    name: 'FixtureError',
    path: '$.agents[0]',
    reason: /^ValidationException: .* at 'tags'/,
  });
  t.same(emu.state().agents, []);
});
