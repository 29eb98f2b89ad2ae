/**
 * One condition = one operator applied to one key. Applies IAM's rules around the family's value test:
 * a missing key is false, except for negated operators, `...IfExists` and `ForAllValues:` (true); `Null` tests
 * presence; `ForAnyValue:` / `ForAllValues:` quantify over the request's values; negated operators are NOR.
 */
import type { KeyValue, RequestContext } from '../context.js';
import { compileArnTest } from './arn.js';
import { compileBinaryTest } from './binary.js';
import { compileBoolTest } from './bool.js';
import { compileDateTest } from './date.js';
import { compileIpTest } from './ip.js';
import { compileNumericTest } from './numeric.js';
import type { BaseOperator, ParsedOperator } from './operator.js';
import { compileStringTest } from './string.js';
import type { ValueTest } from './value-test.js';

export interface CompiledCondition {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
  evaluate(context: RequestContext): boolean;
}

/** `variables`: the document is Version 2012-10-17, so `${...}` in String, Arn and Bool values are variables. */
export function compileCondition(
  parsed: ParsedOperator & { operator: BaseOperator },
  key: string,
  values: readonly string[],
  variables: boolean,
): CompiledCondition {
  const evaluate =
    parsed.operator.family === 'Null'
      ? nullCheck(key, values, parsed.ifExists)
      : quantified(key, parsed, valueTest(parsed.operator, values, variables));
  return { operator: parsed.name, key, values, evaluate };
}

function valueTest(operator: BaseOperator, values: readonly string[], variables: boolean): ValueTest {
  switch (operator.family) {
    case 'String':
      return compileStringTest(operator.test, values, { variables });
    case 'Numeric':
      return compileNumericTest(operator.test, values);
    case 'Date':
      return compileDateTest(operator.test, values);
    case 'Bool':
      return compileBoolTest(values, { variables });
    case 'Binary':
      return compileBinaryTest(values);
    case 'IpAddress':
      return compileIpTest(values);
    default:
      return compileArnTest(values, { variables });
  }
}

function isAbsent(value: KeyValue | undefined): value is undefined | readonly [] {
  return value === undefined || (typeof value !== 'string' && value.length === 0);
}

function nullCheck(key: string, values: readonly string[], ifExists: boolean): (context: RequestContext) => boolean {
  const lowerKey = key.toLowerCase();
  const wanted = values.map((value) => value.toLowerCase());
  return (context) => {
    const absent = isAbsent(context.get(lowerKey, key));
    if (absent && ifExists) return true;
    return wanted.some((value) => (value === 'true' ? absent : value === 'false' && !absent));
  };
}

function quantified(
  key: string,
  parsed: ParsedOperator & { operator: BaseOperator },
  test: ValueTest,
): (context: RequestContext) => boolean {
  const { negated } = parsed.operator;
  const { set, ifExists } = parsed;
  const whenMissing = ifExists || set === 'ForAllValues' || (set === undefined && negated);
  const lowerKey = key.toLowerCase();
  return (context) => {
    const value = context.get(lowerKey, key);
    if (value === undefined) return whenMissing;
    if (typeof value === 'string') return test(value, context) !== negated;
    if (set === 'ForAllValues') return value.every((item) => test(item, context) !== negated);
    if (set === 'ForAnyValue') return value.some((item) => test(item, context) !== negated);
    // A multivalued key under a single-valued operator: one value is compared as such, an empty set is a missing
    // key, and several values never match (AWS leaves this undefined; iam-simulate treats it as no match).
    if (value.length === 0) return whenMissing;
    return value.length === 1 ? test(value[0] as string, context) !== negated : negated;
  };
}
