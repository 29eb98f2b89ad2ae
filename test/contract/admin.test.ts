/** Emulator control endpoints (README, Emulator control endpoints) and all-or-nothing fixture loading. */
import { GetFlowCommand, ListFlowsCommand, CreateFlowCommand } from '@aws-sdk/client-bedrock-agent';
import t from 'tap';
import { FLOW_ROLE, withEmulator } from '../helpers/emulator.js';

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

t.test('health, state, s3 objects', async (t) => {
  const { emu } = await withEmulator(t);
  const health = await fetch(`${emu.url}/_emulator/health`);
  t.equal(health.status, 200);
  t.match(await health.json(), { status: 'ok', version: /^\d+\.\d+\.\d+/ });
  t.ok(health.headers.get('x-amzn-requestid'));
  const state = (await (await fetch(`${emu.url}/_emulator/state`)).json()) as { flows: { flowId: string }[] };
  t.ok(state.flows.some((f) => f.flowId === 'FLOW000001'));
  const object = await fetch(`${emu.url}/_emulator/s3/flow-data/in/greeting.txt`);
  t.equal(await object.text(), 'Hello from the fake S3 bucket.');
  t.equal((await fetch(`${emu.url}/_emulator/s3/flow-data/nope`)).status, 404);
  t.equal((await fetch(`${emu.url}/_emulator/s3/no-bucket/x`)).status, 404);
});

t.test('POST /_emulator/fixtures applies all or nothing; reset goes back to start-up', async (t) => {
  const { emu, agent } = await withEmulator(t);
  const client = agent();
  const good = {
    flows: [{ flowId: 'ADDEDFLOW1', name: 'added', executionRoleArn: FLOW_ROLE }],
  };
  t.equal((await post(`${emu.url}/_emulator/fixtures`, good)).status, 200);
  t.equal((await client.send(new GetFlowCommand({ flowIdentifier: 'ADDEDFLOW1' }))).name, 'added');

  const bad = {
    flows: [
      { flowId: 'ADDEDFLOW2', name: 'fine', executionRoleArn: FLOW_ROLE },
      { flowId: 'ADDEDFLOW3', name: 'not a valid name', executionRoleArn: FLOW_ROLE },
    ],
  };
  const refused = await post(`${emu.url}/_emulator/fixtures`, bad);
  t.equal(refused.status, 400);
  const body = (await refused.json()) as { path: string; reason: string; file: string };
  t.equal(body.path, '$.flows[1]');
  t.match(body.reason, /ValidationException: 1 validation error detected: Value 'not a valid name' at 'name'/);
  await t.rejects(client.send(new GetFlowCommand({ flowIdentifier: 'ADDEDFLOW2' })), { name: 'ResourceNotFoundException' });

  const schemaError = await post(`${emu.url}/_emulator/fixtures`, { buckets: [{ name: 'UPPER' }] });
  t.equal(schemaError.status, 400);
  t.match(await schemaError.json(), { path: '$.buckets[0].name' });
  t.equal((await post(`${emu.url}/_emulator/fixtures`, 'not json at all')).status, 400);

  await client.send(new CreateFlowCommand({ name: 'runtime', executionRoleArn: FLOW_ROLE }));
  t.equal((await post(`${emu.url}/_emulator/reset`, {})).status, 200);
  const after = await client.send(new ListFlowsCommand({}));
  t.same(
    after.flowSummaries?.map((f) => f.id),
    ['FLOW000001'],
  );
});

t.test('the admin token guards everything but health', async (t) => {
  const { emu } = await withEmulator(t, { adminToken: 's3cret' });
  t.equal((await fetch(`${emu.url}/_emulator/health`)).status, 200);
  t.equal((await fetch(`${emu.url}/_emulator/state`)).status, 401);
  t.equal((await fetch(`${emu.url}/_emulator/state`, { headers: { authorization: 'Bearer s3cret' } })).status, 200);
});

t.test('unknown routes answer UnknownOperationException with a request id', async (t) => {
  const { emu } = await withEmulator(t);
  const res = await fetch(`${emu.url}/nope`);
  t.equal(res.status, 404);
  t.equal(res.headers.get('x-amzn-errortype'), 'UnknownOperationException');
  t.ok(res.headers.get('x-amzn-requestid'));
});
