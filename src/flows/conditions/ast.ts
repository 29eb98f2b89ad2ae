/** The parsed form of a condition expression. */
import type { RelationalOperator } from './lexer.js';

export type ConditionAst =
  | { readonly kind: 'or' | 'and'; readonly left: ConditionAst; readonly right: ConditionAst }
  | { readonly kind: 'not'; readonly operand: ConditionAst }
  | { readonly kind: 'compare'; readonly op: RelationalOperator; readonly left: ConditionAst; readonly right: ConditionAst }
  | { readonly kind: 'input'; readonly name: string }
  | { readonly kind: 'literal'; readonly value: string | number | boolean };

/** A canonical text of the expression (spacing and redundant parentheses removed), to compare conditions. */
export function printCondition(ast: ConditionAst): string {
  switch (ast.kind) {
    case 'or':
    case 'and':
      return `(${printCondition(ast.left)} ${ast.kind} ${printCondition(ast.right)})`;
    case 'not':
      return `(not ${printCondition(ast.operand)})`;
    case 'compare':
      return `(${printCondition(ast.left)} ${ast.op} ${printCondition(ast.right)})`;
    case 'input':
      return ast.name;
    case 'literal':
      return JSON.stringify(ast.value);
  }
}
