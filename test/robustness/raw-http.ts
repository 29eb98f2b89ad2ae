/** Bytes no HTTP client library would send (duplicate Content-Length, broken request lines), over a bare socket. */
import net from 'node:net';

export interface RawAnswer {
  /** 0 when the server closed the connection without an answer. */
  status: number;
  headers: Record<string, string>;
  text: string;
}

export function sendRawHttp(port: number, bytes: string | Buffer, timeoutMs = 2000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const [head = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0), headers, text });
    };
    // Keep-alive answers leave the socket open: stop once a full head has arrived and a moment has passed.
    const timer = setTimeout(done, timeoutMs);
    socket.on('data', (d) => {
      chunks.push(d);
      if (Buffer.concat(chunks).includes('\r\n\r\n')) setTimeout(done, 50);
    });
    socket.on('end', done);
    socket.on('error', done);
    socket.write(bytes);
  });
}
