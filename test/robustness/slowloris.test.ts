/**
 * Slowloris on both protocols: sockets that send nothing, a piece of the HTTP/2 preface, part of an HTTP/1.1 head,
 * or a whole preface and then nothing, are closed by the server (timeouts lowered here), /_emulator/health answers
 * while they are open, and real SDK clients (HTTP/1.1 keep-alive, h2c sessions) still work around the timeouts,
 * including an InvokeFlow stream that stays quiet longer than the idle-session timeout. ROBUSTNESS_SEED=<seed>
 * replays the cut points and the order.
 */
import http2 from 'node:http2';
import net from 'node:net';
import { ListFlowsCommand } from '@aws-sdk/client-bedrock-agent';
import { InvokeFlowCommand } from '@aws-sdk/client-bedrock-agent-runtime';
import t from 'tap';
import { request } from 'undici';
import { DEFAULT_FIXTURES } from '../../src/package-root.js';
import { ADMIN, withEmulator } from '../helpers/emulator.js';
import { sendPreparedH2, signRequest } from '../helpers/signed-request.js';
import { createRandom, seedFromEnv } from './prng.js';
import { SLOW_FLOW_FIXTURE, SLOW_FLOW_ID } from './slow-flow.js';

const seed = seedFromEnv();
t.comment(`seed ${seed} (replay with ROBUSTNESS_SEED=${seed})`);
const random = createRandom(seed);

const TIMEOUTS = { sniffMs: 300, headersMs: 400, requestMs: 600, keepAliveMs: 300, idleSessionMs: 300 };
/** Liveness bound, many times the timeouts above: a socket still open after this is one the server never closes. */
const CLOSE_BOUND_MS = 5_000;
const PER_KIND = 12;

const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');
/** An empty SETTINGS frame: length 0, type 4, no flags, stream 0. */
const SETTINGS = Buffer.from([0, 0, 0, 4, 0, 0, 0, 0, 0]);
const HEAD = 'GET /_emulator/health HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slowloris\r\n\r\n';

const BODY_HEAD = 'POST /flows/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n';

const ATTACKS: Record<string, () => Buffer> = {
  nothing: () => Buffer.alloc(0),
  'a single P': () => Buffer.from('P'),
  'part of the HTTP/2 preface': () => PREFACE.subarray(0, 1 + random.int(PREFACE.length - 1)),
  'part of an HTTP/1.1 head': () => Buffer.from(HEAD.slice(0, 1 + random.int(HEAD.length - 4))),
  'the HTTP/2 preface and SETTINGS, then nothing': () => Buffer.concat([PREFACE, SETTINGS]),
  'one HTTP/1.1 request, then an idle keep-alive': () => Buffer.from(HEAD),
  'an HTTP/1.1 body that never finishes': () => Buffer.from(`${BODY_HEAD}{"name":"x"`.slice(0, BODY_HEAD.length + 1 + random.int(10))),
};

interface Attacker {
  kind: string;
  /** Resolves with what the server sent, once it closed or ended the socket; 'open' if it did not within the bound. */
  outcome: Promise<{ closed: boolean; received: Buffer }>;
  socket: net.Socket;
}

function attack(port: number, kind: string, bytes: Buffer): Attacker {
  const socket = net.connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  const outcome = new Promise<{ closed: boolean; received: Buffer }>((resolve) => {
    const settle = (closed: boolean) => {
      clearTimeout(timer);
      resolve({ closed, received: Buffer.concat(chunks) });
    };
    const timer = setTimeout(() => settle(false), CLOSE_BOUND_MS);
    socket.on('data', (d) => chunks.push(d));
    socket.on('end', () => settle(true));
    socket.on('close', () => settle(true));
    socket.on('error', () => settle(true));
  });
  socket.on('connect', () => {
    if (bytes.length > 0) socket.write(bytes);
  });
  return { kind, outcome, socket };
}

async function healthOverH1(url: string): Promise<number> {
  const res = await request(`${url}/_emulator/health`, { headersTimeout: CLOSE_BOUND_MS, bodyTimeout: CLOSE_BOUND_MS });
  await res.body.dump();
  return res.statusCode;
}

