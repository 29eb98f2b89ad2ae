/**
 * The request log (docs/logging.md): one line per request at info (operation, status or in-stream outcome, duration,
 * caller, error type, request id), nothing at warn, and at debug a run's node progress and a Lambda handler's
 * console output, each attributed to its own request.
 */
import { GetFlowCommand } from '@aws-sdk/client-bedrock-agent';
import pino from 'pino';
import t, { type Test } from 'tap';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { deploy, invoke } from '../flows/executor/sdk.js';
import { TEST_WORLD, around, lambdaNode } from '../flows/executor/world.js';
import { withEmulator } from '../helpers/emulator.js';
import type { StartOptions } from '../../src/index.js';

/** Writes raw bytes and resolves with what the server answered once it ends the connection. */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => {});
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('end', () => socket.end());
  });
}

type Line = Record<string, any>;

const CHATTY = {
  lambdaFunctions: [{ name: 'chatty', handler: fileURLToPath(new URL('../fixtures/lambda-handlers/chatty.mjs', import.meta.url)) }],
};
const ADMIN_ARN = 'arn:aws:iam::123456789012:user/admin';
const CHATTY_FLOW = around(lambdaNode('Chatty', 'chatty', [['value', 'String', '$.data']]), 'Object', 'String');
const EXPLODE_FLOW = around(lambdaNode('Explode', 'explode', [['value', 'String', '$.data']]), 'Object', 'String');

/** An emulator whose log lines land in an array (pino writes to the stream synchronously). */
async function logged(t: Test, level: string, options: StartOptions = {}) {
  const lines: Line[] = [];
  const logger = pino({ level }, { write: (text: string) => void lines.push(JSON.parse(text)) });
  const harness = await withEmulator(t, { logger, fixtures: [...TEST_WORLD, CHATTY], ...options });
  const requests = (operation: string) => lines.filter((l) => l.operation === operation);
  return { ...harness, lines, requests };
}

t.test('info: one line per request, with operation, status, duration, caller and error type', async (t) => {
  const { emu, agent, runtime, lines, requests } = await logged(t, 'info');
  await agent().send(new GetFlowCommand({ flowIdentifier: 'FLOW000001' }));
  const [getFlow] = requests('GetFlow');
  t.match(getFlow, { level: 30, operation: 'GetFlow', status: 200, durationMs: Number, caller: ADMIN_ARN, requestId: String });
  t.notOk('errorType' in getFlow!);
  t.match(getFlow!.msg, new RegExp(`^GetFlow 200 [0-9.]+ms ${ADMIN_ARN}$`));

  await t.rejects(agent({ accessKeyId: 'test', secretAccessKey: 'wrong' }).send(new GetFlowCommand({ flowIdentifier: 'FLOW000001' })));
  t.match(
    requests('GetFlow')[1],
    { status: 403, errorType: 'InvalidSignatureException', caller: 'test' },
    'a refused signature names the access key',
  );
  t.match(requests('GetFlow')[1]?.msg, /^GetFlow 403 InvalidSignatureException [0-9.]+ms test$/);

  const res = await fetch(`${emu.url}/no/such/operation?x=1`);
  t.equal(res.status, 404);
  t.match(requests('GET /no/such/operation'), [
    { status: 404, errorType: 'UnknownOperationException', caller: 'anonymous', requestId: res.headers.get('x-amzn-requestid') },
  ]);

  const ok = await invoke(runtime(), 'FLOW000001', { genre: 'pop', number: 3 });
  t.notOk(ok.error);
  t.match(requests('InvokeFlow'), [{ status: 200, outcome: 'SUCCESS', caller: ADMIN_ARN, durationMs: Number }]);
  t.notOk('errorType' in requests('InvokeFlow')[0]!);

  const explodeId = await deploy(agent(), EXPLODE_FLOW);
  const failed = await invoke(runtime(), explodeId, 'x');
  t.equal(failed.error?.name, 'DependencyFailedException');
  t.match(failed.error?.message, /run the emulator with --log-level debug/, 'the error says where the function log is');
  t.match(requests('InvokeFlow')[1], { status: 200, outcome: 'dependencyFailedException', errorType: 'dependencyFailedException' });
  t.match(requests('InvokeFlow')[1]?.msg, /^InvokeFlow 200 dependencyFailedException [0-9.]+ms arn:aws:iam::/);

  await fetch(`${emu.url}/_emulator/health`);
  await fetch(`${emu.url}/_emulator/state`);
  t.equal(requests('emulator:GetHealth').length, 0, 'health probes stay out of the info log');
  t.equal(requests('emulator:GetState').length, 1, 'other admin endpoints are logged');
  t.equal(lines.filter((l) => l.node || l.lambda).length, 0, 'no debug lines at info');
});

