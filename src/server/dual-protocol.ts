/**
 * One port, two protocols: the runtime SDK client speaks cleartext HTTP/2 with prior knowledge, the control-plane
 * client and boto3 speak HTTP/1.1. The first bytes of a connection tell them apart (the HTTP/2 preface starts with
 * `PRI `). The sniffed bytes go back with unshift for both: http2 feeds what the socket has buffered to its session
 * before it reads the native handle (Node ≥ 15). Handing http2 the native socket, not a JS stream around it, saves
 * every frame a trip through JS.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import http2, { type Http2Session } from 'node:http2';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import type { Logger } from 'pino';
import { headerFieldsTooLarge, renderError, requestTimeout, serialization } from '../protocol/errors.js';
import { closeWhenIdle } from './idle-session.js';
import { DEFAULT_TIMEOUTS, type ServerTimeouts } from './timeouts.js';
import { callerOf, unroutedName, writeRequestLine } from './request-log.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const PREFACE = Buffer.from('PRI * HTTP/2.0');

export interface DualServer extends net.Server {
  closeAllConnections(): void;
  closeIdleConnections(): void;
}

export function createDualServer(handler: Handler, timeouts: ServerTimeouts = DEFAULT_TIMEOUTS, log?: Logger): DualServer {
  const h1 = http.createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      // The head and request deadlines are checked on this interval (Node's default 30 s): a quarter of the
      // shorter one keeps a slow head from outliving its deadline by much.
      connectionsCheckingInterval: Math.max(25, Math.min(30_000, Math.floor(timeouts.headersMs / 4))),
    },
    handler,
  );
  const h2 = http2.createServer({}, handler as never);
  const sessions = new Set<Http2Session>();
  h2.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
    closeWhenIdle(session, timeouts.idleSessionMs);
  });
  // Every raw socket, and those that have not spoken yet: closing must not wait for a client that never speaks.
  const sockets = new Set<net.Socket>();
  const silent = new Set<net.Socket>();
  const server = net.createServer({ pauseOnConnect: false, noDelay: true }, (socket) => {
    sockets.add(socket);
    silent.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      silent.delete(socket);
    });
    // A client that connects and never says which protocol it speaks is dropped (neither server would time it out).
    const dropSilent = () => socket.destroy();
    socket.setTimeout(timeouts.sniffMs, dropSilent);
    let head: Buffer | undefined;
    socket.on('readable', function sniff() {
      const chunk: Buffer | null = socket.read();
      if (chunk === null) return;
      head = head ? Buffer.concat([head, chunk]) : chunk;
      // A preface split across segments: wait for the rest, still under the sniff deadline.
      if (head.length < PREFACE.length && PREFACE.subarray(0, head.length).equals(head)) return;
      socket.removeListener('readable', sniff);
      socket.setTimeout(0, dropSilent);
      socket.off('timeout', dropSilent);
      silent.delete(socket);
      socket.unshift(head);
      (head.subarray(0, PREFACE.length).equals(PREFACE) ? h2 : h1).emit('connection', socket);
    });
    socket.on('error', () => socket.destroy());
  }) as DualServer;
  server.closeAllConnections = () => {
    h1.closeAllConnections();
    for (const s of sessions) s.destroy();
    for (const socket of sockets) socket.destroy();
  };
  server.closeIdleConnections = () => {
    h1.closeIdleConnections();
    for (const s of sessions) s.close();
    for (const socket of silent) socket.destroy();
  };
  // http.Server tracks its connections (closeIdleConnections, closeAllConnections) only once it has emitted
  // 'listening'; h1 never listens itself, so it is told when the outer server does.
  server.on('listening', () => h1.emit('listening'));
  // Bytes Node's parser refuses never reach fastify: answer them in AWS's shape (README, Supported operations) instead of a bare 400.
  h1.on('clientError', (err: NodeJS.ErrnoException, socket: net.Socket) => {
    // A response already under way (a 404 sent before its request's body stalled) must not get a second head.
    const inFlight = (socket as net.Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (!socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const error =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? headerFieldsTooLarge()
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? requestTimeout()
          : serialization('The request could not be parsed.');
    const { status, headers, body } = renderError(error);
    const requestId = randomUUID();
    // Fastify never sees these requests, so their request-log line is written here (a request whose head was read
    // is named by method and path; bytes that never parsed have no name).
    if (log?.isLevelEnabled('info')) {
      const req = inFlight?.req;
      writeRequestLine(log, {
        operation: req ? unroutedName(req.method ?? '-', req.url ?? '') : 'unparsed request',
        status: error.statusCode,
        caller: req ? callerOf('', req.headers) : 'anonymous',
        errorType: error.type,
        requestId,
      });
    }
    let head = `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nx-amzn-requestid: ${requestId}\r\n`;
    for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
    socket.end(`${head}content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
    // A client that never closes its side would keep the half-closed socket (and its descriptor) forever; one
    // that does gets time to read the answer first (destroying at once can reset the connection under it).
    socket.setTimeout(timeouts.sniffMs, () => socket.destroy());
  });
  server.on('close', () => h1.close());
  return server;
}
