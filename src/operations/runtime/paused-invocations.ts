/**
 * InvokeFlow runs waiting for a multi-turn answer, per world, each for a limited time (AWS times a waiting run out,
 * docs: flows-multi-turn-invocation) and at most `max` of them: past that, the oldest waiting run is dropped, as if
 * it had timed out, and its executionId no longer resumes anything.
 */
import type { PausedInvocationRecord } from '../../world/records.js';
import type { World } from '../../world/world.js';

/** The run of that id still waiting for its answer; an expired one is dropped. */
export function pausedRun(world: World, executionId: string, now: number): PausedInvocationRecord | undefined {
  const paused = world.executions.paused.get(executionId);
  if (paused && paused.expiresAt <= now) world.executions.paused.delete(executionId);
  return paused && paused.expiresAt > now ? paused : undefined;
}

/** Keeps a run until it is answered or expires (and drops the expired ones, then the oldest past `max`). */
export function keepPaused(world: World, record: PausedInvocationRecord, now: number, max: number): void {
  const { paused } = world.executions;
  for (const [id, run] of paused) if (run.expiresAt <= now) paused.delete(id);
  paused.delete(record.executionId); // a run that asks again goes to the end: it is the newest
  paused.set(record.executionId, record);
  // Insertion order is pause order: the first entries are the oldest.
  for (const id of paused.keys()) {
    if (paused.size <= max) break;
    paused.delete(id);
  }
}
