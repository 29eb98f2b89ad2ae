/**
 * The one source of time of an emulator, created with it and passed down its contexts (OperationContext, the run
 * environment, the fakes' options): nothing else in src/ reads Date.now(), new Date() or performance.now().
 * Three readings, because they serve three jobs:
 *   - `timestamp()` is written into records and events (createdAt, updatedAt, event timestamps). With a seed
 *     (`--seed N`) it is a fake clock from 2025-01-01 that ticks one second per reading, so that snapshot-style
 *     tests see the same times on every run.
 *   - `epochMs()` is real wall time for time-based state: preparation delays, idempotency windows, paused-run
 *     expiry, the decision log, SigV4's clock skew and `aws:CurrentTime` (a real client signs in real time).
 *   - `monotonicMs()` measures timeouts and durations; real even with a seed, and never jumps with the wall clock.
 */
import { performance } from 'node:perf_hooks';

export interface Clock {
  /** ISO-8601 time for records and events; deterministic with a seed. */
  timestamp(): string;
  /** Wall-clock milliseconds since the epoch, for time-based state. */
  epochMs(): number;
  /** Monotonic milliseconds, for timeouts and durations. */
  monotonicMs(): number;
}

const SEEDED_EPOCH = Date.UTC(2025, 0, 1);

const epochMs = () => Date.now();
const monotonicMs = () => performance.now();

export function createClock(seed?: number): Clock {
  if (seed === undefined) return { timestamp: () => new Date().toISOString(), epochMs, monotonicMs };
  let tick = 0;
  // One second apart, so that ordering by time is stable and readable.
  return { timestamp: () => new Date(SEEDED_EPOCH + 1000 * tick++).toISOString(), epochMs, monotonicMs };
}
