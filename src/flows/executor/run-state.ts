/** The values one scope of a run has produced so far: the flow itself, one iteration, or one loop round. */
import type { ChainItem } from './events.js';
import type { ScopePlan } from './plan.js';
import type { NodeOutcome } from './runner.js';

/** A node that did not run: its branch was not chosen, or something it reads did not run. */
export const SKIPPED = Symbol('skipped');
export type NodeState = NodeOutcome | typeof SKIPPED;

export class RunScope {
  readonly states = new Map<string, NodeState>();

  constructor(
    readonly plan: ScopePlan,
    /** An iteration sees the scope it runs in; a loop body sees only itself. */
    readonly parent: RunScope | undefined,
    readonly chain: readonly ChainItem[],
    readonly entry: Readonly<Record<string, unknown>>,
  ) {}

  get(name: string): NodeState | undefined {
    return this.states.get(name) ?? this.parent?.get(name);
  }
}

/** An output of a node that ran; undefined when that state carries no such output. */
export function outputValue(state: NodeState | undefined, output: string): unknown {
  if (state === undefined || state === SKIPPED) return undefined;
  if (state.kind === 'outputs') return state.outputs[output];
  if (state.kind === 'items' && output === 'arraySize') return state.items.length;
  return undefined;
}
