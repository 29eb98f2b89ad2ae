/** A paused run's checkpoint: plain data that survives JSON, resumes the run, and is refused when it is not one. */
import t from 'tap';
import type { RunCheckpoint } from '../../../src/flows/index.js';
import { failure, run, type Ran } from './harness.js';
import { pausingFlow } from './world.js';

const flow = pausingFlow();

function checkpointOf(ran: Ran): RunCheckpoint {
  if (ran.result.kind !== 'paused') throw new Error(`expected a pause, got ${ran.result.kind}`);
  return ran.result.checkpoint;
}

const answer = (checkpoint: RunCheckpoint) => ({ resume: { checkpoint, inputName: 'agentInputText', answer: '12345' } });

t.test('a checkpoint round-trips through JSON.stringify/parse and the parsed copy resumes the run', async (t) => {
  const checkpoint = checkpointOf(await run(flow, 'Where is my order?'));
  const parsed = JSON.parse(JSON.stringify(checkpoint)) as RunCheckpoint;
  t.same(parsed, checkpoint, 'plain data: nothing is lost or changed by JSON');
  t.same(structuredClone(checkpoint), checkpoint, 'and by structuredClone (how worlds are staged)');
  const resumed = await run(flow, undefined, answer(parsed));
  t.same(resumed.result, { kind: 'completed' });
  const logged = { inputs: { text: 'Where is my order?' }, node: 'Log' };
  t.match(resumed.outputs, ['Order 12345 ships tomorrow.', logged], 'the flow input came from the checkpoint');
  const direct = await run(flow, undefined, answer(checkpoint));
  t.same(resumed.outputs, direct.outputs, 'as the original checkpoint gives');
  t.same(resumed.kinds, direct.kinds, 'with the same events');
  t.same(
    resumed.kinds.filter((k) => /:(Echoed|Log|FlowInput)$/.test(k)),
    [],
    'nodes before the pause are replayed, not run',
  );
});

t.test('a value that is not a checkpoint fails the run with an internal error instead of misleading it', async (t) => {
  const bogus = [{}, null, { version: 99, memo: [], asked: [], waitingIndex: 0 }, { version: 1, memo: 'x', asked: [], waitingIndex: 0 }];
  for (const value of bogus) {
    const ran = await run(flow, undefined, answer(value as unknown as RunCheckpoint));
    t.match(failure(ran), { type: 'InternalServerException', message: /checkpoint/ });
    t.same(ran.events, [], 'nothing ran');
  }
});
