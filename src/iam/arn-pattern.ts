/**
 * ARN matching for Resource/NotResource and the Arn* condition operators: the six colon-separated parts are
 * matched one by one, so a `*` never crosses a `:` in the first five parts, while the resource part (the rest of
 * the ARN, colons included) matches as a whole. Static patterns compile to one RegExp over the whole ARN; patterns
 * holding policy variables are resolved per request and matched part by part.
 */
import type { RequestContext } from './context.js';
import { resolveTemplate, type TemplatePart } from './variables.js';
import { globToRegExpSource, hasWildcard, matchGlobCodes, pushGlobCodes, STAR, type Matcher } from './wildcard.js';

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
 * One test of an ARN's text against static patterns (no variables). `*` alone matches anything, the literal
 * request resource `*` included; a pattern that is not a six-part ARN matches nothing else.
 */
function compileArnPatterns(patterns: readonly string[]): Matcher {
  if (patterns.includes('*')) return () => true;
  const exact = new Set<string>();
  const sources: string[] = [];
  for (const pattern of patterns) {
    const parts = splitArn(pattern);
    if (!parts) continue;
    if (!hasWildcard(pattern)) exact.add(pattern);
    else sources.push(parts.map((part, i) => globToRegExpSource(part, i < 5 ? '[^:]' : '.')).join(':'));
  }
  if (sources.length === 0) return (text) => exact.has(text);
  const re = new RegExp(`^(?:${sources.join('|')})$`, 's');
  return (text) => exact.has(text) || re.test(text);
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
    const arnParts = splitArn(arn);
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
