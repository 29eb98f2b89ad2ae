/**
 * ARN matching for Resource/NotResource and the Arn* condition operators: the six colon-separated parts are
 * matched one by one, so a `*` never crosses a `:` in the first five parts, while the resource part (the rest of
 * the ARN, colons included) matches as a whole. Static patterns compile to one glob test per part; patterns holding
 * policy variables are resolved per request and matched part by part. No RegExp: see wildcard.ts.
 */
import type { RequestContext } from './context.js';
import { resolveTemplate, type TemplatePart } from './variables.js';
import { compileGlob, hasWildcard, matchGlobCodes, pushGlobCodes, STAR, type Matcher } from './wildcard.js';

/** An ARN split into its six parts: arn, partition, service, region, account, resource. */
export type ArnParts = readonly string[];

const COLON = 58;

export function splitArn(arn: string): ArnParts | undefined {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const end = arn.indexOf(':', start);
    if (end < 0) return undefined;
    parts.push(arn.slice(start, end));
    start = end + 1;
  }
  parts.push(arn.slice(start));
  return parts;
}

/**
 * splitArn for the request resource, remembering the last ARN: one request tests the same resource against every
 * statement's patterns.
 */
let lastArn: string | undefined;
let lastParts: ArnParts | undefined;

export function splitArnCached(arn: string): ArnParts | undefined {
  if (arn !== lastArn) {
    lastParts = splitArn(arn);
    lastArn = arn;
  }
  return lastParts;
}

/**
 * A static pattern with wildcards as tests of the ARN's parts, resource part first (it differs most between
 * patterns): a literal part compares as a string, a glob part with wildcard.ts, a `*` part is skipped.
 */
interface StaticArnGlob {
  readonly at: readonly number[];
  readonly literals: readonly (string | undefined)[];
  readonly globs: readonly (Matcher | undefined)[];
}

function compileStaticArnGlob(parts: ArnParts): StaticArnGlob {
  const glob = { at: [] as number[], literals: [] as (string | undefined)[], globs: [] as (Matcher | undefined)[] };
  for (let i = 5; i >= 0; i--) {
    const part = parts[i] as string;
    if (part === '*') continue;
    const wild = hasWildcard(part);
    glob.at.push(i);
    glob.literals.push(wild ? undefined : part);
    glob.globs.push(wild ? compileGlob(part) : undefined);
  }
  return glob;
}

function matchesStaticArnGlob(glob: StaticArnGlob, parts: ArnParts): boolean {
  const { at, literals, globs } = glob;
  for (let k = 0; k < at.length; k++) {
    const part = parts[at[k] as number] as string;
    const literal = literals[k];
    if (literal !== undefined ? part !== literal : !(globs[k] as Matcher)(part)) return false;
  }
  return true;
}

/**
 * One test of an ARN's text against static patterns (no variables). `*` alone matches anything, the literal
 * request resource `*` included; a pattern that is not a six-part ARN matches nothing else. Parts are matched
 * one by one with the linear-time globs of wildcard.ts: the first five parts of a split ARN hold no colon, so a
 * `*` there cannot cross one.
 */
function compileArnPatterns(patterns: readonly string[]): Matcher {
  if (patterns.includes('*')) return () => true;
  const exact = new Set<string>();
  const globs: StaticArnGlob[] = [];
  for (const pattern of patterns) {
    const parts = splitArn(pattern);
    if (!parts) continue;
    if (!hasWildcard(pattern)) exact.add(pattern);
    else globs.push(compileStaticArnGlob(parts));
  }
  if (globs.length === 0) return (text) => exact.has(text);
  const anyExact = exact.size > 0;
  return (text) => {
    if (anyExact && exact.has(text)) return true;
    const parts = splitArnCached(text);
    if (!parts) return false;
    for (const glob of globs) if (matchesStaticArnGlob(glob, parts)) return true;
    return false;
  };
}

/** A pattern holding policy variables: resolved against the request, then matched part by part. */
function compileArnTemplate(template: readonly TemplatePart[]): (arn: string, context: RequestContext) => boolean {
  return (arn, context) => {
    const pieces = resolveTemplate(template, context);
    if (!pieces) return false;
    const codes: number[] = [];
    for (const piece of pieces) pushGlobCodes(codes, piece.text, piece.wild);
    if (codes.length === 1 && codes[0] === STAR) return true;
    const patternParts = splitCodes(codes);
    const arnParts = splitArnCached(arn);
    if (!patternParts || !arnParts) return false;
    return patternParts.every((part, i) => matchGlobCodes(part, arnParts[i] as string));
  };
}

/** Splits codes at the first five colons; fewer than six parts is not an ARN and matches nothing. */
function splitCodes(codes: number[]): number[][] | undefined {
  const parts: number[][] = [[]];
  for (const code of codes) {
    if (code === COLON && parts.length < 6) parts.push([]);
    else (parts[parts.length - 1] as number[]).push(code);
  }
  return parts.length === 6 ? parts : undefined;
}

/** Static and variable patterns together: true when any matches. */
export function compileArnMatcher(
  patterns: readonly string[],
  parse: (pattern: string) => readonly TemplatePart[] | undefined,
): (arn: string, context: RequestContext) => boolean {
  const templates: (readonly TemplatePart[])[] = [];
  const statics: string[] = [];
  for (const pattern of patterns) {
    const template = parse(pattern);
    if (template) templates.push(template);
    else statics.push(pattern);
  }
  const matchStatic = compileArnPatterns(statics);
  if (templates.length === 0) return matchStatic;
  const matchTemplates = templates.map(compileArnTemplate);
  return (arn, context) => matchStatic(arn) || matchTemplates.some((match) => match(arn, context));
}
