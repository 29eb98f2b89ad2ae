/**
 * Stopping the server: stop accepting, let in-flight requests finish for `drainMs`, then end the InvokeFlow
 * streams still open with an exception frame, give their readers a moment to take it, and close what is left.
 * Bounded end to end, so that a run that never ends (or a client that never reads) cannot hold a shutdown past
 * `docker stop`'s 10 s grace (docs.docker.com/reference/cli/docker/container/stop/).
 */
import type { FastifyInstance } from 'fastify';
import type { DualServer } from './dual-protocol.js';
import type { OpenStreams } from './open-streams.js';

/** How long a cut stream's reader gets to take its exception frame before its connection is closed. */
const CUT_GRACE_MS = 1_000;

export async function closeServer(app: FastifyInstance, streams: OpenStreams, drainMs: number): Promise<void> {
  const closed = app.close();
  if (await settlesWithin(closed, drainMs)) return;
  if (streams.cutAll() > 0 && (await settlesWithin(closed, CUT_GRACE_MS))) return;
  (app.server as unknown as DualServer).closeAllConnections();
  await closed;
}

function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  return Promise.race([promise.then(() => true), late]).finally(() => clearTimeout(timer));
}
