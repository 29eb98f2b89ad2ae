/**
 * The admin endpoints take data, never a path, code or a network target (issue 13, item 2): a JSON string posted
 * as a fixture is refused without touching the file system (a regular file, /dev/zero, a FIFO), Lambda `handler`
 * and `url` in posted fixtures need --allow-http-fixture-code, GET /_emulator/state redacts secrets unless the admin
 * token guards it, and a server bound beyond loopback without a token says so once at start-up.
 * ROBUSTNESS_SEED=<seed> replays the random non-object bodies.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import t from 'tap';
import { parse, SERVE_HELP } from '../../src/cli/serve.js';
import { startEmulator } from '../../src/index.js';
import { DEFAULT_FIXTURES } from '../../src/package-root.js';
import { isLoopbackHost } from '../../src/server/loopback-host.js';
import { withEmulator } from '../helpers/emulator.js';
import { startCli } from './cli-process.js';
import { createRandom, seedFromEnv } from './prng.js';
import { sendRawHttp } from './raw-http.js';

const seed = seedFromEnv();
t.comment(`seed ${seed} (replay with ROBUSTNESS_SEED=${seed})`);
const random = createRandom(seed);

/** Generous: a liveness bound, not a timing assertion. */
const LIVENESS_MS = 8_000;
const NOT_A_DOCUMENT = /a fixture document \(a JSON object\) is expected/;

interface Answer {
  status: number;
  type: string | null;
  text: string;
}

async function send(url: string, init: RequestInit = {}): Promise<Answer> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(LIVENESS_MS) });
    return { status: res.status, type: res.headers.get('x-amzn-errortype'), text: await res.text() };
  } catch (err) {
    return { status: 0, type: null, text: String(err) };
  }
}

const postFixture = (base: string, text: string, headers: Record<string, string> = {}) =>
  send(`${base}/_emulator/fixtures`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: text });
const healthOf = async (base: string) => (await send(`${base}/_emulator/health`)).status;

/** JSON values that are not a fixture document: strings that look like paths, numbers, arrays, literals. */
function notDocuments(count: number): unknown[] {
  const makers = [
    () => `/${['etc', 'proc', 'dev', 'tmp', '..'][random.int(5)]}/${random.int(1e6).toString(36)}`,
    () => random.next() * 1e6 - 5e5,
    () => [`/etc/hosts`, random.int(10)],
    () => null,
    () => random.next() < 0.5,
    () => '',
  ];
  return Array.from({ length: count }, () => makers[random.int(makers.length)]!());
}

t.test('a JSON string is a value, never a path: nothing is read, nothing freezes or aborts', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bfe-admin-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const secretFile = join(dir, 'secret.json');
  writeFileSync(secretFile, 'TOP-SECRET-FIRST-BYTES of a server file');
  const fifo = join(dir, 'fifo');
  execFileSync('mkfifo', [fifo]);

  // A child process: before the fix, /dev/zero aborted the process and a FIFO blocked its event loop.
  const cli = startCli([]);
  t.teardown(() => void cli.child.kill('SIGKILL'));
  const base = await cli.url;
  const before = (await send(`${base}/_emulator/state`)).text;

  for (const path of [secretFile, '/etc/passwd', fifo, '/dev/zero']) {
    const attack = postFixture(base, JSON.stringify(path));
    // Give the server a moment to start on the attack, so that health is asked while it is (or was) handled.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const health = await healthOf(base);
    const answer = await attack;
    t.equal(answer.status, 400, `${path}: 400`);
    t.equal(answer.type, 'FixtureError', `${path}: FixtureError`);
    t.match(
      answer.status === 400 ? JSON.parse(answer.text) : {},
      { message: NOT_A_DOCUMENT, path: '$' },
      `${path}: says a document is expected`,
    );
    t.notMatch(answer.text, /TOP-SECRET|root:/, `${path}: no file content in the answer`);
    t.equal(health, 200, `${path}: health answers while it is handled`);
    t.equal(await healthOf(base), 200, `${path}: and after`);
  }
  for (const value of notDocuments(12)) {
    const answer = await postFixture(base, JSON.stringify(value));
    t.equal(answer.status, 400, `${JSON.stringify(value)}: 400`);
    t.match(answer.text, NOT_A_DOCUMENT, `${JSON.stringify(value)}: says a document is expected`);
  }
  t.equal(cli.child.exitCode, null, 'the server process is still running');
  t.equal(await healthOf(base), 200);
  t.equal((await send(`${base}/_emulator/state`)).text, before, 'the world is unchanged');
});

