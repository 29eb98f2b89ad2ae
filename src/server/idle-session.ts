/**
 * Closes an HTTP/2 session that has had no frame and no open stream for `idleMs`. Node's session timeout counts
 * frames, not streams: on its own it would cut an InvokeFlow stream that is quiet while a slow Lambda runs. So
 * when it fires with streams open, only those whose request never finished arriving (a client stalling mid-body
 * holds its stream, and the session, forever) are reset; a stream whose request is complete is the server's
 * work in progress and is left alone. Any frame restarts Node's timer, so it fires again once all is quiet.
 */
import { constants, type Http2Session, type ServerHttp2Stream } from 'node:http2';

export function closeWhenIdle(session: Http2Session, idleMs: number): void {
  const open = new Set<ServerHttp2Stream>();
  session.on('stream', (stream: ServerHttp2Stream) => {
    open.add(stream);
    stream.once('close', () => open.delete(stream));
  });
  session.on('timeout', () => {
    if (session.closed) return;
    // close() sends GOAWAY, so the client stops using the session, and with no stream left Node destroys the
    // socket itself, whether or not the client ever answers.
    if (open.size === 0) return void session.close();
    for (const stream of open) if (!stream.endAfterHeaders && !stream.readableEnded) stream.close(constants.NGHTTP2_CANCEL);
    // The resets may be the session's last frames: arm the timer again so it can close once they are gone.
    session.setTimeout(idleMs);
  });
  session.setTimeout(idleMs);
}
