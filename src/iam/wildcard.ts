/**
 * `*` / `?` glob matching, as used by Action, Resource, StringLike and ArnLike.
 * No pattern becomes a RegExp: policy values are caller-influenced and a backtracking engine takes time exponential
 * in the number of `*` (`a*a*a*a*a*a*b` against 200 `a`s froze the server), so every test here runs in
 * O(pattern × text). Static patterns compile once to the cheapest test (equality, prefix, suffix, literal segments
 * found left to right, else the two-pointer matcher); patterns assembled per request (policy variables) are matched
 * from an array of char codes, so substituted text stays literal. Characters are UTF-16 code units, as a RegExp
 * without the `u` flag saw them.
 */
export type Matcher = (text: string) => boolean;

/** A pattern as char codes, where STAR and ONE are the wildcards. */
export type GlobCodes = readonly number[];
export const STAR = -1;
export const ONE = -2;

const matchAll: Matcher = () => true;

export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/** Compiles a case-sensitive glob (lower-case both sides yourself for case-insensitive matching). */
export function compileGlob(pattern: string): Matcher {
  if (pattern === '*') return matchAll;
  if (!hasWildcard(pattern)) return (text) => text === pattern;
  if (pattern.includes('?')) {
    const codes: number[] = [];
    pushGlobCodes(codes, pattern, true);
    return (text) => matchGlobCodes(codes, text);
  }
  return compileStarSegments(pattern.split('*'));
}

/**
 * A glob whose only wildcard is `*`: the first segment is a prefix, the last a suffix, and each one between is
 * found left to right after the previous. Taking the leftmost occurrence is never wrong (it leaves the most text
 * for what follows), so there is no backtracking: at most one scan of the text per segment.
 */
function compileStarSegments(segments: readonly string[]): Matcher {
  const head = segments[0] as string;
  const tail = segments[segments.length - 1] as string;
  const middle = segments.slice(1, -1).filter((segment) => segment !== '');
  const min = segments.reduce((sum, segment) => sum + segment.length, 0);
  if (middle.length === 0) {
    if (tail === '') return (text) => text.startsWith(head);
    if (head === '') return (text) => text.endsWith(tail);
    return (text) => text.length >= min && text.startsWith(head) && text.endsWith(tail);
  }
  return (text) => {
    if (text.length < min || !text.startsWith(head) || !text.endsWith(tail)) return false;
    const end = text.length - tail.length;
    let at = head.length;
    for (const segment of middle) {
      const found = text.indexOf(segment, at);
      if (found < 0) return false;
      at = found + segment.length;
      if (at > end) return false;
    }
    return true;
  };
}

/** One matcher for a list of globs: any of them matches. */
export function compileGlobs(patterns: readonly string[]): Matcher {
  if (patterns.includes('*')) return matchAll;
  const exact = new Set(patterns.filter((pattern) => !hasWildcard(pattern)));
  const globs = patterns.filter(hasWildcard).map(compileGlob);
  if (globs.length === 0) return (text) => exact.has(text);
  if (globs.length === 1) {
    const only = globs[0] as Matcher;
    return (text) => exact.has(text) || only(text);
  }
  return (text) => {
    if (exact.has(text)) return true;
    for (const glob of globs) if (glob(text)) return true;
    return false;
  };
}

/** Appends `text` to `codes`; with `wild`, `*` and `?` become wildcards, otherwise they stay literal characters. */
export function pushGlobCodes(codes: number[], text: string, wild: boolean): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    codes.push(wild && c === 42 ? STAR : wild && c === 63 ? ONE : c);
  }
}

/**
 * Matches `text` against a code pattern: two pointers, backtracking only to the last star seen. A later star makes
 * every earlier choice final (whatever the earlier star swallowed, the later one could have), so each star position
 * is retried at most once per text position: O(pattern × text) at worst, no exponential blow-up.
 */
export function matchGlobCodes(pattern: GlobCodes, text: string): boolean {
  const m = pattern.length;
  const n = text.length;
  let pi = 0;
  let si = 0;
  let starP = -1;
  let starS = 0;
  while (si < n) {
    const p = pi < m ? pattern[pi] : undefined;
    if (p === ONE || p === text.charCodeAt(si)) {
      pi++;
      si++;
    } else if (p === STAR) {
      starP = pi++;
      starS = si;
    } else if (starP >= 0) {
      pi = starP + 1;
      si = ++starS;
    } else {
      return false;
    }
  }
  while (pi < m && pattern[pi] === STAR) pi++;
  return pi === m;
}
