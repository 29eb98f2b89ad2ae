/** Applies a compiled input expression to the whole input of a node. */
import type { CompiledExpression, PathStep } from './parse.js';

export type EvaluationResult = { readonly found: true; readonly value: unknown } | { readonly found: false };

const NOT_FOUND: EvaluationResult = { found: false };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A path on a scalar input finds nothing (only `$.data` may address a whole string, number or boolean). A
 * single-valued path finds one value or nothing; a multi-valued path (wildcard, index list, slice) always finds
 * the array of every match, in document order.
 */
export function evaluateExpression(expression: CompiledExpression, data: unknown): EvaluationResult {
  if (expression.steps.length === 0) return { found: true, value: data };
  if (!isRecord(data) && !Array.isArray(data)) return NOT_FOUND;
  if (!expression.multi) {
    let current: unknown = data;
    for (const step of expression.steps) {
      const next = select(current, step);
      if (next.length === 0) return NOT_FOUND;
      current = next[0];
    }
    return { found: true, value: current };
  }
  let matches: unknown[] = [data];
  for (const step of expression.steps) matches = matches.flatMap((m) => select(m, step));
  return { found: true, value: matches };
}

function select(value: unknown, step: PathStep): unknown[] {
  switch (step.kind) {
    case 'field':
      return isRecord(value) && Object.hasOwn(value, step.name) ? [value[step.name]] : [];
    case 'wildcard':
      return isRecord(value) ? Object.values(value) : Array.isArray(value) ? [...value] : [];
    case 'index':
      return Array.isArray(value) ? at(value, step.index) : [];
    case 'indices':
      return Array.isArray(value) ? step.indices.flatMap((i) => at(value, i)) : [];
    case 'slice':
      return Array.isArray(value) ? value.slice(step.start ?? 0, step.end ?? value.length) : [];
  }
}

function at(array: readonly unknown[], index: number): unknown[] {
  const i = index < 0 ? array.length + index : index;
  return i >= 0 && i < array.length ? [array[i]] : [];
}
