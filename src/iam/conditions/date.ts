/** Date* operators: ISO 8601 date-times or epoch seconds, compared as instants; an unparsable value matches nothing. */
import { compileComparisonTest } from './numeric.js';
import type { ValueTest } from './value-test.js';

const EPOCH_SECONDS = /^\s*-?\d+\s*$/;

function parseDate(text: string): number {
  return EPOCH_SECONDS.test(text) ? Number(text) * 1000 : Date.parse(text.toUpperCase());
}

export function compileDateTest(test: string, values: readonly string[]): ValueTest {
  return compileComparisonTest(test, values, parseDate);
}
