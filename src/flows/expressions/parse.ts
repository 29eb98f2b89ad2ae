/**
 * Input expressions: the JSONPath subset of the user guide ("Define inputs with expressions"). An expression
 * starts with `$.data` (the whole input) and continues with `.name`, `[i]`, `[i, j, …]`, `[a:b]` (either bound
 * optional, end exclusive) and `*` for any name or index. Negative indices count from the end, as in JSONPath.
 */

export const MAX_EXPRESSION_LENGTH = 64;

export type PathStep =
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'indices'; readonly indices: readonly number[] }
  | { readonly kind: 'slice'; readonly start?: number; readonly end?: number }
  | { readonly kind: 'wildcard' };

export interface CompiledExpression {
  readonly text: string;
  readonly steps: readonly PathStep[];
  /** True when a step can select several values (wildcard, index list, slice): the result is then an array. */
  readonly multi: boolean;
}

export type ExpressionParseResult =
  | { readonly ok: true; readonly expression: CompiledExpression }
  | { readonly ok: false; readonly cause: string };

const ROOT = '$.data';
const NAME = /^[A-Za-z0-9_-]+/;
const INTEGER = /^-?\d+/;

class ExpressionSyntaxError extends Error {}

export function parseExpression(text: unknown): ExpressionParseResult {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, cause: 'The expression is empty.' };
  if (text.length > MAX_EXPRESSION_LENGTH) {
    return { ok: false, cause: `The expression is longer than ${MAX_EXPRESSION_LENGTH} characters.` };
  }
  const source = text.trim();
  if (!source.startsWith(ROOT) || /^[A-Za-z0-9_]/.test(source.slice(ROOT.length))) {
    return { ok: false, cause: `The expression must start with ${ROOT}.` };
  }
  try {
    const steps = new StepReader(source, ROOT.length).readAll();
    const multi = steps.some((s) => s.kind === 'wildcard' || s.kind === 'indices' || s.kind === 'slice');
    return { ok: true, expression: { text, steps, multi } };
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) return { ok: false, cause: error.message };
    throw error;
  }
}

/** Reads the steps after `$.data`; positions in messages count characters from 1. */
class StepReader {
  constructor(
    private readonly text: string,
    private pos: number,
  ) {}

  readAll(): PathStep[] {
    const steps: PathStep[] = [];
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === '.') steps.push(this.readDotted());
      else if (c === '[') steps.push(this.readBracketed());
      else this.fail(`Unexpected character ${JSON.stringify(c)}`);
    }
    return steps;
  }

  private readDotted(): PathStep {
    this.pos++;
    if (this.text[this.pos] === '*') {
      this.pos++;
      return { kind: 'wildcard' };
    }
    if (this.text[this.pos] === '.') this.fail('Recursive descent (..) is not supported');
    const name = NAME.exec(this.text.slice(this.pos))?.[0];
    if (!name) this.fail("Expected a field name or '*' after '.'");
    this.pos += name.length;
    return { kind: 'field', name };
  }

  private readBracketed(): PathStep {
    this.pos++;
    this.skipSpaces();
    if (this.text[this.pos] === '*') {
      this.pos++;
      this.close();
      return { kind: 'wildcard' };
    }
    const first = this.readInteger();
    this.skipSpaces();
    if (this.text[this.pos] === ':') {
      this.pos++;
      this.skipSpaces();
      const end = this.readInteger();
      this.close();
      return { kind: 'slice', ...(first === undefined ? {} : { start: first }), ...(end === undefined ? {} : { end }) };
    }
    if (first === undefined) this.fail("Expected an index, a slice or '*' after '['");
    const indices = [first];
    while (this.text[this.pos] === ',') {
      this.pos++;
      this.skipSpaces();
      const next = this.readInteger();
      if (next === undefined) this.fail("Expected an index after ','");
      indices.push(next);
      this.skipSpaces();
    }
    this.close();
    return indices.length === 1 ? { kind: 'index', index: first } : { kind: 'indices', indices };
  }

  private readInteger(): number | undefined {
    const digits = INTEGER.exec(this.text.slice(this.pos))?.[0];
    if (!digits) return undefined;
    this.pos += digits.length;
    return Number(digits);
  }

  private close(): void {
    this.skipSpaces();
    if (this.text[this.pos] !== ']') this.fail("Expected ']'");
    this.pos++;
  }

  private skipSpaces(): void {
    while (this.text[this.pos] === ' ') this.pos++;
  }

  private fail(what: string): never {
    const where = this.pos < this.text.length ? `at position ${this.pos + 1}` : 'at the end of the expression';
    throw new ExpressionSyntaxError(`${what} ${where}.`);
  }
}
