/**
 * Who watches a run besides its event sink: the emulator's run records (src/runs/). Fed from the scheduler's own
 * data (node inputs, outcomes, the calls runners report through NodeContext.action, the role's decisions), so it
 * sees every run whether or not trace events are sent, and does not depend on their wire shape.
 */
import type { AwsError } from '../../protocol/errors.js';
import type { ChainItem, NodeAction } from './events.js';
import type { NodeOutcome } from './runner.js';

/** One execution-role check made for a node (the decision log has the same one, with its statement). */
export interface NodeDecision {
  readonly action: string;
  readonly resource: string;
  readonly decision: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';
  /** False in `audit` mode, where a denial is logged but the call goes on. */
  readonly enforced: boolean;
  /** The deciding statement, as the decision log shows it. */
  readonly statement?: unknown;
}

/** A node that starts running: not one that is skipped, nor one a resumed run replays from its checkpoint. */
export interface NodeStart {
  readonly nodeName: string;
  /** The definition's node type (`Prompt`, `LambdaFunction`…). */
  readonly nodeType: string;
  /** The type runtime events name it by (`PromptNode`, `FlowInputNode`…). */
  readonly runtimeType: string;
  readonly inputs: Readonly<Record<string, unknown>>;
  /** The Iterator or Loop iterations it runs inside, outermost first. */
  readonly chain: readonly ChainItem[];
}

/** A fault rule that fired for one of the node's calls (docs/faults.md). */
export interface NodeFault {
  readonly ruleId: string;
  readonly action: string;
  readonly resource: string;
  readonly error?: { readonly type: string; readonly message: string };
  readonly latencyMs?: number;
}

/** What happens to one node run; exactly one of ended, failed or paused is called last. */
export interface NodeObserver {
  call(call: NodeAction): void;
  fault(fault: NodeFault): void;
  decision(decision: NodeDecision): void;
  ended(outcome: NodeOutcome): void;
  failed(error: AwsError): void;
  paused(question: string): void;
}

export interface RunObserver {
  nodeStarted(start: NodeStart): NodeObserver;
}
