/**
 * Recursive-descent parser for condition expressions, run once per condition. Besides the syntax it checks, with
 * the node's declared input types, everything AWS documents as a rule: identifiers are the node's inputs, at least
 * one input is referenced, `==`/`!=` compare Strings, Numbers or Booleans, `<`… compare Numbers, `and`/`or`/`not`
 * combine Booleans, and the whole condition is a Boolean.
 *
 * Grammar (loosest first): or := and ('or' and)* ; and := not ('and' not)* ; not := 'not' not | comparison ;
 * comparison := primary (relop primary)? ; primary := '(' or ')' | input | "string" | number | true | false.
 */
import type { FlowNodeIODataType } from '../definition.js';
import { typeOfValue } from '../expressions/data-types.js';
import { printCondition, type ConditionAst } from './ast.js';
import { compareValues } from './evaluate.js';
import { ConditionSyntaxError, tokenize, type Operator, type RelationalOperator, type Token } from './lexer.js';

export interface ConditionInput {
  readonly name: string;
  readonly type: FlowNodeIODataType;
}

export interface CompiledCondition {
  readonly text: string;
  readonly ast: ConditionAst;
  /** The value when the declared types alone decide it (e.g. `==` between a String and a Number is never true). */
  readonly constant: boolean | undefined;
}

export type ConditionParseResult =
  | { readonly ok: true; readonly condition: CompiledCondition }
  | { readonly ok: false; readonly cause: string };

export const MAX_CONDITION_LENGTH = 64;

const RELATIONAL: readonly Operator[] = ['==', '!=', '<', '<=', '>', '>='];

export function parseCondition(text: unknown, inputs: readonly ConditionInput[]): ConditionParseResult {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, cause: 'The condition has no expression.' };
  if (text.length > MAX_CONDITION_LENGTH) {
    return { ok: false, cause: `The condition is longer than ${MAX_CONDITION_LENGTH} characters.` };
  }
  try {
    const types = new Map(inputs.map((i) => [i.name, i.type]));
    const ast = new Parser(tokenize(text), types).parse();
    if (!mentionsInput(ast)) throw new ConditionSyntaxError("The condition must refer to at least one of the node's inputs.");
    const type = typeOf(ast, types);
    if (type !== 'Boolean') throw new ConditionSyntaxError(`The condition must be a Boolean, but it is ${article(type)}.`);
    return { ok: true, condition: { text, ast, constant: constantOf(ast, types) } };
  } catch (error) {
    if (error instanceof ConditionSyntaxError) return { ok: false, cause: error.message };
    throw error;
  }
}

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly inputs: ReadonlyMap<string, unknown>,
  ) {}

  parse(): ConditionAst {
    const ast = this.or();
    const next = this.peek();
    if (next.kind !== 'end') this.fail(next, `Unexpected ${describeToken(next)}`);
    return ast;
  }

  private or(): ConditionAst {
    let left = this.and();
    while (this.takeOperator('or')) left = { kind: 'or', left, right: this.and() };
    return left;
  }

  private and(): ConditionAst {
    let left = this.not();
    while (this.takeOperator('and')) left = { kind: 'and', left, right: this.not() };
    return left;
  }

  private not(): ConditionAst {
    return this.takeOperator('not') ? { kind: 'not', operand: this.not() } : this.comparison();
  }

  private comparison(): ConditionAst {
    const left = this.primary();
    const next = this.peek();
    if (next.kind !== 'operator' || !RELATIONAL.includes(next.op)) return left;
    this.index++;
    const right = this.primary();
    const after = this.peek();
    if (after.kind === 'operator' && RELATIONAL.includes(after.op)) {
      this.fail(after, 'Comparisons cannot be chained; combine them with and/or');
    }
    return { kind: 'compare', op: next.op as RelationalOperator, left, right };
  }

  private primary(): ConditionAst {
    const token = this.tokens[this.index]!;
    this.index++;
    switch (token.kind) {
      case 'identifier':
        if (!this.inputs.has(token.name)) {
          const known = [...this.inputs.keys()].join(', ') || 'none';
          this.fail(token, `Unknown input '${token.name}' (the node's inputs: ${known})`);
        }
        return { kind: 'input', name: token.name };
      case 'string':
      case 'number':
      case 'boolean':
        return { kind: 'literal', value: token.value };
      case 'operator':
        if (token.op === '(') {
          const inner = this.or();
          const close = this.peek();
          if (close.kind !== 'operator' || close.op !== ')') {
            this.fail(close, close.kind === 'end' ? "Expected ')'" : `Expected ')' but found ${describeToken(close)}`);
          }
          this.index++;
          return inner;
        }
        return this.fail(token, `Expected an input or a constant but found ${describeToken(token)}`);
      case 'end':
        return this.fail(token, 'Expected an input or a constant');
    }
  }

  private takeOperator(op: Operator): boolean {
    const token = this.peek();
    if (token.kind !== 'operator' || token.op !== op) return false;
    this.index++;
    return true;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private fail(token: Token, what: string): never {
    const where = token.kind === 'end' ? 'at the end of the condition' : `at position ${token.pos}`;
    throw new ConditionSyntaxError(`${what} ${where}.`);
  }
}

