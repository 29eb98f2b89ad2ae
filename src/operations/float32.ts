/**
 * Bedrock stores temperature and topP as float32 and answers them widened to double (0.9 → 0.8999999761581421:
 * behaviour-notes §12.2). Applied on write, wherever those members sit in a flow definition or prompt variant.
 */
const FLOAT32_MEMBERS = new Set(['temperature', 'topP']);

export function toStoredFloats<T>(value: T): T {
  if (Array.isArray(value)) return value.map(toStoredFloats) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = FLOAT32_MEMBERS.has(k) && typeof v === 'number' ? Math.fround(v) : toStoredFloats(v);
  }
  return out as T;
}
