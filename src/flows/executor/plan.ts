/**
 * The run plan of a frozen definition: every node with its parsed input expressions, where each input comes from,
 * who reads each output, the conditions that gate it and its runner's compiled form; then the order to run them
 * in. Built once per definition object (versions and prepared drafts are never mutated) and shared by every run.
 *
 * Order: topological, in declaration order among equals. The nodes an Iterator's `arrayItem` reaches, up to its
 * Collector, form the iteration body: they run once per item, where the last of them (or the Collector) would
 * have run, so that everything they read from outside the body is ready.
 */
import { reachable } from '../../graph-reach.js';
import { AwsError } from '../../protocol/errors.js';
import type { FlowConnection, FlowDefinition, FlowNode, FlowNodeInputCategory, FlowNodeIODataType, FlowNodeType } from '../definition.js';
import { parseExpression, type CompiledExpression } from '../expressions/index.js';
import { nodeTypeSpec } from '../node-types.js';
import { NODE_RUNNERS } from '../nodes/registry.js';
import { invalidDefinition, type NodeRunner } from './runner.js';

export interface PlanInput {
  readonly name: string;
  readonly type: FlowNodeIODataType;
  readonly category?: FlowNodeInputCategory;
  readonly expression: CompiledExpression;
  readonly source: { readonly node: string; readonly output: string };
}

export interface PlanOutput {
  readonly name: string;
  readonly type: FlowNodeIODataType;
  readonly next: { readonly nodeName: string; readonly inputFieldName: string }[];
}

export interface PlanNode<C = unknown> {
  readonly name: string;
  readonly type: FlowNodeType;
  /** `nodeType` in runtime events. */
  readonly runtimeType: string;
  readonly definition: FlowNode;
  readonly inputs: readonly PlanInput[];
  readonly outputs: readonly PlanOutput[];
  /** Conditional connections into the node: it runs only when one of them was chosen. */
  readonly gates: readonly { readonly node: string; readonly condition: string }[];
  readonly runner: NodeRunner<C>;
  readonly compiled: C;
}

export type Step =
  | { readonly kind: 'node'; readonly node: PlanNode }
  | { readonly kind: 'iteration'; readonly iterator: PlanNode; readonly body: readonly Step[]; readonly collector?: PlanNode };

export interface ScopePlan {
  readonly nodes: ReadonlyMap<string, PlanNode>;
  readonly steps: readonly Step[];
  /** The Input node of the flow, or the LoopInput node of a loop body. */
  readonly entry: PlanNode;
  /** The LoopController of a loop body. */
  readonly controller?: PlanNode;
}

const plans = new WeakMap<object, ScopePlan | AwsError>();

/** The plan of a flow definition; throws ValidationException when the definition cannot run. */
export function compileFlow(definition: FlowDefinition | undefined): ScopePlan {
  const key = definition ?? EMPTY;
  let plan = plans.get(key);
  if (!plan) {
    try {
      plan = compileScope(key, undefined);
    } catch (err) {
      if (!(err instanceof AwsError)) throw err;
      plan = err;
    }
    plans.set(key, plan);
  }
  if (plan instanceof AwsError) throw plan;
  return plan;
}

const EMPTY: FlowDefinition = {};

interface Edge {
  readonly source: string;
  readonly target: string;
  /** For Data connections: the source output. */
  readonly output?: string;
}

function compileScope(definition: FlowDefinition, loopNode: string | undefined): ScopePlan {
  const where = loopNode ? ` in the body of Loop node ${loopNode}` : '';
  const drafts = new Map<string, DraftNode>();
  for (const node of definition.nodes ?? []) {
    if (!nodeTypeSpec(node.type)) throw invalidDefinition(`node ${node.name} has the unknown type ${String(node.type)}.`);
    if (drafts.has(node.name)) throw invalidDefinition(`more than one node is named ${node.name}${where}.`);
    drafts.set(node.name, draftOf(node));
  }
  const edges = (definition.connections ?? []).map((c) => connect(c, drafts, where));
  for (const draft of drafts.values()) {
    const unfed = draft.inputs.find((i) => !i.source);
    if (unfed) throw invalidDefinition(`input ${unfed.name} of node ${draft.node.name} has no connection.`);
  }
  const order = topologicalOrder([...drafts.keys()], edges, where);
  const tools = { compileBody: (body: unknown, loop: string) => compileScope((body ?? {}) as FlowDefinition, loop) };
  const nodes = new Map<string, PlanNode>(order.map((name) => [name, finish(drafts.get(name)!, tools)]));
  const entryType = loopNode ? 'LoopInput' : 'Input';
  const entry = [...nodes.values()].find((n) => n.type === entryType);
  if (!entry) throw invalidDefinition(`there is no ${entryType} node${where}.`);
  const controller = loopNode ? [...nodes.values()].find((n) => n.type === 'LoopController') : undefined;
  if (loopNode && !controller) throw invalidDefinition(`there is no LoopController node${where}.`);
  return {
    nodes,
    steps: stepsOf(
      order.map((n) => nodes.get(n)!),
      edges,
    ),
    entry,
    ...(controller ? { controller } : {}),
  };
}

