/**
 * The route table against the generated operation table: every operation has exactly one route and no route names
 * an operation the service models do not have. Checked when the server is built, so a forgotten route line fails
 * at start-up instead of answering UnknownOperationException at run time.
 */
import { OPERATIONS } from '../generated/operations.js';

/** What is wrong with the table, one sentence per problem; empty when every operation is routed once. */
export function routeCoverageProblems(routes: readonly { readonly operation: string }[]): string[] {
  const counts = new Map<string, number>();
  for (const { operation } of routes) counts.set(operation, (counts.get(operation) ?? 0) + 1);
  const problems: string[] = [];
  for (const operation of Object.keys(OPERATIONS)) {
    if (!counts.has(operation)) problems.push(`operation ${operation} has no route`);
  }
  for (const [operation, count] of counts) {
    if (!Object.hasOwn(OPERATIONS, operation)) problems.push(`route ${operation} names no operation of the service models`);
    else if (count > 1) problems.push(`operation ${operation} has ${count} routes`);
  }
  return problems;
}

export function assertEveryOperationRouted(routes: readonly { readonly operation: string }[]): void {
  const problems = routeCoverageProblems(routes);
  if (problems.length > 0) throw new Error(`route table: ${problems.join('; ')}`);
}
