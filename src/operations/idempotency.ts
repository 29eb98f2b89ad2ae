/**
 * clientToken idempotency for every Create: the same token with the same parameters answers the first response and
 * creates nothing; with different parameters it is a conflict (docs/behaviour.md#idempotency).
 *
 * The SDK sends a fresh token on every Create, so the store is bounded: a token is remembered for 8 hours (the
 * window AWS documents for client tokens, e.g. the Verified Permissions and Directory Service Data API references),
 * at most `quotas.idempotencyEntries` of them, and their responses' JSON at most `quotas.idempotencyResponseBytes`
 * (oldest tokens forgotten first). An entry keeps a SHA-256 of the parameters, never the parameters themselves.
 */
import { createHash } from 'node:crypto';
import { conflict } from '../protocol/errors.js';
import type { IdempotentCall } from '../world/records.js';
import type { OperationContext } from './context.js';

export const IDEMPOTENCY_WINDOW_MS = 8 * 60 * 60 * 1000;

export function idempotent<I extends { clientToken?: string }, O>(
  ctx: OperationContext,
  operation: string,
  parent: string,
  input: I,
  create: () => O,
): O {
  const token = input.clientToken;
  if (token === undefined) return create();
  const calls = ctx.world.idempotency;
  const now = ctx.clock.epochMs();
  forgetExpired(calls, now);
  const key = `${operation}/${parent}/${token}`;
  const { clientToken: _, ...rest } = input;
  // The SDK serializes members in a stable order, so the same request gives the same JSON.
  const inputHash = createHash('sha256').update(JSON.stringify(rest)).digest('hex');
  const previous = calls.get(key);
  if (previous && now - previous.at < IDEMPOTENCY_WINDOW_MS) {
    if (previous.inputHash !== inputHash) {
      throw conflict(`The request with client token ${token} was already made with different parameters. Use a new client token.`);
    }
    return previous.response as O;
  }
  const response = create();
  calls.delete(key); // an expired entry the sweep did not reach: the new one goes to the end
  calls.set(key, { inputHash, response, responseBytes: JSON.stringify(response)?.length ?? 0, at: now });
  forgetOldest(calls, ctx.settings.quotas.idempotencyEntries, ctx.settings.quotas.idempotencyResponseBytes);
  return response;
}

/** Entries are in insertion order, which is clock order: expired ones are at the front. */
function forgetExpired(calls: Map<string, IdempotentCall>, now: number): void {
  for (const [key, call] of calls) {
    if (now - call.at < IDEMPOTENCY_WINDOW_MS) return;
    calls.delete(key);
  }
}

/** Drops the oldest entries past either bound; the newest one stays, whatever its size. */
function forgetOldest(calls: Map<string, IdempotentCall>, maxEntries: number, maxBytes: number): void {
  let bytes = 0;
  for (const call of calls.values()) bytes += call.responseBytes;
  for (const [key, call] of calls) {
    if (calls.size <= 1 || (calls.size <= maxEntries && bytes <= maxBytes)) return;
    calls.delete(key);
    bytes -= call.responseBytes;
  }
}
