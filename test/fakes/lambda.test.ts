import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { invokeLambda } from '../../src/fakes/lambda.js';
import { createClock } from '../../src/world/clock.js';
import type { LambdaFunction } from '../../src/world/universe.js';

const fn = (extra: Partial<LambdaFunction>): LambdaFunction => ({
  name: 'f',
  arn: 'arn:aws:lambda:us-east-1:123456789012:function:f',
  account: '123456789012',
  region: 'us-east-1',
  ...extra,
});
const handler = (file: string) => fileURLToPath(new URL(`../fixtures/lambda-handlers/${file}`, import.meta.url));
const options = { timeoutMs: 1000, requestId: 'req-1', clock: createClock() };
const event = { messageVersion: '1.0', flow: { flowArn: 'f', flowAliasArn: 'a' }, node: { name: 'N', inputs: [{ name: 'x', value: 1 }] } };

t.test('a static response, or a fixture error', async (t) => {
  t.same(await invokeLambda(fn({ response: { ok: true } }), event, options), { ok: true, payload: { ok: true } });
  t.same(await invokeLambda(fn({ error: 'nope' }), event, options), { ok: false, errorType: 'Unhandled', errorMessage: 'nope' });
});

t.test('a handler module is called with the event and a context; its result goes through JSON', async (t) => {
  t.same(await invokeLambda(fn({ handlerPath: handler('echo.mjs') }), event, options), {
    ok: true,
    payload: { inputs: { x: 1 }, node: 'N', flowAliasArn: 'a', requestId: 'req-1' },
  });
  t.same(await invokeLambda(fn({ handlerPath: handler('throws.mjs') }), event, options), {
    ok: false,
    errorType: 'Error',
    errorMessage: 'the ledger is locked',
  });
  t.same(await invokeLambda(fn({ handlerPath: handler('slow.mjs') }), event, { ...options, timeoutMs: 20 }), {
    ok: false,
    errorType: 'Sandbox.Timedout',
    errorMessage: 'Task timed out after 0.02 seconds',
  });
  t.match(await invokeLambda(fn({ handlerPath: handler('missing.mjs') }), event, options), {
    ok: false,
    errorType: 'Runtime.ImportModuleError',
  });
  t.match(await invokeLambda(fn({ handlerPath: handler('no-handler.mjs') }), event, options), {
    ok: false,
    errorType: 'Runtime.HandlerNotFound',
  });
});

t.test('a url receives the event as a JSON POST; its JSON answer is the payload, a non-2xx answer an error', async (t) => {
  const seen: unknown[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req
      .on('data', (c: Buffer) => (body += c))
      .on('end', () => {
        seen.push({ method: req.method, type: req.headers['content-type'], event: JSON.parse(body) });
        if (req.url === '/fail') res.writeHead(500).end('down');
        else if (req.url === '/text') res.end('plain words');
        else if (req.url === '/slow') setTimeout(() => res.end('{}'), 300);
        else res.end(JSON.stringify({ answer: 42 }));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => void server.close());
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t.same(await invokeLambda(fn({ url: `${base}/ok` }), event, options), { ok: true, payload: { answer: 42 } });
  t.same(seen[0], { method: 'POST', type: 'application/json', event });
  t.same(await invokeLambda(fn({ url: `${base}/text` }), event, options), { ok: true, payload: 'plain words' });
  t.same(await invokeLambda(fn({ url: `${base}/fail` }), event, options), {
    ok: false,
    errorType: 'HttpError',
    errorMessage: `POST ${base}/fail answered HTTP 500: down`,
  });
  t.match(await invokeLambda(fn({ url: `${base}/slow` }), event, { ...options, timeoutMs: 50 }), {
    ok: false,
    errorType: 'Sandbox.Timedout',
  });
  server.closeAllConnections();
});

t.test("with a log: the handler's console output and a url's failure go to it at debug, not to stdout", async (t) => {
  const lines: { fields: Record<string, unknown>; message: string }[] = [];
  const log = {
    isLevelEnabled: () => true,
    debug: (fields: object, message: string) => void lines.push({ fields: fields as Record<string, unknown>, message }),
  };
  const chattyEvent = { ...event, node: { name: 'N', inputs: [{ name: 'value', value: 'x'.repeat(20_000) }] } };
  const printed: unknown[] = [];
  const realLog = console.log;
  console.log = (...args: unknown[]) => void printed.push(args);
  try {
    await invokeLambda(fn({ handlerPath: handler('chatty.mjs') }), chattyEvent, { ...options, log });
    console.log('outside any handler');
  } finally {
    console.log = realLog;
  }
  t.same(printed, [['outside any handler']], 'only output from outside a handler reaches the real console');
  t.match(lines[0], { fields: { lambda: 'f', lambdaRequestId: 'req-1', stream: 'log' }, message: /^chatty before x+… \(20014 chars\)$/ });
  t.equal(lines[0]!.message.length, 16 * 1024 + ' … (20014 chars)'.length - 1, 'a huge line is cut');
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise((resolve) => closed.close(resolve));
  const result = await invokeLambda(fn({ url: `http://127.0.0.1:${port}/` }), event, { ...options, log });
  t.equal(result.ok, false);
  t.match(lines.at(-1), {
    fields: { lambda: 'f', errorType: 'HttpError' },
    message: /^Lambda f failed: HttpError: POST http:\/\/127\.0\.0\.1:\d+\/ failed/,
  });
});
