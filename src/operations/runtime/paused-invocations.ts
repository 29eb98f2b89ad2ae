/** InvokeFlow runs waiting for a multi-turn answer, per world, each for a limited time. */
import type { PausedInvocationRecord } from '../../world/records.js';
import type { World } from '../../world/world.js';

/** The run of that id still waiting for its answer; an expired one is dropped. */
export function pausedRun(world: World, executionId: string, now: number): PausedInvocationRecord | undefined {
  const paused = world.executions.paused.get(executionId);
  if (paused && paused.expiresAt <= now) world.executions.paused.delete(executionId);
  return paused && paused.expiresAt > now ? paused : undefined;
}

/** Keeps a run until it is answered or expires (and drops the expired ones). */
export function keepPaused(world: World, record: PausedInvocationRecord, now: number): void {
  for (const [id, paused] of world.executions.paused) if (paused.expiresAt <= now) world.executions.paused.delete(id);
  world.executions.paused.set(record.executionId, record);
}
