/**
 * Identifiers as the service takes them, through the real SDK clients (docs/behaviour.md#identifiers): console-length
 * connection names, and flow/alias identifiers that cannot name a flow or alias (a 400, not a 404).
 */
import { CreateFlowCommand, GetFlowAliasCommand, ValidateFlowDefinitionCommand, type FlowDefinition } from '@aws-sdk/client-bedrock-agent';
import {
  GetFlowExecutionCommand,
  InvokeFlowCommand,
  ListFlowExecutionsCommand,
  StartFlowExecutionCommand,
} from '@aws-sdk/client-bedrock-agent-runtime';
import t from 'tap';
import { playlistFlow } from '../flows/fixtures.js';
import { FLOW_ROLE, TEST_WORLD } from '../flows/executor/world.js';
import { withEmulator } from '../helpers/emulator.js';

const { agent, runtime } = await withEmulator(t, { fixtures: TEST_WORLD });
const control = agent();
const client = runtime();

const ALIAS_INVALID = 'The FlowAliasIdentifier is invalid. Please use a valid Flow Alias Arn or Id.';
const inputs = [{ nodeName: 'FlowInput', nodeOutputName: 'document', content: { document: { genre: 'pop', number: 1 } } }];

t.test('a connection name as long as the console generates (110 characters, from a real export) is accepted', async (t) => {
  // The name of a real GetFlow export (docs/behaviour.md#identifiers); the model's pattern stops at 101 characters.
  const consoleName = 'ConditionNode_1ConditionNodeHandleDefaultConditionNode_1ToLambdaFunctionNode_1LambdaFunctionNode_1HeaderHandle';
  t.equal(consoleName.length, 110);
  const definition = playlistFlow();
  definition.connections[2].name = consoleName;
  const flow = await control.send(
    new CreateFlowCommand({ name: 'longnames', executionRoleArn: FLOW_ROLE, definition: definition as FlowDefinition }),
  );
  t.equal(flow.definition?.connections?.[2]?.name, consoleName);
  const checked = await control.send(new ValidateFlowDefinitionCommand({ definition: definition as FlowDefinition }));
  t.same(checked.validations, []);
  // Still letters, digits and single underscores, starting with a letter.
  definition.connections[2].name = 'Two__underscores';
  await t.rejects(control.send(new ValidateFlowDefinitionCommand({ definition: definition as FlowDefinition })), {
    name: 'ValidationException',
    message: /at 'definition\.connections\.3\.member\.name' failed to satisfy constraint/,
  });
});

t.test('InvokeFlow: an alias id that cannot be an alias id is a 400 with the service wording (a real answer)', async (t) => {
  for (const flowAliasIdentifier of ['BOTALIAS1', 'ALIAS0000012', 'tstaliasid1']) {
    await t.rejects(
      client.send(new InvokeFlowCommand({ flowIdentifier: 'FLOW000001', flowAliasIdentifier, inputs })),
      { name: 'ValidationException', message: ALIAS_INVALID, $metadata: { httpStatusCode: 400 } },
      flowAliasIdentifier,
    );
  }
  // Checked before the flow is looked up.
  await t.rejects(client.send(new InvokeFlowCommand({ flowIdentifier: 'NOSUCHFLOW', flowAliasIdentifier: 'BOTALIAS1', inputs })), {
    name: 'ValidationException',
    message: ALIAS_INVALID,
  });
  // An id of the right form that names nothing stays a 404.
  await t.rejects(client.send(new InvokeFlowCommand({ flowIdentifier: 'FLOW000001', flowAliasIdentifier: 'NOSUCHALIA', inputs })), {
    name: 'ResourceNotFoundException',
  });
});

t.test('the executions operations refuse the same alias identifiers', async (t) => {
  const flowAliasIdentifier = 'BOTALIAS1';
  const expected = { name: 'ValidationException', message: ALIAS_INVALID };
  await t.rejects(client.send(new StartFlowExecutionCommand({ flowIdentifier: 'FLOW000001', flowAliasIdentifier, inputs })), expected);
  await t.rejects(
    client.send(new GetFlowExecutionCommand({ flowIdentifier: 'FLOW000001', flowAliasIdentifier, executionIdentifier: 'x' })),
    expected,
  );
  await t.rejects(client.send(new ListFlowExecutionsCommand({ flowIdentifier: 'FLOW000001', flowAliasIdentifier })), expected);
});

t.test('flow identifiers: the models already refuse what cannot be a flow id, with the pattern message', async (t) => {
  // The runtime model's FlowIdentifier pattern is as strict as the id form, so the service's own check
  // (src/operations/flows/flow-lookup.ts) is only a second line; what a client sees is the pattern message.
  await t.rejects(client.send(new InvokeFlowCommand({ flowIdentifier: 'FLOW1', flowAliasIdentifier: 'TSTALIASID', inputs })), {
    name: 'ValidationException',
    message: /Value 'FLOW1' at 'flowIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern/,
  });
  // The control plane's alias pattern is also the id form.
  await t.rejects(control.send(new GetFlowAliasCommand({ flowIdentifier: 'FLOW000001', aliasIdentifier: 'BOTALIAS1' })), {
    name: 'ValidationException',
    $metadata: { httpStatusCode: 400 },
  });
});
