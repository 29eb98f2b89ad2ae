/**
 * UnsatisfiedConnectionConditions from branching: a Condition node chooses exactly one condition, so a node that
 * needs data or control from two different conditions of the same Condition node can never run (the model's
 * example: "two branches of condition node cannot be simultaneously true"). Each node's requirements (Condition
 * node → condition) flow along connections in topological order; the connection that brings a conflicting
 * requirement is reported. Nodes on a cycle are left to CyclicConnection.
 */
import { edgesBy, scopeEdges, type Edge } from './edges.js';
import type { Scope } from './scope.js';
import type { Findings } from './validation.js';

type Requirements = Map<string, string>;

export function checkBranches(scope: Scope, findings: Findings): void {
  const edges = scopeEdges(scope);
  const incomingEdges = edgesBy(edges, 'target');
  const requirements = new Map<string, Requirements>();
  for (const node of topologicalOrder(scope, edges)) {
    const own: Requirements = new Map();
    for (const edge of incomingEdges.get(node) ?? []) {
      const upstream = requirements.get(edge.source.name);
      if (!upstream) continue; // its source sits on a cycle
      const incoming = new Map(upstream);
      if (edge.connection.condition !== undefined && edge.source.type === 'Condition') {
        incoming.set(edge.source.name, edge.connection.condition);
      }
      const conflict = [...incoming].find(([conditionNode, condition]) => own.has(conditionNode) && own.get(conditionNode) !== condition);
      if (conflict) {
        const [conditionNode, condition] = conflict;
        findings.add(
          'UnsatisfiedConnectionConditions',
          { connection: edge.connection.name },
          `Connection ${edge.connection.name} makes ${edge.target.label} wait for condition ${condition} of Condition node ${conditionNode}, but it also waits for condition ${own.get(conditionNode)} of that node, and only one condition is ever chosen.`,
        );
        continue;
      }
      for (const [conditionNode, condition] of incoming) own.set(conditionNode, condition);
    }
    requirements.set(node, own);
  }
}

/** Kahn's algorithm in declaration order; nodes on or after a cycle are left out. */
function topologicalOrder(scope: Scope, edges: readonly Edge[]): string[] {
  const indegree = new Map(scope.nodes.map((n) => [n.name, 0]));
  for (const edge of edges) indegree.set(edge.target.name, indegree.get(edge.target.name)! + 1);
  const outgoing = edgesBy(edges, 'source');
  const order = scope.nodes.filter((n) => indegree.get(n.name) === 0).map((n) => n.name);
  for (let next = 0; next < order.length; next++) {
    for (const edge of outgoing.get(order[next]!) ?? []) {
      const left = indegree.get(edge.target.name)! - 1;
      indegree.set(edge.target.name, left);
      if (left === 0) order.push(edge.target.name);
    }
  }
  return order;
}
