/**
 * Closes an HTTP/2 session that has had no open stream for `idleMs`. Node's session timeout counts frames, not
 * streams: on its own it would cut an InvokeFlow stream that is quiet while a slow Lambda runs. So a timeout that
 * fires with a stream open does nothing; the stream's next frame (its last one at the latest) restarts the timer.
 */
import type { Http2Session, ServerHttp2Stream } from 'node:http2';

export function closeWhenIdle(session: Http2Session, idleMs: number): void {
  let open = 0;
  const streamClosed = () => void open--;
  session.on('stream', (stream: ServerHttp2Stream) => {
    open++;
    stream.once('close', streamClosed);
  });
  // close() sends GOAWAY, so the client stops using the session, and with no stream left Node destroys the
  // socket itself, whether or not the client ever answers.
  session.on('timeout', () => {
    if (open === 0 && !session.closed) session.close();
  });
  session.setTimeout(idleMs);
}
