/**
 * GET /_emulator/runs/events: the run records as server-sent events (https://html.spec.whatwg.org/multipage/server-sent-events.html),
 * `run-started` when a run starts and `run` when it ends or pauses, each with the record's JSON. A comment line
 * every 15 s keeps proxies from closing a quiet feed. A client that does not read is dropped once its unsent
 * bytes pass a bound: the feed never buffers more than that per client.
 */
import type { FastifyReply } from 'fastify';
import type { RunEvent, RunRecorder } from '../runs/index.js';

/** Unsent bytes a client may fall behind by before it is dropped. */
export const FEED_MAX_BUFFERED_BYTES = 1024 * 1024;
const HEARTBEAT_MS = 15_000;

/** The feeds open now, so that a closing server ends them instead of waiting for them. */
export class RunFeeds {
  private readonly open = new Set<() => void>();
  /** The last event's text: every client gets the same, serialized once. */
  private last: { event: RunEvent; text: string } | undefined;

  serve(reply: FastifyReply, recorder: RunRecorder): void {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
    res.write(': runs\n\n');
    const end = () => {
      unsubscribe();
      clearInterval(heartbeat);
      this.open.delete(end);
      if (!res.writableEnded) res.end();
    };
    const send = (text: string) => {
      if (res.writableEnded || res.destroyed) return;
      if (res.writableLength > FEED_MAX_BUFFERED_BYTES) {
        end();
        res.destroy();
        return;
      }
      res.write(text);
    };
    const unsubscribe = recorder.onRun((event) => send(this.textOf(event)));
    const heartbeat = setInterval(() => send(': heartbeat\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    this.open.add(end);
    res.on('close', end);
  }

  private textOf(event: RunEvent): string {
    if (this.last?.event !== event) this.last = { event, text: `event: ${event.type}\ndata: ${JSON.stringify(event.run)}\n\n` };
    return this.last.text;
  }

  closeAll(): void {
    this.last = undefined;
    for (const end of [...this.open]) end();
  }
}
