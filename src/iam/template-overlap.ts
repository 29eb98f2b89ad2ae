/**
 * Whether a Resource pattern (with `*`, `?` and policy variables) can match any ARN of a resource type's template
 * (`arn:${Partition}:bedrock:${Region}:${Account}:flow/${FlowId}`): used by lint to spot statements that pair an
 * action with resources it is never authorized on. Template variables stand for one or more characters other than
 * `/` (except path-like ones such as `${ObjectName}` or `${RoleNameWithPath}`).
 */

/** A character class: one literal char, any char, or any char but `/`; `repeat` means zero or more of it. */
interface Token {
  readonly char?: string;
  readonly noSlash?: boolean;
  readonly repeat: boolean;
}

const ANY_ONE: Token = { repeat: false };
const ANY_MANY: Token = { repeat: true };
const SEGMENT_ONE: Token = { noSlash: true, repeat: false };
const SEGMENT_MANY: Token = { noSlash: true, repeat: true };
const PATH_LIKE = /Path|ObjectName|Alias/;
const literal = (char: string): Token => ({ char, repeat: false });

function templateTokens(template: string): Token[] {
  const tokens: Token[] = [];
  for (const part of template.split(/(\$\{[^}]*\})/)) {
    const variable = /^\$\{([^}]*)\}$/.exec(part);
    if (variable) {
      tokens.push(...(PATH_LIKE.test(variable[1] ?? '') ? [ANY_ONE, ANY_MANY] : [SEGMENT_ONE, SEGMENT_MANY]));
    } else {
      for (const char of part) tokens.push(literal(char));
    }
  }
  return tokens;
}

function patternTokens(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (const part of pattern.split(/(\$\{[^}]*\})/)) {
    if (/^\$\{[^}]*\}$/.test(part)) tokens.push(ANY_MANY); // a policy variable: any value
    else for (const char of part) tokens.push(char === '*' ? ANY_MANY : char === '?' ? ANY_ONE : literal(char));
  }
  return tokens;
}

function compatible(a: Token, b: Token): boolean {
  if (a.char !== undefined && b.char !== undefined) return a.char === b.char;
  const char = a.char ?? b.char;
  if (char === undefined) return true;
  return !((a.noSlash || b.noSlash) && char === '/');
}

/** True when some string matches both token sequences. */
function overlaps(a: Token[], b: Token[]): boolean {
  const seen = new Set<number>();
  const width = b.length + 1;
  const visit = (i: number, j: number): boolean => {
    if (i === a.length && j === b.length) return true;
    if (seen.has(i * width + j)) return false;
    seen.add(i * width + j);
    const x = a[i];
    const y = b[j];
    if (x?.repeat && visit(i + 1, j)) return true;
    if (y?.repeat && visit(i, j + 1)) return true;
    // Both sides take one common character; two repeats doing so stay where they are, which the skips cover.
    if (!x || !y || (x.repeat && y.repeat) || !compatible(x, y)) return false;
    return visit(x.repeat ? i : i + 1, y.repeat ? j : j + 1);
  };
  return visit(0, 0);
}

export function patternMayMatchTemplate(pattern: string, template: string): boolean {
  if (pattern === '*') return true;
  return overlaps(patternTokens(pattern), templateTokens(template));
}
