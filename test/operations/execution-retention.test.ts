/** The world's budget for kept execution events: the oldest ended executions go first, of any alias; running ones stay. */
import t from 'tap';
import { makeRoomForExecution } from '../../src/operations/runtime/execution-retention.js';
import type { FlowExecutionRecord } from '../../src/world/records.js';

const record = (id: string, aliasId: string, status: FlowExecutionRecord['status'], eventBytes: number): FlowExecutionRecord => ({
  id,
  arn: `arn:${id}`,
  flowId: 'FLOW000001',
  aliasId,
  flowVersion: '1',
  status,
  startedAt: '2025-01-01T00:00:00Z',
  snapshot: {} as FlowExecutionRecord['snapshot'],
  events: [],
  eventBytes,
});

const quotas = { runningExecutionsPerAccount: 1_000, executionsPerAlias: 1_000, executionEventBytes: 1_000 };

t.test('over the budget, the oldest ended executions of any alias are removed until it fits', async (t) => {
  const runs = new Map<string, FlowExecutionRecord>();
  for (const r of [
    record('a', 'ALIAS00001', 'Succeeded', 400),
    record('b', 'ALIAS00002', 'Running', 500),
    record('c', 'ALIAS00002', 'Failed', 300),
    record('d', 'ALIAS00001', 'Succeeded', 100),
  ]) {
    runs.set(r.arn, r);
  }
  makeRoomForExecution(runs, 'FLOW000001', 'ALIAS00001', quotas);
  t.same([...runs.keys()], ['arn:b', 'arn:c', 'arn:d'], '1,300 bytes: the oldest ended (a) goes; the running one stays');
  makeRoomForExecution(runs, 'FLOW000001', 'ALIAS00001', { ...quotas, executionEventBytes: 700 });
  t.same([...runs.keys()], ['arn:b', 'arn:d'], 'then c, of the other alias: 600 bytes, under 700');
});

t.test('under the budget nothing is removed', async (t) => {
  const runs = new Map([['arn:a', record('a', 'ALIAS00001', 'Succeeded', 10)]]);
  makeRoomForExecution(runs, 'FLOW000001', 'ALIAS00001', quotas);
  t.equal(runs.size, 1);
});
