/** GET /_emulator/runs' query string as a RunFilter; a bad value is a ValidationException, not an ignored one. */
import { validationException } from '../protocol/errors.js';
import type { RunFilter } from '../runs/index.js';

const NAMES = ['flowId', 'flowAliasId', 'outcome', 'account'] as const;

export function runFilter(query: Record<string, string | string[] | undefined>): RunFilter {
  const filter: { -readonly [K in keyof RunFilter]: RunFilter[K] } = {};
  for (const name of NAMES) {
    const value = single(query, name);
    if (value !== undefined) filter[name] = value;
  }
  const max = single(query, 'maxResults');
  if (max !== undefined) {
    if (!/^[1-9][0-9]{0,5}$/.test(max)) throw validationException(`maxResults must be a whole number from 1, not ${JSON.stringify(max)}.`);
    filter.maxResults = Number(max);
  }
  return filter;
}

function single(query: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw validationException(`${name} may be given once.`);
  return value;
}
