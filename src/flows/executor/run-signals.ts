/** How a run stops early: the scheduler throws these through nested iterations and loops to the top. */
import type { AwsError } from '../../protocol/errors.js';

/** A node failed; the run ends with one in-stream exception. */
export class NodeFailure extends Error {
  constructor(
    /** Undefined for failures of the run itself (its role, its bounds). */
    readonly nodeName: string | undefined,
    readonly error: AwsError,
    /** The run hit its wall-time limit (asynchronous executions end TimedOut). */
    readonly timedOut = false,
  ) {
    super(error.message);
  }
}

/** A node asked the user a question: the run stops until InvokeFlow brings the answer. */
export class Paused extends Error {
  constructor(
    readonly nodeName: string,
    readonly nodeType: string,
    readonly question: string,
    readonly index: number,
  ) {
    super(`paused at ${nodeName}`);
  }
}

/** The client went away or StopFlowExecution was called. */
export class Aborted extends Error {}

/**
 * What a run checks between nodes. A plain flag, not an AbortSignal: nothing listens for the abort, and an
 * AbortController (an EventTarget) cost ~7 µs per InvokeFlow on Node 20.
 */
export interface StopSignal {
  aborted: boolean;
  /**
   * What the nodes running now do when the run stops while they wait (an InlineCode node kills its python3
   * child); the scheduler sets it to call each of them.
   */
  onStop?: (() => void) | undefined;
}

/** Stops a run: the scheduler sees the flag before the next node; the node waiting now is told at once. */
export function stopRun(signal: StopSignal): void {
  signal.aborted = true;
  const onStop = signal.onStop;
  signal.onStop = undefined;
  onStop?.();
}
