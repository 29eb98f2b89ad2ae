/** Tokens of the condition language (user guide, "Condition node": relational and logical operators). */

export type Token =
  | { readonly kind: 'identifier'; readonly name: string; readonly pos: number }
  | { readonly kind: 'string'; readonly value: string; readonly pos: number }
  | { readonly kind: 'number'; readonly value: number; readonly pos: number }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly pos: number }
  | { readonly kind: 'operator'; readonly op: Operator; readonly pos: number }
  | { readonly kind: 'end'; readonly pos: number };

export type RelationalOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type Operator = RelationalOperator | 'and' | 'or' | 'not' | '(' | ')';

export class ConditionSyntaxError extends Error {}

const KEYWORDS: ReadonlyMap<string, Operator> = new Map([
  ['and', 'and'],
  ['or', 'or'],
  ['not', 'not'],
]);
const SYMBOLS: readonly Operator[] = ['==', '!=', '<=', '>=', '<', '>', '(', ')'];
const HINTS: Readonly<Record<string, string>> = {
  '=': "use '==' to compare",
  '&': "use 'and'",
  '|': "use 'or'",
  '!': "use 'not' or '!='",
  "'": 'string constants go in double quotes',
};
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;

/** Positions count characters from 1. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const pos = i + 1;
    const rest = text.slice(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const symbol = SYMBOLS.find((s) => rest.startsWith(s));
    const previous = tokens.at(-1);
    const negativeAllowed = !previous || (previous.kind === 'operator' && previous.op !== ')');
    const number = /[0-9]/.test(c) || (c === '-' && negativeAllowed) ? NUMBER.exec(rest)?.[0] : undefined;
    const word = IDENTIFIER.exec(rest)?.[0];
    if (symbol) {
      tokens.push({ kind: 'operator', op: symbol, pos });
      i += symbol.length;
    } else if (c === '"') {
      const [value, length] = readString(text, i);
      tokens.push({ kind: 'string', value, pos });
      i += length;
    } else if (number) {
      tokens.push({ kind: 'number', value: Number(number), pos });
      i += number.length;
    } else if (word) {
      const keyword = KEYWORDS.get(word);
      if (keyword) tokens.push({ kind: 'operator', op: keyword, pos });
      else if (word === 'true' || word === 'false') tokens.push({ kind: 'boolean', value: word === 'true', pos });
      else tokens.push({ kind: 'identifier', name: word, pos });
      i += word.length;
    } else {
      const hint = HINTS[c] ? ` (${HINTS[c]})` : '';
      throw new ConditionSyntaxError(`Unexpected character ${JSON.stringify(c)} at position ${pos}${hint}.`);
    }
  }
  tokens.push({ kind: 'end', pos: text.length + 1 });
  return tokens;
}

/** A double-quoted string constant with `\"` and `\\` escapes; returns the value and the characters consumed. */
function readString(text: string, start: number): [string, number] {
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') return [value, i - start + 1];
    if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) value += text[++i];
    else value += c;
  }
  throw new ConditionSyntaxError(`Unterminated string constant starting at position ${start + 1}.`);
}
