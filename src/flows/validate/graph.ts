/**
 * The shape of the graph: the flow needs an Input node (MissingStartingNodes) and an Output node
 * (MissingEndingNodes); every node must be reachable from the Input node, or from the LoopInput node in a loop
 * body (UnreachableNode); connections must not form a cycle (CyclicConnection, reported on the connection that
 * closes it; a loop's repetition is the Loop node's business, never a connection).
 */
import { edgesBy, reachableFrom, scopeEdges, type Edge } from './edges.js';
import type { Scope } from './scope.js';
import type { Findings } from './validation.js';

export function checkEnds(scope: Scope, findings: Findings): void {
  if (!scope.nodes.some((n) => n.type === 'Input')) findings.add('MissingStartingNodes', {}, 'The flow has no Input node.');
  if (!scope.nodes.some((n) => n.type === 'Output')) findings.add('MissingEndingNodes', {}, 'The flow has no Output node.');
}

export function checkReachability(scope: Scope, findings: Findings): void {
  const startType = scope.loopNode === undefined ? 'Input' : 'LoopInput';
  const starts = scope.nodes.filter((n) => n.type === startType);
  if (starts.length === 0) return; // reported as a missing Input / LoopInput node
  const reached = reachableFrom(starts, scopeEdges(scope));
  const from = scope.loopNode === undefined ? 'the flow input node' : `the LoopInput node of Loop node ${scope.loopNode}`;
  for (const node of scope.nodes) {
    if (!reached.has(node.name)) {
      findings.add('UnreachableNode', { node: node.name }, `${node.label} cannot be reached from ${from}.`);
    }
  }
}

export function checkCycles(scope: Scope, findings: Findings): void {
  for (const edge of backEdges(scope)) {
    findings.add(
      'CyclicConnection',
      { connection: edge.connection.name },
      `Connection ${edge.connection.name} from ${edge.source.name} to ${edge.target.name} closes a cycle.`,
    );
  }
}

/** Depth-first search without recursion (hostile input may be deep): edges into a node still on the path. */
function backEdges(scope: Scope): Edge[] {
  const outgoing = edgesBy(scopeEdges(scope), 'source');
  const state = new Map<string, 'open' | 'done'>();
  const found: Edge[] = [];
  for (const root of scope.nodes) {
    if (state.has(root.name)) continue;
    const stack: { name: string; next: number }[] = [{ name: root.name, next: 0 }];
    state.set(root.name, 'open');
    while (stack.length > 0) {
      const frame = stack.at(-1)!;
      const edge = outgoing.get(frame.name)?.[frame.next++];
      if (!edge) {
        state.set(frame.name, 'done');
        stack.pop();
      } else if (state.get(edge.target.name) === 'open') {
        found.push(edge);
      } else if (!state.has(edge.target.name)) {
        state.set(edge.target.name, 'open');
        stack.push({ name: edge.target.name, next: 0 });
      }
    }
  }
  return found;
}
