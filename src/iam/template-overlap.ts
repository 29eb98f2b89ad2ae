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
    if (/^\$\{[^}]*\}$/.test(part))
      tokens.push(ANY_MANY); // a policy variable: any value
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

/**
 * True when some string matches both token sequences: a table over (i, j), "a[i..] and b[j..] share a string",
 * filled from the ends. O(|a| × |b|) time and space, and no recursion, so a long Resource pattern cannot exhaust
 * the stack.
 */
function overlaps(a: Token[], b: Token[]): boolean {
  const width = b.length + 1;
  const shared = new Uint8Array((a.length + 1) * width);
  shared[a.length * width + b.length] = 1;
  for (let i = a.length; i >= 0; i--) {
    for (let j = b.length; j >= 0; j--) {
      if (i === a.length && j === b.length) continue;
      const x = a[i];
      const y = b[j];
      let ok = (x?.repeat && shared[(i + 1) * width + j] === 1) || (y?.repeat && shared[i * width + j + 1] === 1);
      // Both sides take one common character; two repeats doing so stay where they are, which the skips cover.
      if (!ok && x && y && !(x.repeat && y.repeat) && compatible(x, y)) {
        ok = shared[(x.repeat ? i : i + 1) * width + (y.repeat ? j : j + 1)] === 1;
      }
      if (ok) shared[i * width + j] = 1;
    }
  }
  return shared[0] === 1;
}

export function patternMayMatchTemplate(pattern: string, template: string): boolean {
  if (pattern === '*') return true;
  return overlaps(patternTokens(pattern), templateTokens(template));
}