t.test('warn (the startEmulator default): none of that is logged', async (t) => {
  const { emu, agent, runtime, lines } = await logged(t, 'warn');
  await agent().send(new GetFlowCommand({ flowIdentifier: 'FLOW000001' }));
  await t.rejects(agent({ accessKeyId: 'test', secretAccessKey: 'wrong' }).send(new GetFlowCommand({ flowIdentifier: 'FLOW000001' })));
  await fetch(`${emu.url}/no/such/operation`);
  await invoke(runtime(), 'FLOW000001', { genre: 'pop', number: 3 });
  await invoke(runtime(), await deploy(agent(), CHATTY_FLOW), 'quiet');
  t.same(lines, []);
});

t.test('debug: node progress and the handler output, each attributed to its own request', async (t) => {
  const { agent, runtime, lines, requests } = await logged(t, 'debug');
  const id = await deploy(agent(), CHATTY_FLOW);
  const [a, b] = await Promise.all([invoke(runtime(), id, 'A'), invoke(runtime(), id, 'B')]);
  t.notOk(a.error);
  t.notOk(b.error);
  const invocations = requests('InvokeFlow');
  t.equal(invocations.length, 2);
  for (const value of ['A', 'B']) {
    const said = lines.filter((l) => l.lambda === 'chatty' && l.msg.endsWith(` ${value}`));
    t.same(
      said.map((l) => [l.msg, l.stream]),
      [
        [`chatty before ${value}`, 'log'],
        [`chatty after ${value}`, 'error'],
      ],
    );
    t.equal(said[0]!.requestId, said[1]!.requestId, `${value}: both lines carry the request id`);
    t.equal(said[0]!.lambdaRequestId, said[1]!.lambdaRequestId);
    t.ok(
      invocations.some((i) => i.requestId === said[0]!.requestId),
      `${value}: the request id is its InvokeFlow's`,
    );
    const nodes = lines.filter((l) => l.node && l.requestId === said[0]!.requestId);
    t.match(nodes, [
      { node: 'FlowInput', nodeType: 'FlowInputNode', outcome: 'ok', durationMs: Number },
      { node: 'Chatty', nodeType: 'LambdaFunctionNode', outcome: 'ok', durationMs: Number },
      { node: 'FlowOutput', nodeType: 'FlowOutputNode', outcome: 'ok' },
    ]);
  }
  t.not(invocations[0]!.requestId, invocations[1]!.requestId);

  const failed = await invoke(runtime(), id, 'fail');
  t.equal(failed.error?.name, 'DependencyFailedException');
  t.match(lines.filter((l) => l.node === 'Chatty').at(-1), { outcome: 'failed: DependencyFailedException' });
  t.match(
    lines.find((l) => l.lambda === 'chatty' && l.errorType),
    { msg: 'Lambda chatty failed: Error: chatty was told to fail' },
  );
  t.ok(lines.some((l) => l.operation === 'emulator:GetHealth') === false);
});

t.test('info: requests Node refuses before fastify sees them get a line too', async (t) => {
  const { emu, lines } = await logged(t, 'info', { timeouts: { headersMs: 200, requestMs: 300 } });
  const stalled = await rawExchange(
    emu.port,
    'POST /flows/ HTTP/1.1\r\nHost: x\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIASTALLED/20260101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=00\r\nContent-Length: 100\r\n\r\n{"name"',
  );
  t.match(stalled, /^HTTP\/1\.1 408 /);
  t.match(
    lines.find((l) => l.status === 408),
    { operation: 'POST /flows/', errorType: 'RequestTimeoutException', caller: 'AKIASTALLED', requestId: String },
  );
  const garbage = await rawExchange(emu.port, 'NOT HTTP AT ALL\r\n\r\n');
  t.match(garbage, /^HTTP\/1\.1 400 /);
  t.match(
    lines.find((l) => l.status === 400),
    { operation: 'unparsed request', errorType: 'SerializationException', caller: 'anonymous' },
  );
});
