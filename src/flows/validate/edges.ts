/** The graph of one scope: connections whose both ends are nodes of that scope. */
import type { ConnectionView, NodeView, Scope } from './scope.js';

export interface Edge {
  readonly connection: ConnectionView;
  readonly source: NodeView;
  readonly target: NodeView;
}

export function scopeEdges(scope: Scope): Edge[] {
  return scope.connections.flatMap((connection) => {
    const source = scope.byName.get(connection.source);
    const target = scope.byName.get(connection.target);
    const typed = connection.type === 'Data' || connection.type === 'Conditional';
    return source && target && typed ? [{ connection, source, target }] : [];
  });
}

/** Edges grouped by the name of the node they leave (or enter). */
export function edgesBy(edges: readonly Edge[], end: 'source' | 'target'): Map<string, Edge[]> {
  const grouped = new Map<string, Edge[]>();
  for (const edge of edges) {
    const name = edge[end].name;
    const group = grouped.get(name);
    if (group) group.push(edge);
    else grouped.set(name, [edge]);
  }
  return grouped;
}

/** Names of the nodes reachable from the start nodes (the starts included). */
export function reachableFrom(starts: readonly NodeView[], edges: readonly Edge[]): Set<string> {
  const outgoing = edgesBy(edges, 'source');
  const reached = new Set(starts.map((n) => n.name));
  const queue = [...reached];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    for (const edge of outgoing.get(name) ?? []) {
      if (!reached.has(edge.target.name)) {
        reached.add(edge.target.name);
        queue.push(edge.target.name);
      }
    }
  }
  return reached;
}

/** The key under which two connections are the same connection (DuplicateConnections). */
export function connectionKey(c: ConnectionView): string {
  return JSON.stringify([c.type, c.source, c.target, c.data?.sourceOutput, c.data?.targetInput, c.condition]);
}