function healthOverH2(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(url);
    session.on('error', reject);
    const stream = session.request({ ':path': '/_emulator/health' });
    let status = 0;
    stream.on('response', (headers) => (status = Number(headers[':status'])));
    stream.resume();
    stream.on('end', () => {
      session.close();
      resolve(status);
    });
    stream.on('error', reject);
  });
}

t.test('the server closes sockets that stall, on both protocols, and stays reachable meanwhile', async (t) => {
  const { emu } = await withEmulator(t, { logLevel: 'silent', fixtures: [DEFAULT_FIXTURES], timeouts: TIMEOUTS });
  const kinds = Object.keys(ATTACKS);
  const order = Array.from({ length: kinds.length * PER_KIND }, (_, i) => kinds[i % kinds.length]!).sort(() => random.next() - 0.5);
  const attackers = order.map((kind) => attack(emu.port, kind, ATTACKS[kind]!()));
  t.teardown(() => attackers.forEach((a) => a.socket.destroy()));

  // Liveness while every attacker is connected and stalling (none has been closed yet at these timeouts' scale).
  t.equal(await healthOverH1(emu.url), 200, 'health answers over HTTP/1.1 while the stalled sockets are open');
  t.equal(await healthOverH2(emu.url), 200, 'health answers over h2c while the stalled sockets are open');

  const outcomes = await Promise.all(attackers.map(async (a) => ({ kind: a.kind, ...(await a.outcome) })));
  for (const kind of kinds) {
    const mine = outcomes.filter((o) => o.kind === kind);
    t.equal(mine.filter((o) => o.closed).length, mine.length, `closed by the server: ${kind}`);
  }
  const partialHeads = outcomes.filter((o) => o.kind === 'part of an HTTP/1.1 head' || o.kind === 'an HTTP/1.1 body that never finishes');
  const timedOut = partialHeads.filter((o) => /^HTTP\/1\.1 408 /.test(o.received.toString('latin1')));
  t.equal(timedOut.length, partialHeads.length, 'a stalled HTTP/1.1 head or body gets a 408 before the close');
  t.match(partialHeads[0]!.received.toString('latin1'), /x-amzn-errortype: RequestTimeoutException/, 'in AWS shape');
  const keepAlive = outcomes.filter((o) => o.kind.startsWith('one HTTP/1.1 request'));
  t.ok(
    keepAlive.every((o) => /^HTTP\/1\.1 200 /.test(o.received.toString('latin1'))),
    'the keep-alive request was answered first',
  );

  t.equal(await healthOverH1(emu.url), 200, 'health answers over HTTP/1.1 afterwards');
  t.equal(await healthOverH2(emu.url), 200, 'health answers over h2c afterwards');
});

t.test('SDK clients keep working across the idle timeouts; a quiet InvokeFlow stream is not cut', async (t) => {
  const h = await withEmulator(t, { logLevel: 'silent', fixtures: [DEFAULT_FIXTURES, SLOW_FLOW_FIXTURE], timeouts: TIMEOUTS });
  const agent = h.agent();
  const runtime = h.runtime();
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  // Control plane over HTTP/1.1: a second call after the server closed the idle keep-alive socket (Node adds a
  // 1 s grace to keepAliveTimeout before it closes).
  const controlPlane = async () => {
    await agent.send(new ListFlowsCommand({}));
    await pause(TIMEOUTS.keepAliveMs + 1_500);
    return agent.send(new ListFlowsCommand({}));
  };
  // Runtime over h2c: each Lambda sleeps longer than the idle-session timeout, so the stream is quiet that long.
  const invoke = async (sleepMs: number) => {
    const res = await runtime.send(
      new InvokeFlowCommand({
        flowIdentifier: SLOW_FLOW_ID,
        flowAliasIdentifier: 'TSTALIASID',
        inputs: [{ nodeName: 'FlowInput', nodeOutputName: 'document', content: { document: { sleepMs } } }],
      }),
    );
    const events: string[] = [];
    for await (const event of res.responseStream!) events.push(Object.keys(event)[0]!);
    return events;
  };
  const quiet = TIMEOUTS.idleSessionMs + 200;
  const runtimePlane = async () => {
    const first = await invoke(quiet);
    // The session the SDK pooled is closed as idle by now: the client must notice and open another one.
    await pause(TIMEOUTS.idleSessionMs * 3);
    return [first, await invoke(10)] as const;
  };
  const [flows, [first, second]] = await Promise.all([controlPlane(), runtimePlane()]);
  t.ok(Array.isArray(flows.flowSummaries), 'ListFlows works after the keep-alive socket idled out');
  const complete = ['flowOutputEvent', 'flowOutputEvent', 'flowCompletionEvent'];
  t.same(first, complete, `a stream quiet for 2 × ${quiet} ms ran to its end`);
  t.same(second, complete, 'InvokeFlow works after the session idled out');
});

