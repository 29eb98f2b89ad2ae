/**
 * The contract between the scheduler and the node runners (src/flows/nodes/<type>.ts): a runner compiles what it
 * can once per frozen definition, then runs with the node's resolved inputs and answers an outcome.
 */
import { validationException } from '../../protocol/errors.js';
import type { FlowNode, FlowNodeConfigurationKey, FlowNodeConfigurationMembers } from '../definition.js';
import type { AgentTracePart, NodeAction } from './events.js';
import type { PlanNode, ScopePlan } from './plan.js';
import type { RunEnvironment } from './run-environment.js';

/** Plain data: outcomes are kept to replay a paused run without running its nodes again. */
export type NodeOutcome =
  | { readonly kind: 'outputs'; readonly outputs: Readonly<Record<string, unknown>> }
  /** Condition: the condition chosen (its name, or `default`). */
  | { readonly kind: 'branch'; readonly condition: string }
  /** Iterator: the items the nodes after it run once each for. */
  | { readonly kind: 'items'; readonly items: readonly unknown[] }
  /** LoopController: whether the loop goes round again, and the controller's inputs by name. */
  | { readonly kind: 'loopControl'; readonly continueLoop: boolean; readonly values: Readonly<Record<string, unknown>> }
  /** Agent: the run stops here until the user answers (multi-turn). Never kept. */
  | { readonly kind: 'question'; readonly text: string };

export const outputs = (values: Readonly<Record<string, unknown>>): NodeOutcome => ({ kind: 'outputs', outputs: values });

export interface NodeContext<C = unknown> {
  readonly node: PlanNode<C>;
  readonly env: RunEnvironment;
  /** What the scope starts from: the flow input for Input, the iteration's values for LoopInput. */
  readonly entry: Readonly<Record<string, unknown>>;
  /** Set when a paused run resumes at this node: the questions it asked so far. */
  readonly asked: readonly string[];
  /** Throws accessDeniedException unless the execution role may call `action` on `resource`. */
  authorize(action: string, resource: string): void;
  /** Calls `stop` if the run is stopped (client gone, StopFlowExecution) while this node waits; at once if it was. */
  onStop(stop: () => void): void;
  /**
   * Reports a call to another service (nodeActionTrace); a function is called only when the run is traced. Ids a
   * runner draws from `env.ids` (a call's request id) are drawn before its first wait, so that with a seed they do
   * not depend on how concurrent nodes interleave.
   */
  action(call: NodeAction | ((requestId: string) => NodeAction)): void;
  /**
   * Reports a call that AWS shows in no trace (only Prompt, Agent and Lambda nodes emit action traces): it goes to
   * the run record alone (docs/runs.md). A function is called only when the run is recorded.
   */
  record(call: NodeAction | (() => NodeAction)): void;
  /** Agent nodes: the agent's own trace parts (nodeDependencyTrace), built only when the run is traced. */
  dependency(build: () => readonly AgentTracePart[]): void;
  /** Output nodes: one flowOutputEvent. */
  emitFlowOutput(document: unknown): void;
  /** Loop nodes: runs the body once from these LoopInput values; the controller's outcome, if it ran. */
  runBody(body: ScopePlan, entry: Readonly<Record<string, unknown>>, iteration: number): Promise<NodeOutcome | undefined>;
}

export interface CompileTools {
  /** Loop nodes: the plan of their body. */
  compileBody(definition: unknown, loopNode: string): ScopePlan;
}

export interface NodeRunner<C = undefined> {
  /** Work that depends only on the definition (parsing conditions, the loop body…), done once per snapshot. */
  compile?(node: FlowNode, tools: CompileTools): C;
  run(ctx: NodeContext<C>, inputs: Readonly<Record<string, unknown>>): NodeOutcome | Promise<NodeOutcome>;
}

/** A definition the executor cannot run: refused before the run starts (PrepareFlow's validation misses none). */
export const invalidDefinition = (reason: string) => validationException(`The flow definition cannot run: ${reason}`);

/** A node's configuration member; a node without it cannot run. */
export function configurationOf<K extends FlowNodeConfigurationKey>(node: FlowNode, key: K): FlowNodeConfigurationMembers[K] {
  const member = (node.configuration as Partial<FlowNodeConfigurationMembers> | undefined)?.[key];
  if (!member) throw invalidDefinition(`node ${node.name} has no ${key} configuration.`);
  return member;
}