// A real module: handler files are checked (exist, export handler) when their fixture loads.
const ECHO_HANDLER = fileURLToPath(new URL('../fixtures/lambda-handlers/echo.mjs', import.meta.url));

const postedLambdas = {
  handler: { name: 'posted-handler', handler: ECHO_HANDLER },
  url: { name: 'posted-url', url: 'http://127.0.0.1:9/' },
} as const;

const lambdaNames = async (base: string) =>
  ((JSON.parse((await send(`${base}/_emulator/state`)).text) as { lambdaFunctions?: { name: string }[] }).lambdaFunctions ?? []).map(
    (f) => f.name,
  );

t.test('Lambda handler and url in a posted fixture are refused without the opt-in flag', async (t) => {
  const { emu } = await withEmulator(t);
  const before = await lambdaNames(emu.url);
  for (const [field, fn] of Object.entries(postedLambdas)) {
    const answer = await postFixture(emu.url, JSON.stringify({ lambdaFunctions: [{ name: 'fine', response: {} }, fn] }));
    t.equal(answer.status, 400, `${field}: 400`);
    t.equal(answer.type, 'FixtureError');
    t.match(JSON.parse(answer.text), { path: `$.lambdaFunctions[1].${field}`, reason: /--allow-http-fixture-code/ });
  }
  t.same(await lambdaNames(emu.url), before, 'nothing was applied');
  // The library is trusted: load() keeps taking handlers and urls.
  emu.load({
    lambdaFunctions: [
      { name: 'library-handler', handler: ECHO_HANDLER },
      { name: 'library-url', url: 'http://127.0.0.1:9/' },
    ],
  });
  t.ok((await lambdaNames(emu.url)).includes('library-handler'));
});

t.test('with allowHttpFixtureCode, posted handler and url are accepted', async (t) => {
  const { emu } = await withEmulator(t, { allowHttpFixtureCode: true });
  for (const [field, fn] of Object.entries(postedLambdas)) {
    t.equal((await postFixture(emu.url, JSON.stringify({ lambdaFunctions: [fn] }))).status, 200, `${field}: accepted`);
  }
  t.ok((await lambdaNames(emu.url)).includes('posted-handler'));
  t.ok((await lambdaNames(emu.url)).includes('posted-url'));
});

const SESSION_FIXTURE = {
  identities: [
    {
      arn: 'arn:aws:sts::123456789012:assumed-role/Tester/session',
      accessKeyId: 'ASIASESSION000000001',
      secretAccessKey: 'session-secret-value',
      sessionToken: 'session-token-value',
    },
  ],
};
const SECRETS = /session-secret-value|session-token-value|flow-developer-secret/;

interface StateIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}
const identitiesOf = (text: string) => (JSON.parse(text) as { identities: StateIdentity[] }).identities;

t.test('GET /_emulator/state redacts secrets unless the admin token guards it', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bfe-admin-state-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const fixtures = [DEFAULT_FIXTURES, SESSION_FIXTURE];

  const stateFile = join(dir, 'state.json');
  const open = await startEmulator({ port: 0, fixtures, stateFile });
  const redacted = await send(`${open.url}/_emulator/state`);
  t.equal(redacted.status, 200);
  t.notMatch(redacted.text, SECRETS, 'no secret over HTTP');
  const identities = identitiesOf(redacted.text);
  t.ok(identities.length >= 3);
  for (const i of identities) t.equal(i.secretAccessKey, 'REDACTED', `${i.accessKeyId}: secret redacted`);
  t.equal(identities.find((i) => i.accessKeyId === 'ASIASESSION000000001')?.sessionToken, 'REDACTED');
  t.match(JSON.stringify(open.state()), SECRETS, 'the library state() keeps the secrets');
  await open.close();
  t.match(readFileSync(stateFile, 'utf8'), /session-secret-value/, 'the state file keeps the secrets');

  const guarded = await startEmulator({ port: 0, fixtures, adminToken: 'adm1n' });
  t.teardown(() => guarded.close());
  const real = await send(`${guarded.url}/_emulator/state`, { headers: { authorization: 'Bearer adm1n' } });
  t.equal(real.status, 200);
  t.equal(identitiesOf(real.text).find((i) => i.accessKeyId === 'ASIASESSION000000001')?.sessionToken, 'session-token-value');
  for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: 'adm1n' }] as Record<string, string>[]) {
    const refused = await send(`${guarded.url}/_emulator/state`, { headers });
    t.equal(refused.status, 401, `${JSON.stringify(headers)}: 401`);
    t.equal(refused.type, 'UnauthorizedException');
    t.notMatch(refused.text, SECRETS);
  }
});

