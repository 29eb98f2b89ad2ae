/**
 * Policy variables (`${aws:username}`, `${aws:PrincipalTag/team, 'default'}`, `${*}`, `${?}`, `${$}`), valid in
 * Version 2012-10-17 documents only; in 2008-10-17 (or no Version) the text is literal.
 */
import type { RequestContext } from './context.js';

/** Pattern text (wildcards active), literal text (from `${*}` etc.), or a context key to substitute. */
export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'key'; readonly key: string; readonly name: string; readonly fallback?: string };

/** A resolved piece: `wild` pieces keep `*`/`?` as wildcards, the others are literal. */
export interface ResolvedPiece {
  readonly text: string;
  readonly wild: boolean;
}

const VARIABLE = /\$\{([^}]*)\}/g;
const WITH_DEFAULT = /^\s*([^,]+?)\s*,\s*'([^']*)'\s*$/;
const SPECIAL: Readonly<Record<string, string>> = { '*': '*', '?': '?', $: '$' };

/** Splits text into parts, or returns undefined when it holds no variable (the common, static case). */
export function parseTemplate(text: string): TemplatePart[] | undefined {
  if (!text.includes('${')) return undefined;
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of text.matchAll(VARIABLE)) {
    const start = match.index ?? 0;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    parts.push(parseVariable(match[1] ?? ''));
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts.some((part) => part.kind !== 'text') ? parts : undefined;
}

function parseVariable(body: string): TemplatePart {
  const special = SPECIAL[body.trim()];
  if (special !== undefined) return { kind: 'literal', text: special };
  const withDefault = WITH_DEFAULT.exec(body);
  const name = withDefault ? (withDefault[1] ?? '') : body.trim();
  return { kind: 'key', key: name.toLowerCase(), name, ...(withDefault ? { fallback: withDefault[2] ?? '' } : {}) };
}

/**
 * Substitutes the variables from the request context. Returns undefined when a key is absent (and has no default) or
 * is multivalued: the value is then "null" and matches nothing.
 */
export function resolveTemplate(parts: readonly TemplatePart[], context: RequestContext): ResolvedPiece[] | undefined {
  const pieces: ResolvedPiece[] = [];
  for (const part of parts) {
    if (part.kind !== 'key') {
      pieces.push({ text: part.text, wild: part.kind === 'text' });
      continue;
    }
    const value = context.get(part.key, part.name);
    const text = typeof value === 'string' ? value : part.fallback;
    if (text === undefined) return undefined;
    pieces.push({ text, wild: false });
  }
  return pieces;
}

/** The resolved text as one plain string (for operators without wildcards). */
export function resolveToString(parts: readonly TemplatePart[], context: RequestContext): string | undefined {
  const pieces = resolveTemplate(parts, context);
  return pieces?.map((piece) => piece.text).join('');
}
