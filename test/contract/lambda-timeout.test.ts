/**
 * A Lambda node whose function runs past its timeout, through the real runtime client: InvokeFlow's in-stream error
 * and the execution's error entry carry the user guide's wording (docs/behaviour.md#failures-during-a-run).
 */
import { GetFlowExecutionCommand, ListFlowExecutionEventsCommand, StartFlowExecutionCommand } from '@aws-sdk/client-bedrock-agent-runtime';
import t from 'tap';
import { deploy, ended, executionIds, invoke } from '../flows/executor/sdk.js';
import { TEST_WORLD, around, lambdaArn, lambdaNode } from '../flows/executor/world.js';
import { withEmulator } from '../helpers/emulator.js';

const { agent, runtime } = await withEmulator(t, { fixtures: TEST_WORLD });
const control = agent();
const client = runtime();

const TIMED_OUT = 'Call to lambda function timed out';
// `slow` answers after 2 s with a 50 ms timeout; `broken` fails with a fixture error (test/flows/executor/world.ts).
const flowCalling = (fn: string) => deploy(control, around(lambdaNode('LambdaNode1', fn, [['payload', 'Object', '$.data']]), 'Object'));

t.test('InvokeFlow: a timed-out Lambda is a dependencyFailedException saying so, naming the function', async (t) => {
  const run = await invoke(client, await flowCalling('slow'), { a: 1 });
  t.match(run.error, { name: 'DependencyFailedException', message: TIMED_OUT, resourceName: lambdaArn('slow') });
});

t.test('InvokeFlow: other Lambda failures keep the Agents wording', async (t) => {
  const run = await invoke(client, await flowCalling('broken'), { a: 1 });
  t.match(run.error, {
    name: 'DependencyFailedException',
    message: /^Your request couldn't be completed\. Lambda function .*Access to the ledger failed/,
  });
});

/** Starts an execution of the flow's test alias and waits for it to end. */
async function execute(flowId: string) {
  const { executionArn } = await client.send(
    new StartFlowExecutionCommand({
      flowIdentifier: flowId,
      flowAliasIdentifier: 'TSTALIASID',
      inputs: [{ nodeName: 'FlowInput', nodeOutputName: 'document', content: { document: { a: 1 } } }],
    }),
  );
  return { executionArn, done: await ended(client, flowId, executionArn!) };
}

t.test('an execution lists the timeout as an ExecutionTimedOut error of the node', async (t) => {
  const flowId = await flowCalling('slow');
  const { executionArn, done } = await execute(flowId);
  t.equal(done.status, 'Failed');
  t.same(done.errors, [{ nodeName: 'LambdaNode1', error: 'ExecutionTimedOut', message: TIMED_OUT }]);
  const again = await client.send(new GetFlowExecutionCommand(executionIds(flowId, executionArn!)));
  t.same(again.errors, done.errors);
  const events = await client.send(new ListFlowExecutionEventsCommand({ ...executionIds(flowId, executionArn!), eventType: 'Node' }));
  t.match(
    events.flowExecutionEvents?.find((e) => e.nodeFailureEvent),
    { nodeFailureEvent: { nodeName: 'LambdaNode1', errorCode: 'DEPENDENCY_FAILED', errorMessage: TIMED_OUT } },
  );
});

t.test('an execution failing otherwise has no errors entry', async (t) => {
  const flowId = await flowCalling('broken');
  const { done } = await execute(flowId);
  t.equal(done.status, 'Failed');
  t.equal(done.errors, undefined);
});
