/**
 * Every run of one emulator, newest kept: a ring per account (insertion-ordered maps, the oldest run dropped past
 * `capacity`), each record capped in bytes (cap-record.ts). Owned by the emulator; reset() clears it. Listeners
 * (the live feed, emu.onRun) hear each run start and end; with none, recording costs no serialization but the
 * one that measures a record at its end.
 */
import { capRecord, cutInput, MAX_RECORD_BYTES } from './cap-record.js';
import type { RunEvent, RunFilter, RunRecord } from './run-record.js';
import { RunRecording } from './run-recording.js';
import type { Clock } from '../world/clock.js';

/** Runs kept per account (docs/runs.md#bounds). */
export const RUNS_PER_ACCOUNT = 200;

/** What a run's record starts from: its identity, as the record keeps it, and its input. */
export interface RunStart
  extends Pick<
    RunRecord,
    'kind' | 'executionId' | 'executionArn' | 'account' | 'region' | 'flowId' | 'flowAliasId' | 'flowVersion' | 'caller'
  > {
  readonly input: unknown;
  /** An InvokeFlow answering a paused run: its record goes on instead of a new one. */
  readonly resumes?: boolean;
}

export type RunListener = (event: RunEvent) => void;

export class RunRecorder {
  private rings = new Map<string, Map<string, RunRecord>>();
  private readonly listeners = new Set<RunListener>();

  constructor(
    /** The emulator's clock: a record starts at its wall time (real, also under a seed); nodes are timed monotonic. */
    private readonly clock: Clock,
    private readonly capacity = RUNS_PER_ACCOUNT,
    private readonly maxRecordBytes = MAX_RECORD_BYTES,
  ) {}

  begin(start: RunStart): RunRecording {
    let ring = this.rings.get(start.account);
    if (!ring) this.rings.set(start.account, (ring = new Map()));
    const kept = start.resumes ? ring.get(start.executionId) : undefined;
    let record: RunRecord;
    if (kept && kept.outcome === 'INPUT_REQUIRED') {
      record = kept;
      record.outcome = 'RUNNING';
      record.turns++;
    } else {
      const input = cutInput(start.input);
      record = {
        executionId: start.executionId,
        kind: start.kind,
        ...(start.executionArn ? { executionArn: start.executionArn } : {}),
        account: start.account,
        region: start.region,
        flowId: start.flowId,
        flowAliasId: start.flowAliasId,
        flowVersion: start.flowVersion,
        caller: start.caller,
        startedAt: new Date(this.clock.epochMs()).toISOString(),
        durationMs: 0,
        outcome: 'RUNNING',
        input,
        turns: 1,
        nodes: [],
        bytes: 0,
        ...(input !== start.input ? { truncated: true as const } : {}),
      };
    }
    // Delete first: a run that goes on (or reuses an id) becomes the newest.
    ring.delete(record.executionId);
    ring.set(record.executionId, record);
    for (const id of ring.keys()) {
      if (ring.size <= this.capacity) break;
      ring.delete(id);
    }
    this.announce('run-started', record);
    return new RunRecording(record, this.clock, (ended) => {
      capRecord(ended, this.maxRecordBytes);
      this.announce('run', ended);
    });
  }

  /** Newest first, every account together unless the filter names one. */
  list(filter: RunFilter = {}): RunRecord[] {
    const rings = filter.account !== undefined ? [this.rings.get(filter.account) ?? new Map()] : [...this.rings.values()];
    const all = rings.flatMap((ring) => [...ring.values()]);
    const matching = all.filter(
      (r) =>
        (filter.flowId === undefined || r.flowId === filter.flowId) &&
        (filter.flowAliasId === undefined || r.flowAliasId === filter.flowAliasId) &&
        (filter.outcome === undefined || r.outcome === filter.outcome),
    );
    // Rings are in order of (re)start, oldest first; accounts interleave by start time.
    const newest = rings.length === 1 ? matching.reverse() : matching.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    return filter.maxResults !== undefined ? newest.slice(0, filter.maxResults) : newest;
  }

  get(executionId: string): RunRecord | undefined {
    for (const ring of this.rings.values()) {
      const record = ring.get(executionId);
      if (record) return record;
    }
    return undefined;
  }

  /** Returns the function that unsubscribes. */
  onRun(listener: RunListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.rings = new Map();
  }

  private announce(type: RunEvent['type'], run: RunRecord): void {
    if (this.listeners.size === 0) return;
    const event: RunEvent = { type, run };
    // A listener that throws must not fail the run it hears about.
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {}
    }
  }
}
