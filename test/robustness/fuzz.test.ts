/**
 * Every route gets malformed but correctly signed requests, over HTTP/1.1 and over h2c (fuzz-cases.ts), plus oversized bodies,
 * odd InvokeFlow documents, broken SigV4 and broken HTTP framing. Every answer must be a 4xx that carries
 * x-amzn-ErrorType, x-amzn-RequestId and a JSON message; nothing may answer 5xx; the server must still be healthy
 * afterwards and the world (GET /_emulator/state) unchanged. ROBUSTNESS_SEED=<seed> replays a run.
 */
import http2 from 'node:http2';
import t, { type Test } from 'tap';
import { Agent, request } from 'undici';
import { allRoutes } from '../../routes/index.js';
import { OPERATIONS, type OperationName } from '../../src/generated/operations.js';
import { withEmulator } from '../helpers/emulator.js';
import { sendPrepared, sendPreparedH2, sendSigned, signRequest, type RawResponse } from '../helpers/signed-request.js';
import { decodeEventStream } from './event-stream.js';
import { casesFor, deepArray, deepObject, pathOf, type FuzzCase } from './fuzz-cases.js';
import { createRandom, seedFromEnv } from './prng.js';
import { sendRawHttp } from './raw-http.js';

const seed = seedFromEnv();
const rnd = createRandom(seed);
t.comment(`seed ${seed} (replay with ROBUSTNESS_SEED=${seed})`);

const MB = 1024 * 1024;

interface Failure {
  request: string;
  status: number;
  errorType?: string;
  requestId?: string;
  body: string;
}

const describe = (method: string, url: string) => `${method} ${url.length > 120 ? `${url.slice(0, 120)}… (${url.length} chars)` : url}`;

/** What is wrong with an answer, or undefined when it is the client error it should be. */
function problem(res: RawResponse, expect: FuzzCase['expect']): string | undefined {
  if (res.status >= 500) return 'server error';
  if (expect === '4xx' && (res.status < 400 || res.status > 499)) return 'not a 4xx';
  if (res.status < 400) return undefined;
  if (!res.headers['x-amzn-errortype']) return 'no x-amzn-ErrorType';
  if (!res.headers['x-amzn-requestid']) return 'no x-amzn-RequestId';
  if (typeof (res.json as { message?: unknown } | undefined)?.message !== 'string') return 'no JSON message';
  return undefined;
}

const failure = (request: string, res: RawResponse, why: string): Failure & { why: string } => ({
  why,
  request,
  status: res.status,
  errorType: res.headers['x-amzn-errortype'] as string | undefined,
  requestId: res.headers['x-amzn-requestid'] as string | undefined,
  body: res.body.toString('utf8').slice(0, 200),
});

/** Runs `work` over `items`, `width` at a time. */
async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

type Transport = 'HTTP/1.1' | 'h2c';

async function fuzzEveryRoute(t: Test, transport: Transport) {
  const { emu } = await withEmulator(t, { logLevel: 'silent' });
  const dispatcher = new Agent({ connections: 8 });
  t.teardown(() => dispatcher.close());
  const session = transport === 'h2c' ? http2.connect(emu.url) : undefined;
  t.teardown(() => session?.close());
  const state = async () => (await (await request(`${emu.url}/_emulator/state`, { dispatcher })).body.json()) as unknown;
  const before = await state();
  const started = Date.now();

  const send = async (c: FuzzCase): Promise<RawResponse> => {
    const url = c.request.query !== undefined ? `${c.request.path}?${c.request.query}` : c.request.path;
    const prepared = c.unsigned
      ? { method: c.request.method, url, headers: { host: new URL(emu.url).host, ...c.unsigned }, body: undefined }
      : await signRequest(emu.url, c.request);
    return session ? sendPreparedH2(session, prepared) : sendPrepared(emu.url, prepared, dispatcher);
  };

  const cases = allRoutes.flatMap((route) => casesFor(route.operation, OPERATIONS[route.operation as OperationName], rnd));
  // Which errors answered: mostly Serialization/Validation means the signed requests got past SigV4, as meant.
  const answered = new Map<string, number>();
  const failures = new Map<string, (Failure & { why: string; operation: string; case: string })[]>();
  let unsendable = 0;
  await pool(cases, 8, async (c) => {
    const url = c.request.query !== undefined ? `${c.request.path}?${c.request.query}` : c.request.path;
    let failed: (Failure & { why: string }) | undefined;
    try {
      const res = await send(c);
      const type = `${res.status} ${res.headers['x-amzn-errortype'] ?? '-'}`;
      answered.set(type, (answered.get(type) ?? 0) + 1);
      const why = problem(res, c.expect);
      if (why) failed = failure(describe(c.request.method, url), res, why);
    } catch (err) {
      // node:http2 refuses to send some of what HTTP/1.1 carries (e.g. duplicated single-value headers).
      if (session && (err as NodeJS.ErrnoException).code?.startsWith('ERR_HTTP2_')) unsendable++;
      else failed = { why: `no answer: ${(err as Error).message}`, request: describe(c.request.method, url), status: 0, body: '' };
    }
    if (failed) failures.set(c.kind, [...(failures.get(c.kind) ?? []), { operation: c.operation, case: c.name, ...failed }]);
  });
  t.comment(
    `${transport}: ${cases.length} requests (${unsendable} not sendable) in ${Date.now() - started} ms; answers: ${JSON.stringify(Object.fromEntries([...answered].sort((a, b) => b[1] - a[1])))}`,
  );
  t.ok(unsendable < cases.length / 20, 'nearly every case reached the server');
  // One assertion per kind of malformation, so a failure names the bug, with every route it hit.
  for (const kind of new Set(cases.map((c) => c.kind))) {
    const hit = failures.get(kind) ?? [];
    const routes = new Set(cases.filter((c) => c.kind === kind).map((c) => c.operation)).size;
    t.same(hit.slice(0, 5), [], `${kind}: answered as a client error on all ${routes} routes`, { failedRequests: hit.length });
  }

  const health = await request(`${emu.url}/_emulator/health`, { dispatcher });
  t.equal(health.statusCode, 200, 'still healthy');
  await health.body.dump();
  t.same(await state(), before, 'the world is unchanged');
}

