/**
 * clientToken idempotency for every Create: the same token with the same parameters answers the first response and
 * creates nothing; with different parameters it is a conflict (behaviour-notes §7).
 */
import { conflict } from '../protocol/errors.js';
import type { OperationContext } from './context.js';

const RETENTION_MS = 8 * 60 * 60 * 1000;

export function idempotent<I extends { clientToken?: string }, O>(
  ctx: OperationContext,
  operation: string,
  parent: string,
  input: I,
  create: () => O,
): O {
  const token = input.clientToken;
  if (token === undefined) return create();
  const key = `${operation}/${parent}/${token}`;
  const { clientToken: _, ...rest } = input;
  const fingerprint = JSON.stringify(rest);
  const now = ctx.clock();
  const previous = ctx.world.idempotency.get(key);
  if (previous && now - previous.at < RETENTION_MS) {
    if (previous.fingerprint !== fingerprint) {
      throw conflict(
        `The request with client token ${token} was already made with different parameters. Use a new client token.`,
      );
    }
    return previous.response as O;
  }
  const response = create();
  ctx.world.idempotency.set(key, { fingerprint, response, at: now });
  return response;
}
