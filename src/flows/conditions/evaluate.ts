/**
 * Runtime semantics of conditions (user guide, "Condition expressions"): `==` holds only between equal values of
 * the same type (String, Number or Boolean); `!=` is its negation; `<`, `<=`, `>`, `>=` hold only between Numbers;
 * `and`, `or`, `not` work on Booleans. Conditions are tried in order; the first that holds wins, else `default`.
 */
import { typeOfValue } from '../expressions/data-types.js';
import type { ConditionAst } from './ast.js';
import type { RelationalOperator } from './lexer.js';

export const DEFAULT_CONDITION = 'default';

export function evaluateCondition(ast: ConditionAst, inputs: Readonly<Record<string, unknown>>): boolean {
  return conditionValue(ast, inputs) === true;
}

/** The name of the first condition that holds, in order, else `default`. Entries without an AST are skipped. */
export function chooseCondition(
  conditions: ReadonlyArray<{ readonly name: string; readonly ast?: ConditionAst }>,
  inputs: Readonly<Record<string, unknown>>,
): string {
  for (const { name, ast } of conditions) {
    if (name !== DEFAULT_CONDITION && ast && evaluateCondition(ast, inputs)) return name;
  }
  return DEFAULT_CONDITION;
}

export function compareValues(op: RelationalOperator, left: unknown, right: unknown): boolean {
  switch (op) {
    case '==':
      return equal(left, right);
    case '!=':
      return !equal(left, right);
    default:
      return typeof left === 'number' && typeof right === 'number' && ORDER[op](left, right);
  }
}

const ORDER: Readonly<Record<'<' | '<=' | '>' | '>=', (a: number, b: number) => boolean>> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

function equal(left: unknown, right: unknown): boolean {
  const type = typeOfValue(left);
  return (type === 'String' || type === 'Number' || type === 'Boolean') && type === typeOfValue(right) && left === right;
}

function conditionValue(ast: ConditionAst, inputs: Readonly<Record<string, unknown>>): unknown {
  switch (ast.kind) {
    case 'or':
      return conditionValue(ast.left, inputs) === true || conditionValue(ast.right, inputs) === true;
    case 'and':
      return conditionValue(ast.left, inputs) === true && conditionValue(ast.right, inputs) === true;
    case 'not':
      return conditionValue(ast.operand, inputs) !== true;
    case 'compare':
      return compareValues(ast.op, conditionValue(ast.left, inputs), conditionValue(ast.right, inputs));
    case 'input':
      return Object.hasOwn(inputs, ast.name) ? inputs[ast.name] : undefined;
    case 'literal':
      return ast.value;
  }
}
