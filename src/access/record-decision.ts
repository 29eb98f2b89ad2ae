/** One shape for every decision the log keeps, whoever was asking (a caller, or a flow's execution role). */
import type { Decision } from '../iam/index.js';
import type { DecisionLog } from './decision-log.js';

export function recordDecision(
  log: DecisionLog,
  principal: string,
  action: string,
  resource: string,
  decision: Decision,
  enforced: boolean,
): void {
  log.add({
    time: new Date().toISOString(),
    principal,
    action,
    resource,
    decision: decision.decision,
    enforced,
    explanation: {
      ...(decision.decidedBy ? { statement: decision.decidedBy } : {}),
      ...(decision.deniedBy ? { deniedBy: decision.deniedBy } : {}),
      contextKeysRead: decision.contextKeysRead,
      ...(decision.note ? { note: decision.note } : {}),
    },
  });
}
