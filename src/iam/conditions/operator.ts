import { nearest } from '../edit-distance.js';

/**
 * Condition operator names: `[ForAllValues:|ForAnyValue:]<Base>[IfExists]`. Names are case-sensitive, as in IAM.
 */
export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

export interface BaseOperator {
  readonly family: OperatorFamily;
  /** The positive comparison within the family (StringNotLike compares with `Like`, then negates). */
  readonly test: string;
  /** Negated operators (StringNotEquals, NotIpAddress, ...) match when no policy value matches (NOR). */
  readonly negated: boolean;
}

export interface ParsedOperator {
  readonly name: string;
  readonly base: string;
  readonly set?: 'ForAllValues' | 'ForAnyValue';
  readonly ifExists: boolean;
  /** Undefined for names IAM does not know (accepted by IAM only with an empty block). */
  readonly operator?: BaseOperator;
}

const op = (family: OperatorFamily, test: string, negated = false): BaseOperator => ({ family, test, negated });

export const BASE_OPERATORS: Readonly<Record<string, BaseOperator>> = {
  StringEquals: op('String', 'Equals'),
  StringNotEquals: op('String', 'Equals', true),
  StringEqualsIgnoreCase: op('String', 'EqualsIgnoreCase'),
  StringNotEqualsIgnoreCase: op('String', 'EqualsIgnoreCase', true),
  StringLike: op('String', 'Like'),
  StringNotLike: op('String', 'Like', true),
  NumericEquals: op('Numeric', 'Equals'),
  NumericNotEquals: op('Numeric', 'Equals', true),
  NumericLessThan: op('Numeric', 'LessThan'),
  NumericLessThanEquals: op('Numeric', 'LessThanEquals'),
  NumericGreaterThan: op('Numeric', 'GreaterThan'),
  NumericGreaterThanEquals: op('Numeric', 'GreaterThanEquals'),
  DateEquals: op('Date', 'Equals'),
  DateNotEquals: op('Date', 'Equals', true),
  DateLessThan: op('Date', 'LessThan'),
  DateLessThanEquals: op('Date', 'LessThanEquals'),
  DateGreaterThan: op('Date', 'GreaterThan'),
  DateGreaterThanEquals: op('Date', 'GreaterThanEquals'),
  Bool: op('Bool', 'Equals'),
  BinaryEquals: op('Binary', 'Equals'),
  IpAddress: op('IpAddress', 'In'),
  NotIpAddress: op('IpAddress', 'In', true),
  ArnEquals: op('Arn', 'Like'),
  ArnLike: op('Arn', 'Like'),
  ArnNotEquals: op('Arn', 'Like', true),
  ArnNotLike: op('Arn', 'Like', true),
  Null: op('Null', 'Null'),
};

const SET_PREFIXES = ['ForAllValues:', 'ForAnyValue:'] as const;
const IF_EXISTS = 'IfExists';

export function parseOperator(name: string): ParsedOperator {
  let base = name;
  let set: ParsedOperator['set'];
  for (const prefix of SET_PREFIXES) {
    if (base.startsWith(prefix)) {
      set = prefix.slice(0, -1) as ParsedOperator['set'];
      base = base.slice(prefix.length);
      break;
    }
  }
  const ifExists = base.endsWith(IF_EXISTS);
  if (ifExists) base = base.slice(0, -IF_EXISTS.length);
  const operator = Object.hasOwn(BASE_OPERATORS, base) ? BASE_OPERATORS[base] : undefined;
  return { name, base, ifExists, ...(set ? { set } : {}), ...(operator ? { operator } : {}) };
}

let operatorNames: readonly string[] | undefined;

/**
 * The real operator name nearest a misspelled one (`StringEqual` → `StringEquals`, `StringLikeIfExist` →
 * `StringLikeIfExists`), set prefix and IfExists included. Only on error paths: it builds ~160 names on first use.
 */
export function nearestOperator(name: string): string | undefined {
  operatorNames ??= Object.keys(BASE_OPERATORS).flatMap((base) => {
    // Null takes no IfExists:
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
    const bases = base === 'Null' ? [base] : [base, base + IF_EXISTS];
    return bases.flatMap((each) => [each, ...SET_PREFIXES.map((prefix) => prefix + each)]);
  });
  return nearest(name, operatorNames);
}
