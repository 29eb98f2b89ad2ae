/**
 * One port, two protocols: the runtime SDK client speaks cleartext HTTP/2 with prior knowledge, the control-plane
 * client and boto3 speak HTTP/1.1. The first bytes of a connection tell them apart (the HTTP/2 preface starts with
 * `PRI `). http2 reads the socket's native handle, so it gets a Duplex that replays the sniffed bytes first
 * (wire-notes §1c: unshift loses them).
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import http2, { type Http2Session } from 'node:http2';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { Duplex } from 'node:stream';
import { AwsError, serialization } from '../protocol/errors.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const PREFACE = Buffer.from('PRI * HTTP/2.0');

/** Replays `head`, then proxies the socket both ways. */
class ReplayingSocket extends Duplex {
  constructor(
    private readonly socket: net.Socket,
    head: Buffer,
  ) {
    super();
    this.push(head);
    socket.on('data', (chunk) => {
      if (!this.push(chunk)) socket.pause();
    });
    socket.on('end', () => this.push(null));
    socket.on('error', (err) => this.destroy(err));
    socket.on('close', () => this.destroy());
  }
  override _read() {
    this.socket.resume();
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void) {
    this.socket.write(chunk, cb);
  }
  override _final(cb: () => void) {
    this.socket.end(cb);
  }
  override _destroy(err: Error | null, cb: (err: Error | null) => void) {
    this.socket.destroy();
    cb(err);
  }
  // http2 asks for these on the socket it is given.
  get remoteAddress() {
    return this.socket.remoteAddress;
  }
  get remotePort() {
    return this.socket.remotePort;
  }
  get localAddress() {
    return this.socket.localAddress;
  }
  get localPort() {
    return this.socket.localPort;
  }
  get encrypted() {
    return false;
  }
  setTimeout(ms: number, cb?: () => void) {
    this.socket.setTimeout(ms, cb);
    return this;
  }
  setNoDelay(noDelay?: boolean) {
    this.socket.setNoDelay(noDelay);
    return this;
  }
  setKeepAlive(enable?: boolean, delay?: number) {
    this.socket.setKeepAlive(enable, delay);
    return this;
  }
}

export interface DualServer extends net.Server {
  closeAllConnections(): void;
  closeIdleConnections(): void;
}

export function createDualServer(handler: Handler): DualServer {
  const h1 = http.createServer(handler);
  const h2 = http2.createServer({}, handler as never);
  const sessions = new Set<Http2Session>();
  h2.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
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
    socket.once('readable', function sniff() {
      const head: Buffer | null = socket.read();
      if (head === null) {
        socket.once('readable', sniff);
        return;
      }
      silent.delete(socket);
      if (head.length >= PREFACE.length ? head.subarray(0, PREFACE.length).equals(PREFACE) : PREFACE.subarray(0, head.length).equals(head)) {
        h2.emit('connection', new ReplayingSocket(socket, head));
      } else {
        socket.unshift(head);
        h1.emit('connection', socket);
      }
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
  // Bytes Node's parser refuses never reach fastify: answer them in AWS's shape (SPEC §3.1) instead of a bare 400.
  h1.on('clientError', (err: NodeJS.ErrnoException, socket: net.Socket) => {
    if (!socket.writable) return socket.destroy();
    const error =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? new AwsError('RequestHeaderFieldsTooLarge', 431, 'Request header fields too large.')
        : serialization('The request could not be parsed.');
    const body = JSON.stringify(error.body());
    socket.end(
      `HTTP/1.1 ${error.statusCode} ${http.STATUS_CODES[error.statusCode]}\r\n` +
        `x-amzn-requestid: ${randomUUID()}\r\nx-amzn-errortype: ${error.type}\r\n` +
        `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  server.on('close', () => h1.close());
  return server;
}
