/**
 * `*` / `?` glob matching, as used by Action, Resource, StringLike and ArnLike.
 * Static patterns compile once to the cheapest test (equality, prefix, suffix, RegExp); patterns assembled per
 * request (policy variables) are matched from an array of char codes, so substituted text stays literal.
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
  const firstStar = pattern.indexOf('*');
  if (!pattern.includes('?') && firstStar === pattern.lastIndexOf('*')) {
    const head = pattern.slice(0, firstStar);
    const tail = pattern.slice(firstStar + 1);
    if (tail === '') return (text) => text.startsWith(head);
    if (head === '') return (text) => text.endsWith(tail);
    const min = head.length + tail.length;
    return (text) => text.length >= min && text.startsWith(head) && text.endsWith(tail);
  }
  const re = new RegExp(`^${globToRegExpSource(pattern)}$`, 's');
  return (text) => re.test(text);
}

/** RegExp source for a glob; `anyChar` is what `?` (and, repeated, `*`) may match. */
export function globToRegExpSource(pattern: string, anyChar = '.'): string {
  let out = '';
  for (const ch of pattern) {
    if (ch === '*') out += `${anyChar}*`;
    else if (ch === '?') out += anyChar;
    else out += ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  return out;
}

/** One matcher for a list of globs: any of them matches. */
export function compileGlobs(patterns: readonly string[]): Matcher {
  if (patterns.includes('*')) return matchAll;
  const exact = new Set(patterns.filter((pattern) => !hasWildcard(pattern)));
  const globs = patterns.filter(hasWildcard);
  if (globs.length === 0) return (text) => exact.has(text);
  const re = new RegExp(`^(?:${globs.map((glob) => globToRegExpSource(glob)).join('|')})$`, 's');
  return (text) => exact.has(text) || re.test(text);
}

/** Appends `text` to `codes`; with `wild`, `*` and `?` become wildcards, otherwise they stay literal characters. */
export function pushGlobCodes(codes: number[], text: string, wild: boolean): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    codes.push(wild && c === 42 ? STAR : wild && c === 63 ? ONE : c);
  }
}

/** Matches `text` against a code pattern (two pointers, backtracking to the last star). */
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
