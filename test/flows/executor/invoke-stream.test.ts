/**
 * InvokeFlow driven without HTTP: the operation reports run events, not frames; the server's stream turns them into
 * frames as produced, and a consumer that leaves stops the run.
 */
import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import t from 'tap';
import type { OperationContext } from '../../../src/operations/context.js';
import type { FlowEvent } from '../../../src/flows/index.js';
import { InvokeFlow } from '../../../src/operations/runtime/InvokeFlow.js';
import { AsyncQueue } from '../../../src/server/async-queue.js';
import { EXECUTION_ID_HEADER, streamRun } from '../../../src/server/invoke-flow-stream.js';
import { ExecutionRuns } from '../../../src/operations/runtime/execution-runs.js';
import { PythonProcesses } from '../../../src/fakes/python-processes.js';
import { createClock } from '../../../src/world/clock.js';
import { createIdSource } from '../../../src/world/ids.js';
import { worldOf } from '../../../src/world/universe.js';
import { iteratorFlow } from '../fixtures.js';
import { ALLOW_ALL } from '../../helpers/allow-all.js';
import { testUniverse } from './harness.js';
import { ACCOUNT, FLOW_ROLE, REGION, storageNode } from './world.js';

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const decode = (frame: Uint8Array) => {
  const message = codec.decode(frame);
  return {
    type: String((message.headers[':event-type'] ?? message.headers[':exception-type'])!.value),
    body: JSON.parse(toUtf8(message.body)),
  };
};

/** An OperationContext built by hand, as unit tests do (no roleAuthorizer: every role call is allowed). */
function context(definition: unknown): OperationContext {
  const universe = testUniverse();
  const world = worldOf(universe, ACCOUNT, REGION);
  const snapshot = { name: 'f', executionRoleArn: FLOW_ROLE, definition: definition as Record<string, unknown> };
  world.flows.set('FLOWUNIT01', {
    ...snapshot,
    id: 'FLOWUNIT01',
    arn: `arn:aws:bedrock:${REGION}:${ACCOUNT}:flow/FLOWUNIT01`,
    status: 'Prepared',
    createdAt: '',
    updatedAt: '',
    prepared: snapshot,
    versions: {},
    nextVersion: 1,
    aliases: {
      TSTALIASID: {
        id: 'TSTALIASID',
        arn: `arn:aws:bedrock:${REGION}:${ACCOUNT}:flow/FLOWUNIT01/alias/TSTALIASID`,
        flowId: 'FLOWUNIT01',
        name: 'TSTALIASID',
        routingConfiguration: [{ flowVersion: 'DRAFT' }],
        createdAt: '',
        updatedAt: '',
      },
    },
  });
  return {
    ids: createIdSource(3),
    clock: createClock(3),
    executions: new ExecutionRuns(),
    python: new PythonProcesses(createClock(3)),
    roleAuthorizer: ALLOW_ALL,
    universe,
    world,
    caller: { arn: 'arn:aws:iam::123456789012:root', account: ACCOUNT },
    settings: {} as OperationContext['settings'],
  };
}

const invoke = (ctx: OperationContext, document: unknown, enableTrace = false) =>
  InvokeFlow(ctx, {
    flowIdentifier: 'FLOWUNIT01',
    flowAliasIdentifier: 'TSTALIASID',
    enableTrace,
    inputs: [{ nodeName: 'FlowInput', content: { document } }],
  });

t.test('the operation answers a run that reports events, with no event-stream framing and no HTTP header', async (t) => {
  const ctx = context(iteratorFlow());
  const run = invoke(ctx, ['Queen', 'Abba'], true);
  t.same(Object.keys(run).sort(), ['executionId', 'start'], 'an execution id and a way to start: no headers, no frames');
  t.match(run.executionId, /^[0-9a-f-]{36}$/);
  const events: FlowEvent[] = [];
  const result = await run.start({ sink: (event) => void events.push(event) }, { aborted: false });
  t.same(result, { kind: 'completed' }, 'how the run ended, as a value');
  t.notOk(
    events.some((e) => (e as unknown) instanceof Uint8Array),
    'no frames',
  );
  const documents = events.flatMap((e) => (e.kind === 'flowOutput' ? [e.document] : []));
  t.same(documents, [['Queen rocks.', 'Abba rocks.']]);
  const first = { kind: 'nodeOutput', nodeName: 'FlowInput', fields: [{ name: 'document', value: ['Queen', 'Abba'] }] };
  t.match(events[0], first, 'trace events are plain FlowEvents');
});

t.test('the server frames them as the run produces them; the execution id is a header', async (t) => {
  const ctx = context(iteratorFlow());
  const run = invoke(ctx, ['Queen', 'Abba']);
  const result = streamRun(run);
  t.equal(result.headers[EXECUTION_ID_HEADER], run.executionId);
  t.match(result.headers[EXECUTION_ID_HEADER], /^[0-9a-f-]{36}$/);
  const frames = [];
  for await (const frame of result.frames) frames.push(decode(frame));
  t.same(frames, [
    {
      type: 'flowOutputEvent',
      body: { nodeName: 'FlowOutput', nodeType: 'FlowOutputNode', content: { document: ['Queen rocks.', 'Abba rocks.'] } },
    },
    { type: 'flowCompletionEvent', body: { completionReason: 'SUCCESS' } },
  ]);
});

t.test('when the consumer stops reading (client gone), the run stops between nodes', async (t) => {
  // Each item stores an object: count what got written after the consumer left.
  const flow = iteratorFlow();
  flow.nodes[2] = storageNode('Describe');
  flow.nodes[2].inputs = [
    { name: 'content', type: 'String', expression: '$.data' },
    { name: 'objectKey', type: 'String', expression: '$.data' },
  ];
  flow.connections = flow.connections.filter((c: { target: string }) => c.target !== 'Describe');
  flow.connections.push(
    {
      name: 'c1',
      type: 'Data',
      source: 'EachArtist',
      target: 'Describe',
      configuration: { data: { sourceOutput: 'arrayItem', targetInput: 'content' } },
    },
    {
      name: 'c2',
      type: 'Data',
      source: 'EachArtist',
      target: 'Describe',
      configuration: { data: { sourceOutput: 'arrayItem', targetInput: 'objectKey' } },
    },
  );
  flow.connections.find((c: { source: string }) => c.source === 'Describe').configuration.data.sourceOutput = 's3Uri';
  const ctx = context(flow);
  const keys = Array.from({ length: 200 }, (_, i) => `k${i}`);
  const iterator = streamRun(invoke(ctx, keys, true)).frames[Symbol.asyncIterator]();
  await iterator.next();
  await iterator.return!();
  await new Promise((r) => setImmediate(r));
  const written = [...ctx.universe.buckets.get('flow-data')!.objects.keys()].filter((k) => /^k\d+$/.test(k)).length;
  t.ok(written < keys.length, `the run stopped after ${written} of ${keys.length} items`);
});

t.test('AsyncQueue: items wait for the reader, the reader waits for items; end and return', async (t) => {
  let returned = 0;
  const queue = new AsyncQueue<number>(() => returned++);
  queue.push(1);
  const reader = queue[Symbol.asyncIterator]();
  t.same(await reader.next(), { value: 1, done: false });
  const pending = reader.next();
  queue.push(2);
  t.same(await pending, { value: 2, done: false });
  queue.end();
  queue.push(3);
  t.same(await reader.next(), { value: undefined, done: true }, 'nothing after end');
  const other = new AsyncQueue<number>(() => returned++);
  other.push(1);
  await other[Symbol.asyncIterator]().return!();
  t.equal(returned, 1, 'return tells the producer');
});
