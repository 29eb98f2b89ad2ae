/** Bool: `true` / `false`, case-insensitive; policy variables are allowed (IAM documents them for Bool too). */
import { parseTemplate, resolveToString } from '../variables.js';
import type { ValueTest, ValueTestOptions } from './value-test.js';

export function compileBoolTest(values: readonly string[], options: ValueTestOptions): ValueTest {
  const templates = options.variables ? values.map(parseTemplate) : [];
  if (!templates.some(Boolean)) {
    const set = new Set(values.map((value) => value.toLowerCase()));
    return (value) => set.has(value.toLowerCase());
  }
  return (value, context) =>
    values.some((policyValue, i) => {
      const template = templates[i];
      const resolved = template ? resolveToString(template, context) : policyValue;
      return resolved !== undefined && resolved.toLowerCase() === value.toLowerCase();
    });
}
