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
 * nested deeper than this is refused up front instead of exhausting the stack (depthExceeds, json-depth.ts).
 */
export const MAX_DEPTH = 100;