t.test('an h2c session lives as long as its quiet stream, then closes as idle', async (t) => {
  const { emu } = await withEmulator(t, { logLevel: 'silent', fixtures: [DEFAULT_FIXTURES, SLOW_FLOW_FIXTURE], timeouts: TIMEOUTS });
  const session = http2.connect(emu.url);
  t.teardown(() => session.destroy());
  let goaway = false;
  session.on('goaway', () => (goaway = true));
  const closed = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), CLOSE_BOUND_MS * 2);
    session.on('close', () => (clearTimeout(timer), resolve(true)));
  });
  session.on('error', () => {});
  const sleepMs = TIMEOUTS.idleSessionMs + 200;
  const body = JSON.stringify({ inputs: [{ nodeName: 'FlowInput', nodeOutputName: 'document', content: { document: { sleepMs } } }] });
  const prepared = await signRequest(emu.url, {
    method: 'POST',
    path: `/flows/${SLOW_FLOW_ID}/aliases/TSTALIASID`,
    headers: { 'content-type': 'application/json' },
    body,
    credentials: ADMIN,
  });
  const res = await sendPreparedH2(session, prepared);
  t.equal(res.status, 200, 'InvokeFlow answered');
  t.match(res.body.toString('latin1'), /"nodeName":"Late"/, 'the output after two quiet Lambdas arrived');
  t.notOk(goaway, 'no GOAWAY while the stream was open');
  t.ok(await closed, 'the session was closed once idle');
  t.ok(goaway, 'with a GOAWAY first');
});

t.test('an h2c stream whose request body stalls is reset; the session then closes as idle', async (t) => {
  const { emu } = await withEmulator(t, { logLevel: 'silent', fixtures: [DEFAULT_FIXTURES], timeouts: TIMEOUTS });
  const session = http2.connect(emu.url);
  t.teardown(() => session.destroy());
  session.on('error', () => {});
  const sessionClosed = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), CLOSE_BOUND_MS * 2);
    session.on('close', () => (clearTimeout(timer), resolve(true)));
  });
  const streams = Array.from({ length: 5 }, () => {
    const stream = session.request(
      { ':method': 'POST', ':path': '/flows/', 'content-type': 'application/json', 'content-length': '100' },
      { endStream: false },
    );
    stream.write('{"name":');
    stream.on('error', () => {});
    return new Promise<number | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), CLOSE_BOUND_MS);
      stream.on('close', () => (clearTimeout(timer), resolve(stream.rstCode)));
    });
  });
  t.equal(await healthOverH1(emu.url), 200, 'health answers over HTTP/1.1 while the streams stall');
  t.equal(await healthOverH2(emu.url), 200, 'health answers over h2c while the streams stall');
  t.same(await Promise.all(streams), Array(5).fill(http2.constants.NGHTTP2_CANCEL), 'every stalled stream was reset with CANCEL');
  t.ok(await sessionClosed, 'the session was closed once idle');
  t.equal(await healthOverH2(emu.url), 200, 'health answers afterwards');
});

t.test('timeouts must be positive whole milliseconds, a head deadline within the request deadline', async (t) => {
  const { startEmulator } = await import('../../src/index.js');
  for (const timeouts of [{ sniffMs: 0 }, { keepAliveMs: 1.5 }, { headersMs: 10_000, requestMs: 5_000 }]) {
    const outcome = await startEmulator({ port: 0, logLevel: 'silent', timeouts }).then(
      (emu) => emu.close().then(() => 'started'),
      (err: unknown) => err,
    );
    t.type(outcome, RangeError, JSON.stringify(timeouts));
  }
});
