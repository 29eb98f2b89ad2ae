/**
 * Where and why policy text is not JSON, in words: IAM answers only `Syntax errors in policy.`, which does not say
 * that the trailing comma on line 23 is the culprit. Reads the text with Microsoft's tolerant `jsonc-parser`, which
 * reports every error with its offset and recovers past it. Only for text that JSON.parse already refused.
 */
import { createScanner, getLocation, parse, printParseErrorCode, visit, type JSONPath } from 'jsonc-parser';
import { formatPolicyPath } from '../errors.js';

export interface JsonSyntaxProblem {
  /** 1-based, as editors count; columns in UTF-16 code units. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface JsonSyntaxReport {
  readonly problems: readonly JsonSyntaxProblem[];
  /**
   * The document as its author meant it, present only when that reading is unambiguous: the problems are all
   * trailing commas, comments or missing commas.
   */
  readonly recovered?: unknown;
}

interface ParseError {
  readonly code: string;
  readonly offset: number;
  readonly length: number;
}

interface Token {
  readonly text: string;
  readonly offset: number;
}

/** A problem that leaves the rest of the document readable, so we report it and read on. */
const RECOVERABLE = new Set(['trailing-comma', 'comment', 'CommaExpected']);
/** Beyond this many, more lines help no one. */
const MAX_PROBLEMS = 20;

export function describeJsonSyntax(text: string): JsonSyntaxReport {
  let errors: ParseError[];
  try {
    errors = strictErrors(text);
  } catch (err) {
    // jsonc-parser recurses per nesting level: thousands of `[` overflow the stack. JSON.parse copes, IAM would too.
    if (!(err instanceof RangeError)) throw err;
    return { problems: [{ line: 1, column: 1, message: 'nested too deeply to describe' }] };
  }
  const lines = lineStarts(text);
  const tokens = significantTokens(text);
  const problems: JsonSyntaxProblem[] = [];
  let readable = true;
  let lastOffset = -1;
  for (const error of errors) {
    if (error.offset === lastOffset) continue; // the parser's second opinion about the same spot
    lastOffset = error.offset;
    const { kind, offset, message } = describe(text, tokens, error);
    problems.push({ ...position(lines, offset), message });
    if (!RECOVERABLE.has(kind)) {
      readable = false;
      break; // what follows a real break in the structure is mostly the parser's confusion
    }
    if (problems.length === MAX_PROBLEMS) break;
  }
  if (problems.length === 0) {
    // JSON.parse refused what jsonc-parser accepts: nothing to point at, but say so rather than nothing.
    return { problems: [{ line: 1, column: 1, message: 'not valid JSON' }] };
  }
  if (!readable) return { problems };
  return { problems, recovered: parse(text, [], { allowTrailingComma: true, disallowComments: false }) };
}

function strictErrors(text: string): ParseError[] {
  const errors: ParseError[] = [];
  visit(
    text,
    { onError: (error, offset, length) => errors.push({ code: printParseErrorCode(error), offset, length }) },
    { allowTrailingComma: false, disallowComments: true },
  );
  return errors;
}

interface Described {
  /** The error code, or `trailing-comma` / `comment` for the kinds we read past. */
  readonly kind: string;
  /** Where to point: the comma itself for a trailing comma, else where the parser stopped. */
  readonly offset: number;
  readonly message: string;
}

