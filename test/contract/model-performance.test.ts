/**
 * InvokeFlow's and StartFlowExecution's modelPerformanceConfiguration reach the Converse request a Prompt node's
 * action trace shows, through the real runtime client (the model: "the performance configuration for a model
 * called with InvokeFlow"; Converse's request has the same `performanceConfig` member).
 */
import { InvokeFlowCommand, ListFlowExecutionEventsCommand, StartFlowExecutionCommand } from '@aws-sdk/client-bedrock-agent-runtime';
import t from 'tap';
import type { Json } from '../flows/fixtures.js';
import { ended, executionIds } from '../flows/executor/sdk.js';
import { TEST_WORLD } from '../flows/executor/world.js';
import { withEmulator } from '../helpers/emulator.js';

const { runtime } = await withEmulator(t, { fixtures: TEST_WORLD });
const client = runtime();

// FLOW000001 is the bundled playlist flow: FlowInput → MakePlaylist (Prompt) → FlowOutput.
const inputs = [{ nodeName: 'FlowInput', nodeOutputName: 'document', content: { document: { genre: 'pop', number: 2 } } }];
const optimized = { performanceConfig: { latency: 'optimized' as const } };

async function converseRequest(modelPerformanceConfiguration?: typeof optimized): Promise<Json> {
  const res = await client.send(
    new InvokeFlowCommand({
      flowIdentifier: 'FLOW000001',
      flowAliasIdentifier: 'TSTALIASID',
      enableTrace: true,
      inputs,
      modelPerformanceConfiguration,
    }),
  );
  for await (const event of res.responseStream!) {
    const action = (event.flowTraceEvent?.trace as Json)?.nodeActionTrace;
    if (action?.operationName === 'Converse') return action.operationRequest;
  }
  throw new Error('no Converse action trace');
}

t.test('InvokeFlow: the Converse request carries performanceConfig when the request sets it', async (t) => {
  t.same((await converseRequest(optimized)).performanceConfig, { latency: 'optimized' });
  t.notOk('performanceConfig' in (await converseRequest()), 'absent when the request has none');
});

t.test('StartFlowExecution: the same in the execution node action event', async (t) => {
  const { executionArn } = await client.send(
    new StartFlowExecutionCommand({
      flowIdentifier: 'FLOW000001',
      flowAliasIdentifier: 'TSTALIASID',
      inputs,
      modelPerformanceConfiguration: optimized,
    }),
  );
  await ended(client, 'FLOW000001', executionArn!);
  const { flowExecutionEvents } = await client.send(
    new ListFlowExecutionEventsCommand({ ...executionIds('FLOW000001', executionArn!), eventType: 'Node' }),
  );
  const action = flowExecutionEvents?.find((e) => e.nodeActionEvent)?.nodeActionEvent as Json;
  t.same(action?.operationRequest?.performanceConfig, { latency: 'optimized' });
});

t.test('a latency outside the enum is refused', async (t) => {
  await t.rejects(
    client.send(
      new InvokeFlowCommand({
        flowIdentifier: 'FLOW000001',
        flowAliasIdentifier: 'TSTALIASID',
        inputs,
        modelPerformanceConfiguration: { performanceConfig: { latency: 'fastest' as 'optimized' } },
      }),
    ),
    { name: 'ValidationException', message: /Member must satisfy enum value set: \[standard, optimized\]/ },
  );
});
