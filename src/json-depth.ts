/**
 * Whether a parsed JSON value nests objects or arrays more than `limit` levels deep (a top-level object is level
 * 1). Iterative, so that measuring a hostile document cannot overflow the stack either.
 */
export function depthExceeds(root: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(value)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}
