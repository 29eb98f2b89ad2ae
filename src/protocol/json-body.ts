/**
 * The JSON of a response body. Members frozen by src/immutable.ts (stored flow definitions) are serialized once
 * and spliced in: a 12-node definition is most of GetFlow's 1.7 KB body, and JSON.stringify of it was a tenth of
 * the request's CPU.
 */
import { isFrozenDeep } from '../immutable.js';

const serialized = new WeakMap<object, string>();

function memberJson(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || !isFrozenDeep(value)) return JSON.stringify(value);
  let json = serialized.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    serialized.set(value, json);
  }
  return json;
}

export function jsonBody(payload: unknown): string {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload) || 'toJSON' in payload) return JSON.stringify(payload);
  let out = '';
  for (const key of Object.keys(payload)) {
    const json = memberJson((payload as Record<string, unknown>)[key]);
    if (json !== undefined) out += `${out === '' ? '{' : ','}${JSON.stringify(key)}:${json}`;
  }
  return out === '' ? '{}' : `${out}}`;
}
