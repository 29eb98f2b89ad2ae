import t from 'tap';
import { validateDefinition } from '../../src/flows/index.js';
import { conditionFlow, iteratorFlow, loopFlow, playlistFlow } from './fixtures.js';

t.test('the documented example flows validate with no Error and no Warning', async (t) => {
  t.same(validateDefinition(playlistFlow()), [], 'playlist prompt flow (flows-code-ex)');
  t.same(validateDefinition(conditionFlow()), [], 'flows-ex-condition');
  t.same(validateDefinition(iteratorFlow()), [], 'iterator/collector flow');
  t.same(validateDefinition(loopFlow()), [], 'DoWhile loop flow');
});

t.test('drafts: an absent or empty definition only lacks its ends', async (t) => {
  for (const draft of [undefined, null, {}, { nodes: [], connections: [] }]) {
    t.same(
      validateDefinition(draft).map((v) => v.type),
      ['MissingStartingNodes', 'MissingEndingNodes'],
    );
  }
});

t.test('Input and Output nodes may omit their empty configuration or give it', async (t) => {
  const flow = playlistFlow();
  flow.nodes[0].configuration = { input: {} };
  flow.nodes[2].configuration = { output: {} };
  t.same(validateDefinition(flow), []);
});

t.test('validations are capped at 100, Errors first', async (t) => {
  const flow = playlistFlow();
  for (let i = 0; i < 150; i++) flow.connections.push({ ...flow.connections[2], name: `Dup${i}` });
  for (let i = 0; i < 120; i++)
    flow.connections.push({
      name: `Ghost${i}`,
      source: 'Nobody',
      target: 'FlowOutput',
      type: 'Conditional',
      configuration: { conditional: { condition: 'x' } },
    });
  const validations = validateDefinition(flow);
  t.equal(validations.length, 100);
  t.ok(validations.every((v) => v.severity === 'Error'));
});
