/**
 * How many flow executions a world keeps. AWS keeps ended executions 90 days and lets 1,000 run at once per
 * account (user guide, "Run flows asynchronously"; Bedrock quotas). The emulator also keeps at most
 * `executionsPerAlias` per flow alias: a new one pushes out the oldest ended one, and only when every kept one is
 * still running is the start refused (ServiceQuotaExceededException, which the model lists for StartFlowExecution).
 * Across aliases, the events kept stay under `executionEventBytes`: the oldest ended executions go first.
 */
import { quotaExceeded } from '../../protocol/errors.js';
import type { FlowExecutionRecord } from '../../world/records.js';
import type { Quotas } from '../context.js';
import type { ExecutionRuns } from './execution-runs.js';

/** Makes room for one more execution of the alias, or throws if it cannot. */
export function makeRoomForExecution(
  runs: Map<string, FlowExecutionRecord>,
  flowId: string,
  aliasId: string,
  quotas: Pick<Quotas, 'runningExecutionsPerAccount' | 'executionsPerAlias' | 'executionEventBytes'>,
): void {
  let running = 0;
  let kept = 0;
  const ended: string[] = []; // this alias's ended executions, oldest first (the map keeps start order)
  for (const [arn, run] of runs) {
    if (run.status === 'Running') running++;
    if (run.flowId !== flowId || run.aliasId !== aliasId) continue;
    kept++;
    if (run.status !== 'Running') ended.push(arn);
  }
  if (running >= quotas.runningExecutionsPerAccount) {
    throw quotaExceeded(`The account already runs ${quotas.runningExecutionsPerAccount} flow executions, its quota.`, true);
  }
  const excess = kept - quotas.executionsPerAlias + 1;
  if (excess > 0 && ended.length < excess) {
    throw quotaExceeded(
      `This flow alias already has ${quotas.executionsPerAlias} flow executions running, the most kept per alias. ` +
        'Stop one or wait for one to end, then retry.',
      true,
    );
  }
  for (const arn of ended.slice(0, Math.max(excess, 0))) runs.delete(arn);
  keepEventsWithinBudget(runs, quotas.executionEventBytes);
}

/** The world's kept events stay under the budget: the oldest ended executions, of any alias, go first. */
function keepEventsWithinBudget(runs: Map<string, FlowExecutionRecord>, budget: number): void {
  let total = 0;
  for (const run of runs.values()) total += run.eventBytes;
  for (const [arn, run] of runs) {
    if (total < budget) return;
    if (run.status === 'Running') continue;
    total -= run.eventBytes;
    runs.delete(arn);
  }
}

/**
 * A deleted flow or alias takes its executions with it: no request can name them any more (GetFlowExecution finds
 * the flow and alias first), so keeping them would only hold memory. Running ones are stopped.
 */
export function dropExecutions(
  executions: ExecutionRuns,
  runs: Map<string, FlowExecutionRecord>,
  endedAt: string,
  flowId: string,
  aliasId?: string,
): void {
  for (const [arn, run] of runs) {
    if (run.flowId !== flowId || (aliasId !== undefined && run.aliasId !== aliasId)) continue;
    executions.stop(run, endedAt);
    runs.delete(arn);
  }
}
