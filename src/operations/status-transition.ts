/**
 * Asynchronous status changes (a flow's Preparing → Prepared/Failed, a knowledge base's CREATING → ACTIVE, an
 * agent's PREPARING → PREPARED…): the operation answers the in-progress status and readers see the outcome once the
 * emulator's asynchronous-work delay (`prepareDelayMs`) has passed. Applied lazily at the next read: no timers.
 */
import type { StatusRecord } from '../world/records.js';
import type { OperationContext } from './context.js';

type Timing = Pick<OperationContext, 'clock' | 'settings'>;

export function beginTransition<R extends StatusRecord<string, R>>(
  ctx: Timing,
  record: R,
  inProgress: R['status'],
  outcome: R['status'],
  changes: Partial<R> = {},
): void {
  record.status = inProgress;
  record.failureReasons = undefined;
  record.pending = { status: outcome, at: ctx.clock.epochMs() + ctx.settings.prepareDelayMs, changes };
}

/** Applies a transition whose time has come; `force` applies it now (fixtures declare settled resources). */
export function settle<R extends StatusRecord<string, R>>(ctx: Timing, record: R, force = false): void {
  const pending = record.pending;
  if (!pending || (!force && ctx.clock.epochMs() < pending.at)) return;
  record.pending = undefined;
  record.status = pending.status;
  Object.assign(record, pending.changes);
}
