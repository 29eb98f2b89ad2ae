import { FixtureError } from '../fixtures/fixture-error.js';

/**
 * A template that does not load: a FixtureError (loading is all or nothing, answered like a fixture over HTTP)
 * whose path is in the template (`Resources.Flow.Properties…`), so the command line can say "invalid template".
 */
export class TemplateLoadError extends FixtureError {}

/** A template problem at a path in it (`Resources.MyFlow.Properties.Definition`); the loader adds the file name. */
export class TemplateError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'TemplateError';
  }
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Templates are shallow (a flow definition nests about fifteen levels); the evaluator recurses, so a document
 * nested deeper than this is refused up front instead of exhausting the stack. Measured without recursion.
 */
export const MAX_DEPTH = 100;

export function tooDeep(value: unknown, max = MAX_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}
