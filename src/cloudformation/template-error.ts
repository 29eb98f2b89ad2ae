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
