/**
 * Flow definitions never change once stored: UpdateFlow stores a new one. Freezing them turns that into a rule the
 * runtime enforces, lets snapshots (prepared drafts, versions) share them instead of copying, and lets a response
 * serialize each one only once (src/protocol/json-body.ts). A leaf of its own: the world freezes, the protocol
 * layer serializes, and protocol importing world would be a cycle (world imports protocol's errors).
 */
const immutable = new WeakSet<object>();

function freezeAll(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  for (const member of Object.values(value)) freezeAll(member);
  Object.freeze(value);
}

export function freezeDeep<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !immutable.has(value)) {
    freezeAll(value);
    immutable.add(value);
  }
  return value;
}

/** True for what freezeDeep froze, and only that: a shallow Object.freeze elsewhere may still hide mutable members. */
export const isFrozenDeep = (value: object): boolean => immutable.has(value);
