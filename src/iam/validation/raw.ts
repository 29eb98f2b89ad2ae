/** The parsed JSON of a policy, before normalisation: what the validation steps look at. */
export type RawObject = Record<string, unknown>;

export interface RawPolicy {
  readonly top: RawObject;
  readonly statements: readonly RawObject[];
}

export function isObject(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string-or-list element as a list (callers have checked its shape). */
export function asList(value: unknown): string[] {
  return Array.isArray(value) ? (value as string[]) : [value as string];
}

export const SYNTAX_ERROR = 'Syntax errors in policy.';
