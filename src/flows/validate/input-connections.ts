/**
 * Every declared input needs exactly one incoming data connection: none is UnfulfilledNodeInput, several is
 * MultipleNodeInputConnections. Exact duplicates count once (they are DuplicateConnections, a Warning).
 */
import { connectionKey } from './edges.js';
import { connectableInputs } from './ports.js';
import type { Scope } from './scope.js';
import type { Findings } from './validation.js';

export function checkInputConnections(scope: Scope, findings: Findings): void {
  const feeds = new Map<string, Set<string>>();
  for (const c of scope.connections) {
    if (!c.data) continue;
    const key = JSON.stringify([c.target, c.data.targetInput]);
    feeds.set(key, (feeds.get(key) ?? new Set()).add(connectionKey(c)));
  }
  for (const node of scope.nodes) {
    const valid = connectableInputs(node);
    for (const input of node.inputs) {
      if (!valid.has(input.name)) continue;
      const count = feeds.get(JSON.stringify([node.name, input.name]))?.size ?? 0;
      if (count === 0) {
        findings.add(
          'UnfulfilledNodeInput',
          { node: node.name, input: input.name },
          `Input ${input.name} of ${node.label} has no incoming data connection.`,
        );
      } else if (count > 1) {
        findings.add(
          'MultipleNodeInputConnections',
          { node: node.name, input: input.name },
          `Input ${input.name} of ${node.label} has ${count} incoming data connections; it takes exactly one.`,
        );
      }
    }
  }
}
