/**
 * A flow definition as a graph to lay out (ELK's JSON graph, https://eclipse.dev/elk/documentation/tooldevelopers/graphdatastructure/jsonformat.html)
 * and what to mark on it: PrepareFlow validations by the nodes and connections they name, a run's path by the nodes
 * it ran. Plain data in, plain data out, so the browser code (src/ui/client) only draws, and node tests can check it.
 */
import type { FlowConnection, FlowDefinition, FlowNode } from '../generated/types.js';
import { reachable } from '../graph-reach.js';

export const HEADER = 30;
export const ROW = 18;
const CHAR = 7;
const MIN_WIDTH = 150;

export interface PortModel {
  id: string;
  name: string;
  side: 'in' | 'out';
  /** A condition of a Condition node: its conditional connections leave from here. */
  condition?: boolean;
}

/** One node of the drawing; its id is its name, prefixed by the Loop nodes it sits in (`Loop/Inner`). */
export interface NodeModel {
  id: string;
  name: string;
  type: string;
  inputs: PortModel[];
  outputs: PortModel[];
  /** A Loop's inner definition, or the per-item nodes of an iteration group, drawn inside it. */
  children: NodeModel[];
  edges: EdgeModel[];
  /**
   * Set on a box that is no node of the definition: the nodes an Iterator's items run through before its Collector
   * (`name` is the Iterator's, `collector` the Collector's when there is one).
   */
  iteration?: { collector?: string };
}

export interface EdgeModel {
  id: string;
  name: string;
  kind: 'Data' | 'Conditional';
  sourceNode: string;
  targetNode: string;
  sourcePort?: string;
  targetPort?: string;
  label?: string;
}

export interface GraphModel {
  nodes: NodeModel[];
  edges: EdgeModel[];
}

const asArray = <T>(value: T[] | undefined): T[] => (Array.isArray(value) ? value : []);
const portId = (node: string, side: 'in' | 'out', name: string) => `${node}\u0000${side}\u0000${name}`;

/** Builds the graph of a definition; unknown names in connections still draw (node to node), as the validations report them. */
export function graphOf(definition: FlowDefinition | undefined, prefix = ''): GraphModel {
  const nodes = asArray(definition?.nodes)
    .filter((n): n is FlowNode => typeof n?.name === 'string')
    .map((n) => nodeOf(n, prefix));
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const edges = asArray(definition?.connections)
    .filter((c): c is FlowConnection => typeof c?.source === 'string' && typeof c?.target === 'string')
    .filter((c) => byName.has(c.source) && byName.has(c.target))
    .map((c) => edgeOf(c, byName, prefix));
  return groupIterations(nodes, edges, prefix);
}

/**
 * Boxes each Iterator's per-item nodes: what its `arrayItem` output reaches without passing a Collector, minus what
 * only the Collector's result reaches — the rule the executor runs them by (src/flows/executor/plan.ts). Connections
 * between two boxed nodes go inside the box; the others stay outside and cross its border (ELK routes edges across
 * compound nodes under INCLUDE_CHILDREN, with coordinates relative to the scope they are declared in).
 */
function groupIterations(nodes: NodeModel[], edges: EdgeModel[], prefix: string): GraphModel {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const boxed = new Map<string, NodeModel>();
  const groups: NodeModel[] = [];
  for (const iterator of nodes) {
    if (iterator.type !== 'Iterator' || boxed.has(iterator.id)) continue;
    const items = edges.filter((e) => e.sourceNode === iterator.id && e.sourcePort === portId(iterator.id, 'out', 'arrayItem'));
    const targets = (id: string) => edges.filter((e) => e.sourceNode === id).map((e) => e.targetNode);
    const reached = reachable(
      items.map((e) => e.targetNode),
      targets,
      (id) => byId.get(id)?.type !== 'Collector',
    );
    const collector = nodes.find((n) => n.type === 'Collector' && reached.has(n.id));
    const after = collector ? reachable([collector.id], targets, () => true) : new Set<string>();
    const body = nodes.filter((n) => reached.has(n.id) && n !== collector && !after.has(n.id) && !boxed.has(n.id) && n !== iterator);
    if (body.length === 0) continue;
    const group: NodeModel = {
      id: `${prefix}${iterator.name}\u0000items`,
      name: iterator.name,
      type: 'Iteration',
      inputs: [],
      outputs: [],
      children: body,
      edges: [],
      iteration: collector ? { collector: collector.name } : {},
    };
    for (const n of body) boxed.set(n.id, group);
    groups.push(group);
  }
  if (groups.length === 0) return { nodes, edges };
  const outer: EdgeModel[] = [];
  for (const e of edges) {
    const box = boxed.get(e.sourceNode);
    if (box && box === boxed.get(e.targetNode)) box.edges.push(e);
    else outer.push(e);
  }
  // Each box where its first node was, so the declaration order ELK breaks ties by stays the definition's.
  const placed = new Set<NodeModel>();
  const top: NodeModel[] = [];
  for (const n of nodes) {
    const box = boxed.get(n.id);
    if (!box) top.push(n);
    else if (!placed.has(box)) {
      placed.add(box);
      top.push(box);
    }
  }
  return { nodes: top, edges: outer };
}

