/**
 * A run's node-by-node progress at debug (docs/logging.md, debug): one line per node run
 * or skip, with its type, duration and how it ended. Only made when debug is enabled (Scheduler).
 */
import type { PlanNode } from './plan.js';
import type { RunLog } from '../../run-log.js';
import { tenths } from '../../run-log.js';
import type { NodeOutcome } from './runner.js';

function describe(outcome: NodeOutcome): string {
  switch (outcome.kind) {
    case 'outputs':
      return 'ok';
    case 'branch':
      return `condition ${outcome.condition}`;
    case 'items':
      return `${outcome.items.length} item(s)`;
    case 'loopControl':
      return outcome.continueLoop ? 'loop continues' : 'loop ends';
    case 'question':
      return 'asks the user';
  }
}

/** `elapsedMs`: the node's run in the emulator's monotonic time (Scheduler). */
export function logNodeRun(log: RunLog, node: PlanNode, elapsedMs: number, outcome: NodeOutcome | { failed: string }): void {
  const durationMs = tenths(elapsedMs);
  const result = 'failed' in outcome ? `failed: ${outcome.failed}` : describe(outcome);
  log.debug(
    { node: node.name, nodeType: node.runtimeType, durationMs, outcome: result },
    `node ${node.name} (${node.runtimeType}) ${result} ${durationMs}ms`,
  );
}

export function logNodeSkipped(log: RunLog, node: PlanNode): void {
  log.debug({ node: node.name, nodeType: node.runtimeType, outcome: 'skipped' }, `node ${node.name} (${node.runtimeType}) skipped`);
}