function describe(text: string, tokens: readonly Token[], error: ParseError): Described {
  const at = text.slice(error.offset, error.offset + error.length);
  const index = tokens.findIndex((token) => token.offset === error.offset);
  const previous = index > 0 ? tokens[index - 1] : undefined;
  const atEnd = error.offset >= text.length;
  const simple = (message: string) => ({ kind: error.code, offset: error.offset, message });
  switch (error.code) {
    case 'ValueExpected':
    case 'PropertyNameExpected':
      if ((at === ']' || at === '}') && previous?.text === ',') {
        // Point at the comma, the character to delete, and name what it trails.
        const name = containerName(getLocation(text, previous.offset).path.slice(0, -1));
        const what = at === ']' ? 'element' : 'member';
        const message = `trailing comma after the last ${what} of ${name}`;
        return { kind: 'trailing-comma', offset: previous.offset, message };
      }
      if (atEnd) return simple('the document ends where a value was expected');
      return simple(error.code === 'ValueExpected' ? 'expected a value' : 'expected a property name in double quotes');
    case 'InvalidCommentToken':
      return { kind: 'comment', offset: error.offset, message: 'comment: JSON has no comments (IAM refuses them)' };
    case 'CommaExpected': {
      const opener = enclosingOpener(tokens, index);
      const name = containerName(getLocation(text, error.offset).path.slice(0, -1));
      const between = opener === '[' ? 'elements' : 'members';
      return simple(`missing comma between ${between} of ${name}`);
    }
    case 'ColonExpected':
      return simple('expected ":" after the property name');
    case 'CloseBraceExpected':
      return simple(atEnd ? 'the document ends inside an object: a "}" is missing' : 'expected "," or "}"');
    case 'CloseBracketExpected':
      return simple(atEnd ? 'the document ends inside an array: a "]" is missing' : 'expected "," or "]"');
    case 'EndOfFileExpected':
      return simple('more text after the end of the document');
    case 'UnexpectedEndOfString':
      return simple('string not closed: a `"` is missing');
    case 'UnexpectedEndOfComment':
      return simple('comment not closed: a `*/` is missing');
    case 'InvalidCharacter':
      return simple('control character inside a string: write it as an escape (\\t, \\n, \\u0000)');
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode':
      return simple(`invalid escape in a string: ${JSON.stringify(at)}`);
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return simple(`invalid number ${JSON.stringify(at)}`);
    default: {
      const afterBrace = previous?.text === '{' || (previous?.text === ',' && enclosingOpener(tokens, index) === '{');
      return simple(invalidSymbol(at, error.offset, afterBrace));
    }
  }
}

function invalidSymbol(at: string, offset: number, atPropertyName: boolean): string {
  if (offset === 0 && at.startsWith('\uFEFF')) return 'byte-order mark (U+FEFF) before the document';
  if (at.startsWith("'")) return `single quotes in ${at}: JSON strings take double quotes`;
  if (atPropertyName) return `property name ${at} is not in double quotes`;
  return `unexpected ${JSON.stringify(at)}: strings take double quotes`;
}

/** `Action`, `Statement[0]`, `the document`: the nearest named thing that holds the problem. */
function containerName(path: JSONPath): string {
  let lastKey = -1;
  path.forEach((step, i) => {
    if (typeof step === 'string') lastKey = i;
  });
  if (path.length === 0) return 'the document';
  return formatPolicyPath(lastKey < 0 ? path : path.slice(lastKey));
}

/** The `[` or `{` whose contents hold the token at `index`. */
function enclosingOpener(tokens: readonly Token[], index: number): string | undefined {
  let depth = 0;
  for (let i = index - 1; i >= 0; i--) {
    const text = (tokens[i] as Token).text;
    if (text === ']' || text === '}') depth++;
    else if (text === '[' || text === '{') {
      if (depth === 0) return text;
      depth--;
    }
  }
  return undefined;
}

/** Tokens other than white space and comments, each with the text it covers. */
function significantTokens(text: string): Token[] {
  const scanner = createScanner(text, true);
  const tokens: Token[] = [];
  for (;;) {
    scanner.scan();
    const offset = scanner.getTokenOffset();
    const length = scanner.getTokenLength();
    if (offset >= text.length) return tokens;
    const token = text.slice(offset, offset + length);
    if (!token.startsWith('//') && !token.startsWith('/*')) tokens.push({ text: token, offset });
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  return starts;
}

function position(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (starts[low] as number) + 1 };
}

/** Where the element at `path` starts (its property name, for a member), for problems found after parsing. */
export function locate(text: string, path: readonly (string | number)[]): { line: number; column: number } | undefined {
  let found: number | undefined;
  try {
    visit(text, {
      onObjectProperty: (_name, offset, _length, _line, _column, pathSupplier) => {
        if (found === undefined && samePath(pathSupplier(), path.slice(0, -1)) && _name === path[path.length - 1]) {
          found = offset;
        }
      },
    });
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
  }
  return found === undefined ? undefined : position(lineStarts(text), found);
}

function samePath(a: JSONPath, b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((step, i) => step === b[i]);
}
