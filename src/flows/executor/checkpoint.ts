/**
 * Where a paused run stopped (multi-turn: an Agent node asked the user a question). Outside src/flows/executor a
 * checkpoint is opaque: a value to keep and hand back to runFlow with the answer. It is plain JSON data (null,
 * never undefined or holes), so it survives JSON.stringify/parse and structuredClone, and a state file could keep it.
 */
import { internal } from '../../protocol/errors.js';
import type { RunCheckpoint } from '../../world/records.js';
import type { NodeOutcome } from './runner.js';

export type { RunCheckpoint };

/** A finished node run: its outcome, and how many node runs it contained (a Loop's body). */
export interface MemoEntry {
  readonly outcome: NodeOutcome;
  readonly span: number;
}

/** Bumped when the shape changes, so that a checkpoint kept by an older emulator is refused, not misread. */
const VERSION = 1;

export interface CheckpointData {
  readonly version: typeof VERSION;
  /** The flow input document the run started from: resuming replays the plan from it. */
  readonly document: unknown;
  /** The outcome of each node run before the pause, by run index (null: inside a Loop's span, or skipped). */
  readonly memo: readonly (MemoEntry | null)[];
  /** The run index of the node waiting for the answer. */
  readonly waitingIndex: number;
  /** What that node asked so far in this exchange, so that a rule does not ask the same question twice. */
  readonly asked: readonly string[];
  /**
   * How many nodes ran at once: the run indices follow its start order (node-window.ts), so the resumed run keeps it
   * even if the alias changed meanwhile.
   */
  readonly concurrency?: number;
}

export function makeCheckpoint(data: Omit<CheckpointData, 'version'>): RunCheckpoint {
  const checkpoint: CheckpointData = { version: VERSION, ...data };
  return checkpoint as unknown as RunCheckpoint;
}

/** The checkpoint's data; a value that is not one this executor made fails the run instead of misleading it. */
export function readCheckpoint(checkpoint: RunCheckpoint): CheckpointData {
  const data = checkpoint as unknown as Partial<CheckpointData> | null;
  if (data?.version !== VERSION || !Array.isArray(data.memo) || !Array.isArray(data.asked) || !Number.isSafeInteger(data.waitingIndex)) {
    throw internal('The paused flow run cannot be resumed: its checkpoint is not one this emulator made.');
  }
  return data as CheckpointData;
}
