/**
 * What an operator family compiles a key's policy values into: a test of one request value that is true when it
 * matches at least one policy value (the positive form; negation and set operators are applied around it).
 */
import type { RequestContext } from '../context.js';

export type ValueTest = (requestValue: string, context: RequestContext) => boolean;

export interface ValueTestOptions {
  /** Whether `${...}` in policy values are policy variables (Version 2012-10-17 and a family that allows them). */
  readonly variables: boolean;
}
