/**
 * The run records GET /_emulator/runs serves (docs/runs.md): what one InvokeFlow or flow execution did, node by
 * node, in plain JSON.
 */
import type { ChainItem, NodeDecision, NodeFault } from '../flows/index.js';

/** A downstream call a node made: the model request and answer, the Lambda event and response, the KB query… */
export interface RunCall {
  readonly serviceName: string;
  readonly operationName: string;
  readonly requestId?: string;
  readonly request?: unknown;
  readonly response?: unknown;
}

export interface RunError {
  /** The AWS error type, e.g. `AccessDeniedException`. */
  readonly type: string;
  readonly message: string;
}

export interface RunNodeRecord {
  readonly nodeName: string;
  /** The definition's node type (`Input`, `Prompt`, `LambdaFunction`…), as the flow definition names it. */
  readonly nodeType: string;
  /** The type InvokeFlow's trace events name it by (`FlowInputNode`, `PromptNode`…). */
  readonly runtimeType: string;
  /** Milliseconds after the run (or, for a later turn, its first turn) started. */
  atMs: number;
  durationMs: number;
  /** 1 for the first InvokeFlow of a multi-turn run, 2 for the answer that resumed it, … */
  readonly turn: number;
  /** The Iterator or Loop iterations the node ran inside, outermost first (index = iteration). */
  readonly executionChain?: readonly ChainItem[];
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  calls: RunCall[];
  decisions: NodeDecision[];
  /** Condition nodes: the condition chosen (or `default`). */
  condition?: string;
  /** LoopController nodes: whether the loop went round again. */
  continueLoop?: boolean;
  /** Agent nodes: the question the run paused with. */
  question?: string;
  error?: RunError;
  /** A fault rule that fired for the node's call (docs/faults.md): its id, the call, the injected error or latency. */
  fault?: NodeFault;
}

export type RunKind = 'InvokeFlow' | 'FlowExecution';

export interface RunRecord {
  readonly executionId: string;
  readonly kind: RunKind;
  /** Flow executions: the execution's ARN. */
  readonly executionArn?: string;
  readonly account: string;
  readonly region: string;
  readonly flowId: string;
  readonly flowAliasId: string;
  readonly flowVersion: string;
  /** The principal that called InvokeFlow or StartFlowExecution (the first turn's, for a multi-turn run). */
  readonly caller: string;
  readonly startedAt: string;
  /** Time spent running, every turn together (a multi-turn run's wait for its answer does not count). */
  durationMs: number;
  /**
   * `RUNNING`; then `SUCCESS` or `INPUT_REQUIRED` (InvokeFlow's completionReason), the in-stream exception's event
   * type (e.g. `accessDeniedException`), or `ABORTED` (client gone, StopFlowExecution, reset).
   */
  outcome: string;
  error?: RunError & { readonly nodeName?: string };
  /** The flow input's document, as the first turn gave it. */
  readonly input: unknown;
  /** InvokeFlow calls the run took: 2 or more for a multi-turn run. */
  turns: number;
  nodes: RunNodeRecord[];
  /** JSON bytes of the record as kept (after truncation). */
  bytes: number;
  /** Set when values were cut to keep the record within its byte cap (docs/runs.md#bounds). */
  truncated?: true;
}

export interface RunFilter {
  readonly flowId?: string;
  readonly flowAliasId?: string;
  readonly outcome?: string;
  readonly account?: string;
  /** At most this many, newest first. */
  readonly maxResults?: number;
}

/** What the live feed and emu.onRun() get: a run started, or ended (or paused for an answer). */
export type RunEvent = { readonly type: 'run-started'; readonly run: RunRecord } | { readonly type: 'run'; readonly run: RunRecord };