interface DraftNode {
  readonly node: FlowNode;
  readonly inputs: {
    name: string;
    type: FlowNodeIODataType;
    category?: FlowNodeInputCategory;
    expression: CompiledExpression;
    source?: PlanInput['source'];
  }[];
  readonly outputs: PlanOutput[];
  readonly gates: { node: string; condition: string }[];
}

function draftOf(node: FlowNode): DraftNode {
  const inputs = (node.inputs ?? []).map((input) => {
    const parsed = parseExpression(input.expression);
    if (!parsed.ok) throw invalidDefinition(`the expression of input ${input.name} of node ${node.name} is malformed: ${parsed.cause}`);
    return { name: input.name, type: input.type, ...(input.category ? { category: input.category } : {}), expression: parsed.expression };
  });
  const outputs = (node.outputs ?? []).map((o) => ({ name: o.name, type: o.type, next: [] }));
  return { node, inputs, outputs, gates: [] };
}

function connect(c: FlowConnection, drafts: ReadonlyMap<string, DraftNode>, where: string): Edge {
  const source = drafts.get(c.source);
  const target = drafts.get(c.target);
  if (!source || !target) throw invalidDefinition(`connection ${c.name} joins nodes that do not exist${where}.`);
  if (c.type === 'Conditional') {
    const condition = c.configuration?.conditional.condition;
    if (!condition) throw invalidDefinition(`conditional connection ${c.name} names no condition.`);
    target.gates.push({ node: c.source, condition });
    return { source: c.source, target: c.target };
  }
  const data = c.configuration?.data;
  const input = target.inputs.find((i) => i.name === data?.targetInput);
  const output = source.outputs.find((o) => o.name === data?.sourceOutput);
  if (!data || !input || !output) throw invalidDefinition(`connection ${c.name} does not join a declared output to a declared input.`);
  if (input.source) throw invalidDefinition(`input ${input.name} of node ${c.target} has more than one connection.`);
  input.source = { node: c.source, output: output.name };
  output.next.push({ nodeName: c.target, inputFieldName: input.name });
  return { source: c.source, target: c.target, output: output.name };
}

function finish(draft: DraftNode, tools: { compileBody(body: unknown, loop: string): ScopePlan }): PlanNode {
  const { node } = draft;
  const runner = NODE_RUNNERS[node.type] as NodeRunner<unknown>;
  return {
    name: node.name,
    type: node.type,
    runtimeType: nodeTypeSpec(node.type)!.runtimeNodeType,
    definition: node,
    inputs: draft.inputs as PlanInput[],
    outputs: draft.outputs,
    gates: draft.gates,
    runner,
    compiled: runner.compile?.(node, tools),
  };
}

/** Kahn's algorithm; of the nodes ready to run, the one declared first runs first. */
function topologicalOrder(names: readonly string[], edges: readonly Edge[], where: string): string[] {
  const indegree = new Map(names.map((n) => [n, 0]));
  for (const e of edges) indegree.set(e.target, indegree.get(e.target)! + 1);
  const order: string[] = [];
  const ready = new Set(names.filter((n) => indegree.get(n) === 0));
  while (ready.size > 0) {
    const name = names.find((n) => ready.has(n))!;
    ready.delete(name);
    order.push(name);
    for (const e of edges) {
      if (e.source !== name) continue;
      const left = indegree.get(e.target)! - 1;
      indegree.set(e.target, left);
      if (left === 0) ready.add(e.target);
    }
  }
  if (order.length < names.length) throw invalidDefinition(`its connections form a cycle${where}.`);
  return order;
}

function stepsOf(order: readonly PlanNode[], edges: readonly Edge[]): Step[] {
  const position = new Map(order.map((n, i) => [n.name, i]));
  const inIteration = new Set<string>();
  const iterations = new Map<number, Step>();
  for (const iterator of order.filter((n) => n.type === 'Iterator')) {
    const { body, collector } = iterationOf(iterator, order, edges);
    for (const n of body) inIteration.add(n.name);
    if (collector) inIteration.add(collector.name);
    const last = Math.max(...[...body, ...(collector ? [collector] : [])].map((n) => position.get(n.name)!), position.get(iterator.name)!);
    iterations.set(last, {
      kind: 'iteration',
      iterator,
      body: body.map((node) => ({ kind: 'node', node })),
      ...(collector ? { collector } : {}),
    });
  }
  return order.flatMap((node, i) => {
    const own: Step[] = inIteration.has(node.name) ? [] : [{ kind: 'node', node }];
    const iteration = iterations.get(i);
    return iteration ? [...own, iteration] : own;
  });
}

/** What `arrayItem` reaches without passing a Collector, minus what only the Collector's result reaches. */
function iterationOf(iterator: PlanNode, order: readonly PlanNode[], edges: readonly Edge[]) {
  const byName = new Map(order.map((n) => [n.name, n]));
  const first = edges.filter((e) => e.source === iterator.name && e.output === 'arrayItem').map((e) => e.target);
  const targets = (name: string) => edges.filter((e) => e.source === name).map((e) => e.target);
  const reached = reachable(first, targets, (name) => byName.get(name)!.type !== 'Collector');
  const collector = order.find((n) => n.type === 'Collector' && reached.has(n.name));
  const afterCollector = collector ? reachable([collector.name], targets, () => true) : new Set<string>();
  const body = order.filter((n) => reached.has(n.name) && n !== collector && !afterCollector.has(n.name));
  return { body, collector };
}