function nodeOf(node: FlowNode, prefix: string): NodeModel {
  const id = `${prefix}${node.name}`;
  const inputs = asArray(node.inputs).map((i) => ({ id: portId(id, 'in', i.name), name: i.name, side: 'in' as const }));
  const outputs: PortModel[] = asArray(node.outputs).map((o) => ({ id: portId(id, 'out', o.name), name: o.name, side: 'out' as const }));
  for (const c of asArray(node.configuration?.condition?.conditions)) {
    outputs.push({ id: portId(id, 'out', `?${c.name}`), name: c.name, side: 'out', condition: true });
  }
  const inner = node.type === 'Loop' ? graphOf(node.configuration?.loop?.definition, `${id}/`) : { nodes: [], edges: [] };
  return { id, name: node.name, type: String(node.type), inputs, outputs, children: inner.nodes, edges: inner.edges };
}

function edgeOf(c: FlowConnection, byName: Map<string, NodeModel>, prefix: string): EdgeModel {
  const source = byName.get(c.source)!;
  const target = byName.get(c.target)!;
  const base = { id: `${prefix}${c.name}`, name: c.name, sourceNode: source.id, targetNode: target.id };
  if (c.type === 'Conditional') {
    const condition = c.configuration?.conditional?.condition ?? '';
    const port = source.outputs.find((p) => p.condition && p.name === condition);
    return { ...base, kind: 'Conditional', label: condition, ...(port ? { sourcePort: port.id } : {}) };
  }
  const data = c.configuration?.data;
  const out = source.outputs.find((p) => !p.condition && p.name === data?.sourceOutput);
  const into = target.inputs.find((p) => p.name === data?.targetInput);
  return { ...base, kind: 'Data', ...(out ? { sourcePort: out.id } : {}), ...(into ? { targetPort: into.id } : {}) };
}

/** A node's size before layout: a header, then one row per port on the longer side. */
export function nodeSize(node: NodeModel): { width: number; height: number } {
  const longest = Math.max(node.name.length + 4, node.type.length + 4);
  const widestRow = Math.max(0, ...node.inputs.map((p) => p.name.length)) + Math.max(0, ...node.outputs.map((p) => p.name.length)) + 4;
  const width = Math.max(MIN_WIDTH, Math.max(longest, widestRow) * CHAR);
  const height = HEADER + Math.max(1, node.inputs.length, node.outputs.length) * ROW + 6;
  return { width, height };
}

/** The ELK JSON graph of a model: fixed port positions (drawn where ELK is told), compound nodes for loops. */
export function elkGraph(model: GraphModel): ElkInput {
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      'elk.spacing.nodeNode': '30',
      'elk.edgeRouting': 'SPLINES',
    },
    children: model.nodes.map(elkNode),
    edges: model.edges.map(elkEdge),
  };
}

export interface ElkInput {
  id: string;
  width?: number;
  height?: number;
  layoutOptions?: Record<string, string>;
  ports?: { id: string; x?: number; y?: number; width: number; height: number; layoutOptions?: Record<string, string> }[];
  children?: ElkInput[];
  edges?: { id: string; sources: string[]; targets: string[] }[];
}

function elkNode(node: NodeModel): ElkInput {
  if (node.iteration) {
    return {
      id: node.id,
      layoutOptions: { 'elk.padding': `[top=${HEADER + 6},left=16,bottom=16,right=16]` },
      children: node.children.map(elkNode),
      edges: node.edges.map(elkEdge),
    };
  }
  if (node.children.length > 0) {
    return {
      id: node.id,
      layoutOptions: { 'elk.padding': `[top=${HEADER + 10},left=20,bottom=20,right=20]`, 'elk.portConstraints': 'FIXED_SIDE' },
      ports: [
        ...node.inputs.map((p) => ({ id: p.id, width: 8, height: 8, layoutOptions: { 'elk.port.side': 'WEST' } })),
        ...node.outputs.map((p) => ({ id: p.id, width: 8, height: 8, layoutOptions: { 'elk.port.side': 'EAST' } })),
      ],
      children: node.children.map(elkNode),
      edges: node.edges.map(elkEdge),
    };
  }
  const { width, height } = nodeSize(node);
  return {
    id: node.id,
    width,
    height,
    layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
    ports: [
      ...node.inputs.map((p, i) => ({ id: p.id, x: -4, y: portY(i) - 4, width: 8, height: 8 })),
      ...node.outputs.map((p, i) => ({ id: p.id, x: width - 4, y: portY(i) - 4, width: 8, height: 8 })),
    ],
  };
}

