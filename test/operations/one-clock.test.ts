/**
 * One clock per emulator (src/world/clock.ts): records, execution events and the decision log take their time from
 * it, and so do the executor's timeouts; a seeded emulator writes the same timestamps on every run.
 */
import t from 'tap';
import { Emulator } from '../../src/emulator.js';
import { createLogger } from '../../src/logger.js';
import { CreateFlow } from '../../src/operations/flows/CreateFlow.js';
import { StartFlowExecution } from '../../src/operations/runtime/StartFlowExecution.js';
import type { Clock } from '../../src/world/clock.js';
import { worldOf } from '../../src/world/universe.js';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/service-role/AmazonBedrockExecutionRoleForFlows_DEFAULT001`;
const CALLER = { arn: `arn:aws:iam::${ACCOUNT}:user/admin`, account: ACCOUNT };

/** Every `timestamp` member anywhere in a value, in order. */
function timestamps(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(timestamps);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === 'timestamp' && typeof v === 'string' ? [v] : timestamps(v)));
}

/** Creates a flow and runs the bundled playlist flow as an execution to its end; the times it wrote. */
async function timesWritten(emulator: Emulator) {
  const world = worldOf(emulator.universe, ACCOUNT, REGION);
  const ctx = emulator.contextFor(world, CALLER);
  const flow = CreateFlow(ctx, { name: 'clocked', executionRoleArn: ROLE });
  const { executionArn } = StartFlowExecution(ctx, {
    flowIdentifier: 'FLOW000001',
    flowAliasIdentifier: 'TSTALIASID',
    inputs: [{ nodeName: 'FlowInput', nodeOutputName: 'document', content: { document: { genre: 'pop', number: 3 } } }],
  });
  await emulator.env.executions.settled();
  const execution = world.executions.runs.get(executionArn)!;
  return {
    flow: [flow.createdAt, flow.updatedAt],
    execution: { status: execution.status, startedAt: execution.startedAt, endedAt: execution.endedAt },
    events: timestamps(execution.events),
    errors: execution.errors,
  };
}

const silent = () => createLogger('silent', false);

t.test('a seeded emulator writes the same timestamps on every run', async (t) => {
  const first = new Emulator({ seed: 42 }, silent());
  const second = new Emulator({ seed: 42 }, silent());
  const a = await timesWritten(first);
  const b = await timesWritten(second);
  t.ok(a.events.length > 0, 'the execution recorded events');
  t.match(a.flow[0], /^2025-01-01T/, 'the fake 2025 clock');
  t.same(b, a);
  first.close();
  second.close();
});

/** A clock of its own: timestamps from 2031, wall time fixed, monotonic time as the test sets it. */
function fakeClock(monotonic: () => number = () => 0) {
  let tick = 0;
  const wall = Date.UTC(2031, 6, 1, 12);
  const clock: Clock = {
    timestamp: () => new Date(Date.UTC(2031, 0, 1) + 1000 * tick++).toISOString(),
    epochMs: () => wall,
    monotonicMs: monotonic,
  };
  return { clock, wall: new Date(wall).toISOString() };
}

t.test('records, execution events and the decision log take their time from the emulator clock', async (t) => {
  const { clock, wall } = fakeClock();
  const emulator = new Emulator({ clock, iam: 'enforce' }, silent());
  const written = await timesWritten(emulator);
  t.equal(written.execution.status, 'Succeeded');
  const all = [...written.flow, written.execution.startedAt, written.execution.endedAt!, ...written.events];
  t.ok(written.events.length > 0);
  t.same(
    all.filter((time) => !time.startsWith('2031-01-01T')),
    [],
    'every record and event timestamp is a reading of the injected clock',
  );
  const decisions = emulator.decisions.list();
  t.ok(decisions.length > 0, 'the run assumed its role and authorized its model call');
  t.same(new Set(decisions.map((d) => d.time)), new Set([wall]), 'decisions are stamped with the clock wall time');
  emulator.close();
});

t.test("a run's time limit counts on the emulator clock's monotonic time", async (t) => {
  let now = 0;
  // An hour passes at every reading: the run is past its limit before its second node.
  const { clock } = fakeClock(() => (now += 60 * 60 * 1000));
  const emulator = new Emulator({ clock, iam: 'off' }, silent());
  const written = await timesWritten(emulator);
  t.equal(written.execution.status, 'TimedOut');
  t.match(written.errors, [{ error: 'ExecutionTimedOut', message: /time limit/ }]);
  emulator.close();
});
