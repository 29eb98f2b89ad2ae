/**
 * An example contract test for YOUR project (tap; node:test or vitest look the same): the emulator runs in-process,
 * the real SDK clients talk to it, and the test asserts what AWS would answer, failures included.
 *   npm i -D bedrock-flows-emulator tap @aws-sdk/client-bedrock-agent @aws-sdk/client-bedrock-agent-runtime
 * In this repository it is not part of `npm test` (tap.include is test/**); run it with
 *   npx tap examples/contract-test.test.ts
 */
import {
  BedrockAgentClient,
  CreateFlowCommand,
  DeleteFlowVersionCommand,
  GetFlowCommand,
  ListFlowsCommand,
  PrepareFlowCommand,
} from '@aws-sdk/client-bedrock-agent';
import t from 'tap';
import { startEmulator } from 'bedrock-flows-emulator';

const ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonBedrockExecutionRoleForFlows_DEFAULT001';

// One emulator for the file (port 0: tests in parallel never collide), back to its fixtures before every test.
const emu = await startEmulator({ port: 0 });
const clients: BedrockAgentClient[] = [];
const client = (credentials = emu.credentials) => {
  const c = new BedrockAgentClient({ endpoint: emu.url, region: 'us-east-1', credentials, maxAttempts: 1 });
  clients.push(c);
  return c;
};
t.beforeEach(() => emu.reset());
t.teardown(async () => {
  for (const c of clients) c.destroy(); // first, so close() has no keep-alive connections to wait for
  await emu.close();
});

t.test('the default fixtures come with the user guide playlist flow, prepared', async (t) => {
  const { flowSummaries } = await client().send(new ListFlowsCommand({}));
  t.match(flowSummaries, [{ name: 'playlist', status: 'Prepared' }]);
});

t.test('CreateFlow accepts an incomplete definition; PrepareFlow fails it with validations, as AWS does', async (t) => {
  const definition = { nodes: [{ type: 'Input' as const, name: 'FlowInput', outputs: [{ name: 'document', type: 'Object' as const }] }] };
  const flow = await client().send(new CreateFlowCommand({ name: 'no-output', executionRoleArn: ROLE, definition }));
  t.equal(flow.status, 'NotPrepared');
  await client().send(new PrepareFlowCommand({ flowIdentifier: flow.id }));
  const prepared = await client().send(new GetFlowCommand({ flowIdentifier: flow.id }));
  t.equal(prepared.status, 'Failed');
  t.match(prepared.validations, [{ type: 'MissingEndingNodes', severity: 'Error' }]);
});

t.test('AWS errors arrive as the SDK exception classes, with the status code', async (t) => {
  await t.rejects(client().send(new GetFlowCommand({ flowIdentifier: 'NOSUCHFLOW' })), {
    name: 'ResourceNotFoundException',
    $metadata: { httpStatusCode: 404 },
  });
  await t.rejects(client().send(new CreateFlowCommand({ name: 'x', executionRoleArn: 'not-an-arn' })), {
    name: 'ValidationException',
    message: /failed to satisfy constraint/,
  });
  await t.rejects(client({ accessKeyId: 'AKIANOBODY0000000000', secretAccessKey: 'x' }).send(new ListFlowsCommand({})), {
    name: 'UnrecognizedClientException',
    $metadata: { httpStatusCode: 403 },
  });
});

// The Bedrock Flows prerequisites page's FlowPermissions policy grants `bedrock:DeleteFlowVersions`, an action that
// does not exist, so its holder (in the default fixtures) cannot delete a flow version: IAM says why.
t.test('IAM is enforced: the published FlowPermissions policy cannot delete flow versions', async (t) => {
  const developer = client({ accessKeyId: 'AKIAFLOWDEV000000001', secretAccessKey: 'flow-developer-secret' });
  await t.rejects(developer.send(new DeleteFlowVersionCommand({ flowIdentifier: 'FLOW000001', flowVersion: '1' })), {
    name: 'AccessDeniedException',
    message: /is not authorized to perform: bedrock:DeleteFlowVersion on resource: .* because no identity-based policy allows/,
  });
});
