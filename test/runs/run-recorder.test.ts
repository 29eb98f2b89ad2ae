/** The recorder's bounds: a ring per account, a byte cap per record that never edits the run's own values. */
import t from 'tap';
import { capRecord } from '../../src/runs/cap-record.js';
import { jsonSizeEstimate } from '../../src/runs/json-size.js';
import { RunRecorder, type RunStart } from '../../src/runs/index.js';
import type { RunRecord } from '../../src/runs/index.js';
import { createClock } from '../../src/world/clock.js';

const start = (executionId: string, account = '111111111111', extra: Partial<RunStart> = {}): RunStart => ({
  kind: 'InvokeFlow',
  executionId,
  account,
  region: 'us-east-1',
  flowId: 'FLOW000001',
  flowAliasId: 'TSTALIASID',
  flowVersion: 'DRAFT',
  caller: `arn:aws:iam::${account}:user/u`,
  input: executionId,
  ...extra,
});

t.test('a ring per account: past its capacity the oldest run goes', async (t) => {
  const recorder = new RunRecorder(createClock(), 3);
  for (const id of ['a', 'b', 'c', 'd', 'e']) recorder.begin(start(id)).end({ kind: 'completed' });
  recorder.begin(start('other', '222222222222')).end({ kind: 'completed' });
  t.same(
    recorder.list({ account: '111111111111' }).map((r) => r.executionId),
    ['e', 'd', 'c'],
  );
  t.equal(recorder.get('a'), undefined, 'dropped');
  t.equal(recorder.list().length, 4, 'the other account keeps its own');
  t.same(recorder.list({ maxResults: 2 }).length, 2);
  recorder.clear();
  t.same(recorder.list(), []);
});

t.test('an answer continues a paused run (and makes it the newest); a reused id of an ended run starts anew', async (t) => {
  const recorder = new RunRecorder(createClock(), 3);
  const first = recorder.begin(start('multi'));
  first
    .nodeStarted({ nodeName: 'Ask', nodeType: 'Agent', runtimeType: 'AgentNode', inputs: { agentInputText: 'hi' }, chain: [] })
    .paused('Which?');
  first.end({ kind: 'paused', nodeName: 'Ask', nodeType: 'AgentNode', question: 'Which?', checkpoint: '' as never });
  recorder.begin(start('later')).end({ kind: 'completed' });
  const second = recorder.begin(start('multi', undefined, { resumes: true, input: undefined }));
  t.equal(second.record, first.record, 'the same record');
  t.match(second.record, { outcome: 'RUNNING', turns: 2, input: 'multi' });
  second.end({ kind: 'completed' });
  t.same(
    recorder.list().map((r) => r.executionId),
    ['multi', 'later'],
  );
  const again = recorder.begin(start('multi', undefined, { resumes: true }));
  t.not(again.record, first.record, 'an ended run is not continued');
  t.equal(again.record.turns, 1);
});

t.test('listeners hear starts and ends; one that throws does not stop the run or the others', async (t) => {
  const recorder = new RunRecorder(createClock());
  const heard: string[] = [];
  recorder.onRun(() => {
    throw new Error('bad listener');
  });
  const off = recorder.onRun((e) => heard.push(`${e.type}:${e.run.outcome}`));
  recorder.begin(start('x')).end({ kind: 'aborted' });
  off();
  recorder.begin(start('y')).end({ kind: 'completed' });
  t.same(heard, ['run-started:RUNNING', 'run:ABORTED']);
});

t.test('a record over its cap: large values cut with a marker, then nodes emptied, then dropped; the run keeps its values', async (t) => {
  const recorder = new RunRecorder(createClock(), 10, 20_000);
  const big = { text: 'y'.repeat(50_000) };
  const recording = recorder.begin(start('big', undefined, { input: big }));
  const inputs = { value: big };
  for (let i = 0; i < 5; i++) {
    const node = recording.nodeStarted({
      nodeName: `N${i}`,
      nodeType: 'LambdaFunction',
      runtimeType: 'LambdaFunctionNode',
      inputs,
      chain: [],
    });
    node.call({ serviceName: 'lambda', operationName: 'InvokeFunction', operationRequest: big, operationResponse: 'small' });
    node.ended({ kind: 'outputs', outputs: { functionResponse: big } });
  }
  recording.end({ kind: 'completed' });
  const record = recorder.get('big')!;
  t.equal(record.truncated, true);
  t.ok(record.bytes <= 20_000, `${record.bytes} bytes`);
  t.match(record.input, { truncated: true, bytes: JSON.stringify(big).length, preview: /^\{"text":"yyy/ });
  t.match(record.nodes[0], {
    inputs: { value: { truncated: true } },
    outputs: { functionResponse: { truncated: true } },
    calls: [{ request: { truncated: true }, response: 'small' }],
  });
  t.equal(inputs.value, big, "the run's own objects are not edited");

  const many = new RunRecorder(createClock(), 10, 2_000);
  const long = many.begin(start('long'));
  for (let i = 0; i < 200; i++) {
    long
      .nodeStarted({ nodeName: `Node${i}`, nodeType: 'Input', runtimeType: 'FlowInputNode', inputs: { n: i }, chain: [] })
      .ended({ kind: 'outputs', outputs: {} });
  }
  long.end({ kind: 'completed' });
  const kept = many.get('long')!;
  t.ok(kept.bytes <= 2_000, `${kept.bytes} bytes`);
  t.ok(kept.nodes.length < 200 && kept.nodes.length > 0, `${kept.nodes.length} nodes kept, the first ones`);
  t.equal(kept.nodes[0]!.nodeName, 'Node0');
});

t.test('capRecord leaves a record well under its cap as it is, with its estimated size', async (t) => {
  const record = { executionId: 'x', nodes: [], input: 'small', bytes: 0 } as unknown as RunRecord;
  capRecord(record, 1000);
  t.equal(record.truncated, undefined);
  t.equal(record.input, 'small');
  t.ok(record.bytes > 0 && record.bytes <= 1000 / 6, `${record.bytes}`);
});

t.test('the size estimate is never more than 6 times under the JSON bytes, whatever the characters', async (t) => {
  const values = [
    '\u0001'.repeat(100),
    '"\\'.repeat(100),
    '日本語'.repeat(100),
    '😀'.repeat(100),
    { 'ключ\n': [1.2345678901234567e-308, -0, true, null, { a: undefined }] },
    [[], {}, ''],
  ];
  for (const value of values) {
    const real = Buffer.byteLength(JSON.stringify(value));
    const estimate = jsonSizeEstimate(value, Number.POSITIVE_INFINITY);
    t.ok(real <= 6 * estimate, `${JSON.stringify(value).slice(0, 20)}: ${real} ≤ 6 × ${estimate}`);
  }
  t.ok(jsonSizeEstimate(new Array(1e6).fill('x'), 100) > 100, 'over its limit');
});
