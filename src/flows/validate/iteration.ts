/**
 * A Collector gathers what an Iterator spread: one that no Iterator feeds, directly or through the per-item
 * nodes, has nothing to collect. No validation type names this: Unspecified.
 */
import { reachableFrom, scopeEdges } from './edges.js';
import type { Scope } from './scope.js';
import type { Findings } from './validation.js';

export function checkCollectors(scope: Scope, findings: Findings): void {
  const collectors = scope.nodes.filter((n) => n.type === 'Collector');
  if (collectors.length === 0) return;
  const iterated = reachableFrom(
    scope.nodes.filter((n) => n.type === 'Iterator'),
    scopeEdges(scope),
  );
  for (const collector of collectors) {
    if (!iterated.has(collector.name)) findings.unspecified(`${collector.label} is not downstream of an Iterator node.`);
  }
}
