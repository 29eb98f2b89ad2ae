/**
 * Asynchronous status changes of knowledge bases and agents (CREATING → ACTIVE, PREPARING → PREPARED…): the
 * operation answers the in-progress status and readers see the outcome once the emulator's asynchronous-work delay
 * (`prepareDelayMs`, the one PrepareFlow uses) has passed. Applied lazily at the next read, as flow preparation is:
 * no timers.
 */
import type { StatusRecord } from '../world/records.js';
import type { OperationContext } from './context.js';

type Timing = Pick<OperationContext, 'clock' | 'settings'>;

export function beginTransition<S extends string>(
  ctx: Timing,
  record: StatusRecord<S>,
  inProgress: S,
  outcome: S,
  failureReasons?: string[],
): void {
  record.status = inProgress;
  record.failureReasons = undefined;
  record.pending = {
    status: outcome,
    at: ctx.clock() + ctx.settings.prepareDelayMs,
    ...(failureReasons ? { failureReasons } : {}),
  };
}

/** Applies a transition whose time has come; `force` applies it now (fixtures declare settled resources). */
export function settle<S extends string>(ctx: Timing, record: StatusRecord<S>, force = false): void {
  const pending = record.pending;
  if (!pending || (!force && ctx.clock() < pending.at)) return;
  record.pending = undefined;
  record.status = pending.status;
  record.failureReasons = pending.failureReasons;
}
