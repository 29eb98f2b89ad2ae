/**
 * Stand-ins for a local model server on loopback (no network, no model): OpenAI-compatible
 * `POST /v1/chat/completions` and Ollama's `POST /api/chat`. The request's `model` picks the behaviour: `good`
 * answers, `broken` answers HTTP 500, `busy` 429, `huge` 5 MiB, `hang` never answers (until the client goes away).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Test } from 'tap';

export interface SeenRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

export interface FakeModelServer {
  url: string;
  requests: SeenRequest[];
  /** Resolves when a request the server never answered is closed by the emulator. */
  abandoned: Promise<void>;
  /** Resolves when the next request arrives. */
  nextRequest(): Promise<SeenRequest>;
}

export const ANSWER = 'Rock on, {{artist}}!';

function reply(path: string, model: unknown): { status: number; body: unknown } | undefined {
  if (model === 'broken') return { status: 500, body: { error: 'model crashed' } };
  if (model === 'busy') return { status: 429, body: { error: 'slow down' } };
  if (model === 'hang') return undefined;
  if (path === '/v1/chat/completions') {
    return {
      status: 200,
      body: {
        choices: [{ index: 0, message: { role: 'assistant', content: ANSWER }, finish_reason: 'length' }],
        usage: { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 },
      },
    };
  }
  return {
    status: 200,
    body: { model, message: { role: 'assistant', content: ANSWER }, done: true, done_reason: 'stop', prompt_eval_count: 13, eval_count: 5 },
  };
}

export async function startFakeModelServer(t: Test): Promise<FakeModelServer> {
  const requests: SeenRequest[] = [];
  let waiting: ((request: SeenRequest) => void) | undefined;
  let abandon!: () => void;
  const abandoned = new Promise<void>((resolve) => (abandon = resolve));
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const seen = { path: req.url ?? '', headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
      requests.push(seen);
      waiting?.(seen);
      waiting = undefined;
      const answer = reply(seen.path, seen.body.model);
      if (seen.body.model === 'huge') {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        for (let i = 0; i < 80; i++) res.write(chunk);
        res.end();
        return;
      }
      if (!answer) {
        res.on('close', abandon);
        return;
      }
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => {
    server.closeAllConnections();
    server.close();
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    abandoned,
    nextRequest: () => new Promise((resolve) => (waiting = resolve)),
  };
}
