/** Numeric* operators: integers or decimals; a value that is not a number matches nothing. */
import type { ValueTest } from './value-test.js';

const NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/;

type Comparison = (request: number, policy: number) => boolean;

const COMPARISONS: Readonly<Record<string, Comparison>> = {
  Equals: (a, b) => a === b,
  LessThan: (a, b) => a < b,
  LessThanEquals: (a, b) => a <= b,
  GreaterThan: (a, b) => a > b,
  GreaterThanEquals: (a, b) => a >= b,
};

function parseNumber(text: string): number {
  return NUMBER.test(text) ? Number(text) : Number.NaN;
}

/** Compares request and policy values after `parse`; shared with the Date family. */
export function compileComparisonTest(test: string, values: readonly string[], parse: (text: string) => number): ValueTest {
  const compare = COMPARISONS[test] as Comparison;
  const policyValues = values.map(parse).filter((value) => !Number.isNaN(value));
  return (value) => {
    const requestValue = parse(value);
    return !Number.isNaN(requestValue) && policyValues.some((policyValue) => compare(requestValue, policyValue));
  };
}

export function compileNumericTest(test: string, values: readonly string[]): ValueTest {
  return compileComparisonTest(test, values, parseNumber);
}
