/** ArnEquals / ArnLike (identical in IAM) and their negations: per-part ARN matching, policy variables allowed. */
import { compileArnMatcher } from '../arn-pattern.js';
import { parseTemplate } from '../variables.js';
import type { ValueTest, ValueTestOptions } from './value-test.js';

export function compileArnTest(values: readonly string[], options: ValueTestOptions): ValueTest {
  return compileArnMatcher(values, options.variables ? parseTemplate : () => undefined);
}