/** The y of the i-th port row's centre, from the node's top. */
export const portY = (i: number) => HEADER + i * ROW + ROW / 2;

function elkEdge(edge: EdgeModel) {
  return { id: edge.id, sources: [edge.sourcePort ?? edge.sourceNode], targets: [edge.targetPort ?? edge.targetNode] };
}

/** The node and connection names a validation names (its `details` members: node, source, target, connection). */
export function validationTargets(validation: unknown): { nodes: string[]; connections: string[] } {
  const nodes: string[] = [];
  const connections: string[] = [];
  const details = (validation as { details?: Record<string, unknown> } | undefined)?.details;
  for (const detail of Object.values(details ?? {})) {
    if (typeof detail !== 'object' || detail === null) continue;
    for (const [key, value] of Object.entries(detail)) {
      if (typeof value !== 'string') continue;
      if (key === 'node' || key === 'source' || key === 'target') nodes.push(value);
      else if (key === 'connection') connections.push(value);
    }
  }
  return { nodes, connections };
}

/** A run record's node as GET /_emulator/runs serves it (the fields the workbench reads; src/runs/run-record.ts). */
export interface RunNode {
  nodeName: string;
  nodeType?: string;
  /** 1 for the first InvokeFlow of a multi-turn run, 2 for the answer that resumed it, … */
  turn?: number;
  inputs?: unknown;
  outputs?: unknown;
  calls?: unknown;
  decisions?: unknown;
  condition?: string;
  question?: string;
  error?: unknown;
}

export interface RunRecord {
  executionId: string;
  account?: string;
  region?: string;
  flowId: string;
  flowAliasId?: string;
  flowVersion?: string;
  caller?: string;
  startedAt?: string;
  durationMs?: number;
  outcome?: string;
  error?: unknown;
  input?: unknown;
  turns?: number;
  nodes?: RunNode[];
}

/** What a run marks on its flow's graph: the nodes it ran, the connections between them, the nodes that failed. */
export interface RunPath {
  ran: Set<string>;
  failed: Map<string, string>;
  connections: Set<string>;
}

/** The path of the whole run, or of one turn of a multi-turn run. */
export function runPath(model: GraphModel, run: RunRecord, turn?: number): RunPath {
  const ran = new Set<string>();
  const failed = new Map<string, string>();
  for (const node of run.nodes ?? []) {
    if (turn !== undefined && (node.turn ?? 1) !== turn) continue;
    ran.add(node.nodeName);
    if (node.error !== undefined && node.error !== null) failed.set(node.nodeName, errorText(node.error));
  }
  const connections = new Set<string>();
  // Connections may cross an iteration box's border: names are looked up across every scope.
  const name = new Map<string, string>();
  const scopes: GraphModel[] = [];
  const collect = (scope: GraphModel) => {
    scopes.push(scope);
    for (const n of scope.nodes) {
      if (!n.iteration) name.set(n.id, n.name);
      collect({ nodes: n.children, edges: n.edges });
    }
  };
  collect(model);
  for (const scope of scopes)
    for (const e of scope.edges) if (ran.has(name.get(e.sourceNode)!) && ran.has(name.get(e.targetNode)!)) connections.add(e.id);
  return { ran, failed, connections };
}

/**
 * The turns of a multi-turn run as a conversation: what went in (the flow input, then each answer) and what came out
 * (the Output nodes' documents, or the question the run paused with).
 */
export function conversationOf(run: RunRecord): { turn: number; said: unknown; answered: unknown; asked?: string }[] {
  const turns = new Map<number, RunNode[]>();
  for (const node of run.nodes ?? []) {
    const turn = node.turn ?? 1;
    turns.set(turn, [...(turns.get(turn) ?? []), node]);
  }
  return [...turns.entries()]
    .sort(([a], [b]) => a - b)
    .map(([turn, nodes]) => {
      const asked = nodes.find((n) => typeof n.question === 'string')?.question;
      const said = turn === 1 ? run.input : nodes[0]?.inputs;
      const answered = nodes.filter((n) => n.nodeType === 'Output').map((n) => n.inputs);
      return { turn, said, answered, ...(asked !== undefined ? { asked } : {}) };
    });
}

export function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null) {
    const e = error as { type?: unknown; message?: unknown };
    if (typeof e.message === 'string') return typeof e.type === 'string' ? `${e.type}: ${e.message}` : e.message;
  }
  return JSON.stringify(error);
}
