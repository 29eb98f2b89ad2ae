/**
 * The AWS documented example flows, reproduced through the SDKs with the outputs AWS documents: the code
 * example's playlist flow (flows-code-ex), the user guide's condition flow (flows-ex-condition), the
 * iterator behaviour of IteratorFlowNodeConfiguration's doc, and the multi-turn conversation loop of the
 * flows-multi-turn-invocation sample.
 */
import { CreateFlowAliasCommand, CreateFlowVersionCommand } from '@aws-sdk/client-bedrock-agent';
import t from 'tap';
import { DEFAULT_FIXTURES } from '../../src/package-root.js';
import { conditionFlow, dataConnection, iteratorFlow, type Json } from '../flows/fixtures.js';
import { completionOf, deploy, invoke, outputsOf, tracesOf, type Invocation } from '../flows/executor/sdk.js';
import { TEST_FAKES, agentNode, around } from '../flows/executor/world.js';
import { PLAYLIST_DEFINITION, withEmulator } from '../helpers/emulator.js';

const { agent, runtime } = await withEmulator(t, { fixtures: [DEFAULT_FIXTURES, TEST_FAKES] });
const control = agent();
const client = runtime();

t.test('the code example playlist flow: create, prepare, version, alias, then invoke the alias', async (t) => {
  const flowId = await deploy(control, PLAYLIST_DEFINITION);
  const version = await control.send(new CreateFlowVersionCommand({ flowIdentifier: flowId }));
  const alias = await control.send(
    new CreateFlowAliasCommand({ flowIdentifier: flowId, name: 'latest', routingConfiguration: [{ flowVersion: version.version }] }),
  );
  const run = await invoke(client, flowId, { genre: 'pop', number: 3 }, { alias: alias.id, trace: true });
  const [converse] = tracesOf(run, 'nodeActionTrace');
  t.match(converse, {
    nodeName: 'MakePlaylist',
    operationName: 'Converse',
    operationRequest: {
      modelId: 'amazon.nova-lite-v1:0',
      messages: [{ role: 'user', content: [{ text: 'Make me a pop playlist consisting of the following number of songs: 3.' }] }],
      inferenceConfig: { temperature: Math.fround(0.8) },
    },
  });
  t.same(outputsOf(run), ['1. Song A\n2. Song B\n3. Song C'], "the default fixtures' playlist rule answers");
  t.equal(completionOf(run), 'SUCCESS');
});

t.test('flows-ex-condition: each documented input returns the documented value of `action`', async (t) => {
  const flowId = await deploy(control, conditionFlow());
  const action = ["don't buy", 'buy', 'undecided'];
  const documented: [Json, string][] = [
    [{ retailPrice: 11, marketPrice: 12, type: 'produce', action }, "don't buy"], // both hold: the first wins
    [{ retailPrice: 11, marketPrice: 12, type: 'meat', action }, 'buy'],
    [{ retailPrice: 11, marketPrice: 11, type: 'meat', action }, 'undecided'],
  ];
  for (const [input, expected] of documented) {
    const run = await invoke(client, flowId, input);
    t.same(outputsOf(run), [expected], `${JSON.stringify(input)} → ${expected}`);
  }
});

t.test('Iterator: the output node after an iteration returns a response per member; a Collector makes it one', async (t) => {
  const collected = await invoke(client, await deploy(control, iteratorFlow()), ['Queen', 'Abba', 'Blur']);
  t.same(outputsOf(collected), [['Queen rocks.', 'Abba rocks.', 'Blur rocks.']]);
  const perItem = iteratorFlow();
  perItem.nodes = perItem.nodes.filter((n: Json) => n.name !== 'Gather');
  perItem.connections = perItem.connections.filter((c: Json) => c.source !== 'Gather' && c.target !== 'Gather');
  perItem.nodes.find((n: Json) => n.name === 'FlowOutput').inputs[0].type = 'String';
  perItem.connections.push(dataConnection('Describe', 'modelCompletion', 'FlowOutput', 'document'));
  const each = await invoke(client, await deploy(control, perItem), ['Queen', 'Abba', 'Blur']);
  t.same(outputsOf(each), ['Queen rocks.', 'Abba rocks.', 'Blur rocks.']);
  t.equal(completionOf(each), 'SUCCESS');
});

t.test('flows-multi-turn-invocation: invoke until the completion reason is no longer INPUT_REQUIRED', async (t) => {
  const flowId = await deploy(control, around(agentNode('Orders'), 'String', 'String'));
  const answers = ['12345'];
  let run: Invocation = await invoke(client, flowId, 'I want to know where my order is');
  const asked: unknown[] = [];
  while (completionOf(run) === 'INPUT_REQUIRED') {
    const request = run.events.find((e) => e.flowMultiTurnInputRequestEvent)!.flowMultiTurnInputRequestEvent!;
    asked.push(request.content?.document);
    run = await invoke(client, flowId, answers.shift(), { executionId: run.executionId, answerTo: request.nodeName });
  }
  t.same(asked, ['Which order number?']);
  t.same(outputsOf(run), ['Order 12345 ships tomorrow.']);
  t.equal(completionOf(run), 'SUCCESS');
});
