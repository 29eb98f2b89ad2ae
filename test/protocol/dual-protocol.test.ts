/**
 * One port, HTTP/1.1 and h2c: the first bytes decide, and they must reach whichever server takes the connection
 * even when the HTTP/2 preface arrives in pieces (it is read before http2 owns the socket).
 */
import http2 from 'node:http2';
import net from 'node:net';
import { Duplex } from 'node:stream';
import t from 'tap';
import { request } from 'undici';
import { withEmulator, ADMIN_ONLY } from '../helpers/emulator.js';

/** A TCP connection whose first write goes out as two segments, 30 ms apart. */
class SplitFirstWrite extends Duplex {
  private first = true;
  constructor(private readonly socket: net.Socket) {
    super();
    socket.on('data', (chunk) => this.push(chunk));
    socket.on('end', () => this.push(null));
  }
  override _read() {}
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void) {
    if (!this.first) return void this.socket.write(chunk, cb);
    this.first = false;
    this.socket.write(chunk.subarray(0, 5));
    setTimeout(() => this.socket.write(chunk.subarray(5), cb), 30);
  }
  override _destroy(err: Error | null, cb: (err: Error | null) => void) {
    this.socket.destroy();
    cb(err);
  }
}

function h2Get(url: string, path: string, split: boolean): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  const session = http2.connect(
    url,
    split ? { createConnection: () => new SplitFirstWrite(net.connect(Number(port), hostname)) as never } : {},
  );
  return new Promise((resolve, reject) => {
    session.on('error', reject);
    const stream = session.request({ ':path': path });
    let body = '';
    let status = 0;
    stream.on('response', (headers) => (status = Number(headers[':status'])));
    stream.on('data', (d) => (body += d));
    stream.on('end', () => {
      session.close();
      resolve({ status, body });
    });
    stream.on('error', reject);
  });
}

t.test('h2c with the preface in one segment or split across two, and HTTP/1.1, on the same port', async (t) => {
  const { emu } = await withEmulator(t, { fixtures: [ADMIN_ONLY] });
  for (const split of [false, true]) {
    const res = await h2Get(emu.url, '/_emulator/health', split);
    t.equal(res.status, 200, `h2c, split preface: ${split}`);
    t.match(JSON.parse(res.body), { status: 'ok' });
  }
  const h1 = await request(`${emu.url}/_emulator/health`);
  t.equal(h1.statusCode, 200, 'HTTP/1.1');
  t.match(await h1.body.json(), { status: 'ok' });
});