function describeToken(token: Token): string {
  switch (token.kind) {
    case 'identifier':
      return `'${token.name}'`;
    case 'string':
      return JSON.stringify(token.value);
    case 'number':
    case 'boolean':
      return String(token.value);
    case 'operator':
      return `'${token.op}'`;
    case 'end':
      return 'the end of the condition';
  }
}

function mentionsInput(ast: ConditionAst): boolean {
  switch (ast.kind) {
    case 'input':
      return true;
    case 'literal':
      return false;
    case 'not':
      return mentionsInput(ast.operand);
    default:
      return mentionsInput(ast.left) || mentionsInput(ast.right);
  }
}

/** The static type of an expression; throws the first type rule it breaks. */
function typeOf(ast: ConditionAst, types: ReadonlyMap<string, FlowNodeIODataType>): FlowNodeIODataType {
  switch (ast.kind) {
    case 'input':
      return types.get(ast.name)!;
    case 'literal':
      return typeOfValue(ast.value)!;
    case 'not':
      requireType(ast.operand, types, ['Boolean'], "Operator 'not' applies to a Boolean");
      return 'Boolean';
    case 'and':
    case 'or':
      for (const side of [ast.left, ast.right]) requireType(side, types, ['Boolean'], `Operator '${ast.kind}' combines Booleans`);
      return 'Boolean';
    case 'compare': {
      const equality = ast.op === '==' || ast.op === '!=';
      const allowed: FlowNodeIODataType[] = equality ? ['String', 'Number', 'Boolean'] : ['Number'];
      const rule = equality ? `Operator '${ast.op}' compares Strings, Numbers or Booleans` : `Operator '${ast.op}' compares Numbers`;
      for (const side of [ast.left, ast.right]) requireType(side, types, allowed, rule);
      return 'Boolean';
    }
  }
}

function requireType(
  ast: ConditionAst,
  types: ReadonlyMap<string, FlowNodeIODataType>,
  allowed: readonly FlowNodeIODataType[],
  rule: string,
): void {
  const type = typeOf(ast, types);
  if (!allowed.includes(type)) throw new ConditionSyntaxError(`${rule}, but ${describeOperand(ast)} is ${article(type)}.`);
}

function describeOperand(ast: ConditionAst): string {
  if (ast.kind === 'input') return `input '${ast.name}'`;
  if (ast.kind === 'literal') return `the constant ${JSON.stringify(ast.value)}`;
  return `the expression ${printCondition(ast)}`;
}

const article = (type: FlowNodeIODataType) => (type === 'Object' || type === 'Array' ? `an ${type}` : `a ${type}`);

/** Folds what the declared types decide; undefined when the value depends on the inputs. */
function constantOf(ast: ConditionAst, types: ReadonlyMap<string, FlowNodeIODataType>): boolean | undefined {
  switch (ast.kind) {
    case 'literal':
      return typeof ast.value === 'boolean' ? ast.value : undefined;
    case 'input':
      return undefined;
    case 'not': {
      const value = constantOf(ast.operand, types);
      return value === undefined ? undefined : !value;
    }
    case 'and':
    case 'or': {
      const [left, right] = [constantOf(ast.left, types), constantOf(ast.right, types)];
      const decisive = ast.kind === 'or';
      if (left === decisive || right === decisive) return decisive;
      return left === undefined || right === undefined ? undefined : !decisive;
    }
    case 'compare': {
      if (ast.left.kind === 'literal' && ast.right.kind === 'literal') return compareValues(ast.op, ast.left.value, ast.right.value);
      const differentTypes = typeOf(ast.left, types) !== typeOf(ast.right, types);
      if (differentTypes && ast.op === '==') return false;
      if (differentTypes && ast.op === '!=') return true;
      return undefined;
    }
  }
}
