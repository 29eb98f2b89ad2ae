/**
 * How long a connection may hold a socket without making progress. A socket that never finishes its first bytes,
 * its request head or its request, or that idles between requests, is closed: otherwise a few hundred of them
 * exhaust the process's file descriptors and nothing, /_emulator/health included, gets through (issue 13).
 */
export interface ServerTimeouts {
  /** From accept to the bytes that tell HTTP/1.1 from h2c (the 14-byte HTTP/2 preface or a first byte that is not it). */
  sniffMs: number;
  /** HTTP/1.1: from the first byte of a request to the end of its head (Node's headersTimeout). */
  headersMs: number;
  /** HTTP/1.1: from the first byte of a request to the end of its body (Node's requestTimeout). */
  requestMs: number;
  /** HTTP/1.1: idle time between requests on a keep-alive connection (Node's keepAliveTimeout). */
  keepAliveMs: number;
  /** HTTP/2: idle time of a session with no open stream; a stream in progress (a slow InvokeFlow) is never cut. */
  idleSessionMs: number;
}

export const DEFAULT_TIMEOUTS: Readonly<ServerTimeouts> = Object.freeze({
  sniffMs: 10_000,
  headersMs: 30_000,
  // Node's default: an 8 MB CreateFlow body over a slow link still fits.
  requestMs: 300_000,
  // Longer than the idle time of the clients' own pools, so the client, not the server, closes an idle socket:
  // a server closing a socket the client is reusing at that moment gives the client ECONNRESET. Node's server
  // also sends `Keep-Alive: timeout=65`, which Node's http.Agent and undici honour. It is AWS's own rule for
  // targets behind an ALB, whose idle timeout is 60 s: the target's keep-alive should be longer
  // (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-load-balancer-attributes.html).
  keepAliveMs: 65_000,
  idleSessionMs: 60_000,
});

/** Defaults for what is not given; a value that is not a positive whole number of ms is a programming error. */
export function resolveTimeouts(given: Partial<ServerTimeouts> = {}): ServerTimeouts {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...given };
  for (const [name, value] of Object.entries(timeouts)) {
    if (!Number.isSafeInteger(value) || value <= 0)
      throw new RangeError(`timeouts.${name} must be a positive whole number of milliseconds, got ${value}`);
  }
  // Node refuses a head deadline later than the whole request's.
  if (timeouts.headersMs > timeouts.requestMs)
    throw new RangeError(`timeouts.headersMs (${timeouts.headersMs}) must not exceed timeouts.requestMs (${timeouts.requestMs})`);
  return timeouts;
}
