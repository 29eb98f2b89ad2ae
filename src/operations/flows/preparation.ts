/**
 * PrepareFlow answers `Preparing` at once and the result shows after `prepareDelayMs` (behaviour-notes §1). The
 * result is computed when PrepareFlow is called and applied lazily, at the next read after the delay: no timers.
 */
import type { FlowRecord, PendingPreparation } from '../../world/records.js';

export function beginPreparation(flow: FlowRecord, preparation: PendingPreparation): void {
  flow.status = 'Preparing';
  flow.preparing = preparation;
}

/** Applies a finished preparation; `force` finishes it now (CreateFlowVersion right after PrepareFlow works on AWS). */
export function settlePreparation(flow: FlowRecord, now: number, force = false): void {
  const p = flow.preparing;
  if (!p || (!force && now < p.readyAt)) return;
  flow.preparing = undefined;
  const failed = p.validations.some((v) => v.severity === 'Error');
  flow.status = failed ? 'Failed' : 'Prepared';
  flow.validations = p.validations.length > 0 ? p.validations : undefined;
  if (!failed) flow.prepared = p.snapshot;
}
