/**
 * The nodes reachable from `starts` (included) along directed connections, following them only out of the nodes
 * `through` accepts. It decides which nodes an Iterator runs once per item: the executor's plan
 * (src/flows/executor/plan.ts) and the workbench's drawing of that plan (src/ui/graph-model.ts) both use it, so the
 * box the page draws is the set the executor runs. A leaf with no imports: the browser bundle takes it too.
 */
export function reachable(
  starts: readonly string[],
  targets: (node: string) => Iterable<string>,
  through: (node: string) => boolean,
): Set<string> {
  const reached = new Set(starts);
  const queue = starts.filter(through);
  while (queue.length > 0) {
    for (const target of targets(queue.pop()!)) {
      if (reached.has(target)) continue;
      reached.add(target);
      if (through(target)) queue.push(target);
    }
  }
  return reached;
}
