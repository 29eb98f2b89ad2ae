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
    explanation: explanation(decision),
  });
}

/** Assignments, not conditional spreads: this runs for every decision, and spreads are slow on Node 20's V8. */
function explanation(decision: Decision): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (decision.decidedBy) out.statement = decision.decidedBy;
  if (decision.deniedBy) out.deniedBy = decision.deniedBy;
  out.contextKeysRead = decision.contextKeysRead;
  if (decision.note) out.note = decision.note;
  return out;
}
