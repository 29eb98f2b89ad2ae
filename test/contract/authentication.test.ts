/** SigV4 through the real SDK clients: unknown keys, wrong secrets, h2c from the runtime client. */
import { GetFlowCommand, ListFlowsCommand } from '@aws-sdk/client-bedrock-agent';
import { GetFlowExecutionCommand } from '@aws-sdk/client-bedrock-agent-runtime';
import t from 'tap';
import { withEmulator } from '../helpers/emulator.js';

t.test('an unknown access key is UnrecognizedClientException', async (t) => {
  const { agent } = await withEmulator(t);
  await t.rejects(agent({ accessKeyId: 'AKIANOBODY0000000000', secretAccessKey: 'x' }).send(new ListFlowsCommand({})), {
    name: 'UnrecognizedClientException',
    $metadata: { httpStatusCode: 403 },
  });
});

t.test('a wrong secret is InvalidSignatureException', async (t) => {
  const { agent } = await withEmulator(t);
  await t.rejects(agent({ accessKeyId: 'test', secretAccessKey: 'wrong' }).send(new ListFlowsCommand({})), {
    name: 'InvalidSignatureException',
    message: /signature we calculated does not match/,
    $metadata: { httpStatusCode: 403 },
  });
});

t.test('the default fixtures serve the administrator test/test in every region', async (t) => {
  const { agent } = await withEmulator(t);
  const listed = await agent(undefined, 'eu-central-1').send(new ListFlowsCommand({}));
  t.same(listed.flowSummaries, []);
  const flow = await agent().send(new GetFlowCommand({ flowIdentifier: 'FLOW000001' }));
  t.equal(flow.status, 'Prepared');
});

t.test('IAM mode off accepts any credentials', async (t) => {
  const { agent } = await withEmulator(t, { iam: 'off' });
  const listed = await agent({ accessKeyId: 'whoever', secretAccessKey: 'whatever' }).send(new ListFlowsCommand({}));
  t.equal(listed.$metadata.httpStatusCode, 200);
});

t.test('the runtime client reaches the same port over h2c', async (t) => {
  const { runtime } = await withEmulator(t);
  await t.rejects(
    runtime().send(
      new GetFlowExecutionCommand({
        flowIdentifier: 'NOSUCHFLOW',
        flowAliasIdentifier: 'TSTALIASID',
        executionIdentifier: 'e-1',
      }),
    ),
    { name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } },
  );
});
