/** StringEquals, StringEqualsIgnoreCase, StringLike and their negations (policy variables allowed). */
import type { RequestContext } from '../context.js';
import { parseTemplate, resolveTemplate, resolveToString, type TemplatePart } from '../variables.js';
import { compileGlob, matchGlobCodes, pushGlobCodes, type Matcher } from '../wildcard.js';
import type { ValueTest, ValueTestOptions } from './value-test.js';

export function compileStringTest(test: string, values: readonly string[], options: ValueTestOptions): ValueTest {
  const templates: TemplatePart[][] = [];
  const statics: string[] = [];
  for (const value of values) {
    const template = options.variables ? parseTemplate(value) : undefined;
    if (template) templates.push(template);
    else statics.push(value);
  }
  const staticTest = test === 'Like' ? likeTest(statics) : equalsTest(statics, test === 'EqualsIgnoreCase');
  if (templates.length === 0) return staticTest;
  const templateTest = test === 'Like' ? likeTemplatesTest(templates) : equalsTemplatesTest(templates, test === 'EqualsIgnoreCase');
  return (value, context) => staticTest(value, context) || templateTest(value, context);
}

function equalsTest(values: readonly string[], ignoreCase: boolean): ValueTest {
  if (values.length === 1 && !ignoreCase) {
    const only = values[0];
    return (value) => value === only;
  }
  const set = new Set(ignoreCase ? values.map((value) => value.toLowerCase()) : values);
  return ignoreCase ? (value) => set.has(value.toLowerCase()) : (value) => set.has(value);
}

function likeTest(patterns: readonly string[]): ValueTest {
  const matchers: Matcher[] = patterns.map(compileGlob);
  return (value) => {
    for (const matcher of matchers) if (matcher(value)) return true;
    return false;
  };
}

function equalsTemplatesTest(templates: readonly TemplatePart[][], ignoreCase: boolean): ValueTest {
  return (value, context: RequestContext) =>
    templates.some((template) => {
      const resolved = resolveToString(template, context);
      if (resolved === undefined) return false;
      return ignoreCase ? resolved.toLowerCase() === value.toLowerCase() : resolved === value;
    });
}

function likeTemplatesTest(templates: readonly TemplatePart[][]): ValueTest {
  return (value, context) =>
    templates.some((template) => {
      const pieces = resolveTemplate(template, context);
      if (!pieces) return false;
      const codes: number[] = [];
      for (const piece of pieces) pushGlobCodes(codes, piece.text, piece.wild);
      return matchGlobCodes(codes, value);
    });
}