t.test('malformed requests to every route, over HTTP/1.1', (t) => fuzzEveryRoute(t, 'HTTP/1.1'));
t.test('malformed requests to every route, over h2c', (t) => fuzzEveryRoute(t, 'h2c'));

t.test('oversized bodies are refused with 413', async (t) => {
  const { emu } = await withEmulator(t, { logLevel: 'silent' });
  const body = Buffer.alloc(9 * MB, 0x20);
  for (const operation of ['CreateFlow', 'InvokeFlow', 'TagResource'] as const) {
    const spec = OPERATIONS[operation];
    const res = await sendSigned(emu.url, {
      method: spec.method,
      path: pathOf(spec),
      headers: { 'content-type': 'application/json' },
      body,
    });
    t.equal(res.status, 413, `${operation}: 9 MB body`);
    t.equal(problem(res, '4xx'), undefined, `${operation}: an AWS-shaped error`);
  }
});

t.test('InvokeFlow on a real flow with odd but valid documents streams to a clean end', async (t) => {
  const { emu } = await withEmulator(t, { logLevel: 'silent' });
  const path = '/flows/FLOW000001/aliases/TSTALIASID';
  // The playlist flow's input is an Object: bare arrays and strings are refused up front, wrapped ones run.
  const documents: [string, string][] = [
    ['array nested 10,000 levels', deepArray(10_000)],
    ['object nested 10,000 levels', deepObject(10_000)],
    ['member nested 10,000 levels', `{"genre":"pop","number":3,"extra":${deepObject(10_000)}}`],
    ['100 KB string', JSON.stringify('x'.repeat(100 * 1024))],
    ['genre of 100 KB', JSON.stringify({ genre: 'y'.repeat(100 * 1024), number: 3 })],
    ['member of 10,000 items', JSON.stringify({ genre: 'pop', number: 3, extra: Array.from({ length: 10_000 }, (_, i) => i) })],
    ['number out of range', '{"genre":"pop","number":1e400}'],
    ['genre with lone surrogates', '{"genre":"\\ud800\\udfff\\ud800","number":3}'],
  ];
  for (const [name, document] of documents) {
    for (const enableTrace of [false, true]) {
      const body = `{"enableTrace":${enableTrace},"inputs":[{"nodeName":"FlowInput","nodeOutputName":"document","content":{"document":${document}}}]}`;
      const res = await sendSigned(emu.url, { method: 'POST', path, headers: { 'content-type': 'application/json' }, body });
      const label = `${name}${enableTrace ? ', traced' : ''}`;
      if (res.status !== 200) {
        t.equal(problem(res, '4xx'), undefined, `${label}: refused as a client error (${res.status} ${res.headers['x-amzn-errortype']})`);
        continue;
      }
      const messages = decodeEventStream(res.body);
      const last = messages.at(-1);
      t.ok(
        last?.type === 'flowCompletionEvent' || (last?.messageType === 'exception' && last.type !== 'internalServerException'),
        `${label}: ends with a completion or a client-side exception`,
        { last },
      );
    }
  }
});

t.test('broken HTTP framing is refused with a 4xx', async (t) => {
  const { emu } = await withEmulator(t, { logLevel: 'silent' });
  const framings: [string, string][] = [
    ['duplicate Content-Length', 'POST /flows/ HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}'],
    ['Content-Length and chunked', 'POST /flows/ HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
    ['garbage request line', 'HELLO THERE\r\n\r\n'],
    ['invalid header name', 'GET /flows/ HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n'],
    ['20 KB header', `GET /flows/ HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20 * 1024)}\r\n\r\n`],
    ['20 KB URL', `GET /flows/?nextToken=${'a'.repeat(20 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`],
  ];
  const withoutHeaders: string[] = [];
  for (const [name, bytes] of framings) {
    const res = await sendRawHttp(emu.port, bytes);
    t.ok(res.status >= 400 && res.status < 500, `${name}: ${res.status}`);
    if (!res.headers['x-amzn-requestid'] || !res.headers['x-amzn-errortype']) withoutHeaders.push(`${name}: ${res.status}`);
  }
  // README, Supported operations: every response carries x-amzn-RequestId, errors x-amzn-ErrorType, including Node's own 400/431.
  t.same(withoutHeaders, [], 'framing errors carry x-amzn-ErrorType and x-amzn-RequestId');
  const health = await request(`${emu.url}/_emulator/health`);
  t.equal(health.statusCode, 200, 'still healthy');
  await health.body.dump();
});