t.test('reset and the S3 view never read server files', async (t) => {
  const { emu } = await withEmulator(t);
  // Reset ignores its body: it rebuilds the start-up world from the fixtures named at start-up.
  const reset = await send(`${emu.url}/_emulator/reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '"/etc/passwd"',
  });
  t.same([reset.status, JSON.parse(reset.text)], [200, { status: 'reset' }]);
  for (const path of [
    '/_emulator/s3/flow-data/../../../../etc/passwd',
    '/_emulator/s3/flow-data/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    '/_emulator/s3/../etc/passwd',
    '/_emulator/s3/%2E%2E/etc%2Fpasswd',
  ]) {
    const answer = await sendRawHttp(emu.port, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    t.equal(answer.status, 404, `${path}: 404`);
    t.notMatch(answer.text, /root:/, `${path}: no file content`);
  }
});

/** A pino logger whose lines land in an array. */
function capturingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line) as { level: number; msg: string });
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}
const EXPOSED = /^listening on (\S+) without --admin-token: anyone who reaches this port can read and change the emulator's world$/;

t.test('one warning line when listening beyond loopback without an admin token', async (t) => {
  const cases: [host: string, adminToken: string | undefined, warns: boolean][] = [
    // 0.0.0.0 is bound for a moment only (port 0, closed at once) to see the line startEmulator writes.
    ['0.0.0.0', undefined, true],
    ['0.0.0.0', 'adm1n', false],
    ['127.0.0.1', undefined, false],
    ['localhost', undefined, false],
  ];
  for (const [host, adminToken, warns] of cases) {
    const { logger, lines } = capturingLogger();
    const emu = await startEmulator({ port: 0, host, logger, ...(adminToken ? { adminToken } : {}) });
    await emu.close();
    const warnings = lines.filter((l) => EXPOSED.test(l.msg));
    t.equal(warnings.length, warns ? 1 : 0, `${host}${adminToken ? ' with a token' : ''}: ${warns ? 'one warning' : 'no warning'}`);
    if (warns) t.equal(warnings[0]!.level, 40, 'at warn level');
  }
  for (const host of ['127.0.0.1', '127.8.9.10', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', 'localhost', 'LOCALHOST', '[::1]']) {
    t.ok(isLoopbackHost(host), `${host} is loopback`);
  }
  for (const host of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', '::ffff:10.0.0.1', 'example.com', '']) {
    t.notOk(isLoopbackHost(host), `${host} is not loopback`);
  }
});

t.test('the opt-in flag: CLI flag, environment, help text; the Docker image leaves it off; no empty admin token', async (t) => {
  t.equal(parse([], {}).allowHttpFixtureCode, false);
  t.equal(parse(['--allow-http-fixture-code'], {}).allowHttpFixtureCode, true);
  t.equal(parse([], { BFE_ALLOW_HTTP_FIXTURE_CODE: 'true' }).allowHttpFixtureCode, true);
  t.equal(parse([], { BFE_ALLOW_HTTP_FIXTURE_CODE: 'yes please' }).allowHttpFixtureCode, false);
  t.equal(parse([], { BFE_ADMIN_TOKEN: '' }).adminToken, undefined, 'an empty BFE_ADMIN_TOKEN is no token');
  t.throws(() => parse(['--admin-token', ''], {}), /--admin-token must not be empty/);
  t.match(SERVE_HELP, /--allow-http-fixture-code\n[^-]*\(BFE_ALLOW_HTTP_FIXTURE_CODE=true/);
  const dockerfile = readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8');
  t.notMatch(dockerfile, /allow-http-fixture-code|BFE_ALLOW_HTTP_FIXTURE_CODE/i);
});
