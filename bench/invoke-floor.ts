/**
 * The floor under the InvokeFlow latency: a bare cleartext HTTP/2 server that answers every request at once with
 * the same two events (an output, then the completion), no SigV4, no flow. Timed with the same SDK client and
 * loop as the emulator, it shows how much of a call is the client, the connection and h2, not the emulator.
 */
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { encodeEvent, EVENT_STREAM_CONTENT_TYPE } from '../src/protocol/eventstream.js';

export async function startInvokeFloor(): Promise<{ url: string; close(): Promise<void> }> {
  const body = Buffer.concat([
    encodeEvent('flowOutputEvent', { nodeName: 'FlowOutput', nodeType: 'FlowOutputNode', content: { document: 'done' } }),
    encodeEvent('flowCompletionEvent', { completionReason: 'SUCCESS' }),
  ]);
  const server = http2.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': EVENT_STREAM_CONTENT_TYPE, 'x-amz-bedrock-flow-execution-id': 'floor' });
      res.end(body);
    });
  });
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on('session', (s) => {
    sessions.add(s);
    s.on('close', () => sessions.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sessions) s.destroy();
        server.close(() => resolve());
      }),
  };
}
