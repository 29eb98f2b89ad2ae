/**
 * startEmulator() in one process on port 0: it serves, and close() frees what it opened, again and again.
 * No timed assertions: a close() that waits on a connection shows up as a hang, which tap's timeout reports.
 */
import http from 'node:http';
import net from 'node:net';
import { once } from 'node:events';
import { BedrockAgentClient, ListFlowsCommand } from '@aws-sdk/client-bedrock-agent';
import { BedrockAgentRuntimeClient, ListFlowExecutionsCommand } from '@aws-sdk/client-bedrock-agent-runtime';
import t from 'tap';
import { startEmulator } from '../../src/index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** GET without keep-alive (agent: false), so no idle connection outlives the request. */
const get = (url: string) =>
  new Promise<{ status?: number; body: string }>((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c)).on('end', () => resolve({ status: res.statusCode, body }));
      })
      .on('error', reject);
  });

t.test('starts and closes cleanly twice on port 0', async (t) => {
  const ports = new Set<number>();
  for (const round of [1, 2]) {
    const emu = await startEmulator({ port: 0 });
    t.ok(emu.port > 0, `round ${round}: listening on a real port`);
    t.equal(emu.url, `http://127.0.0.1:${emu.port}`);
    ports.add(emu.port);
    const health = await get(`${emu.url}/_emulator/health`);
    t.equal(health.status, 200);
    t.match(JSON.parse(health.body), { status: 'ok' });
    await emu.close();
    await t.rejects(get(`${emu.url}/_emulator/health`), { code: 'ECONNREFUSED' }, `round ${round}: nothing listens after close()`);
  }
  t.equal(ports.size, 2, 'two independent servers');
});

// Tests commonly close the emulator before (or without) destroying their SDK clients, whose connections stay open:
// an idle HTTP/1.1 keep-alive socket (control plane), an h2c session (runtime), and here also a client that
// connected and never sent a byte (no HTTP server owns it yet, so no idle timeout would ever end it).
t.test('close() ends the connections clients leave open', async (t) => {
  const emu = await startEmulator({ port: 0 });
  const options = { endpoint: emu.url, region: 'us-east-1', credentials: emu.credentials, maxAttempts: 1 };
  const agent = new BedrockAgentClient(options);
  const runtime = new BedrockAgentRuntimeClient(options);
  t.teardown(() => (agent.destroy(), runtime.destroy()));
  t.equal((await agent.send(new ListFlowsCommand({}))).flowSummaries?.[0]?.name, 'playlist', 'HTTP/1.1 call served');
  await runtime.send(new ListFlowExecutionsCommand({ flowIdentifier: 'FLOW000001' })).catch(() => undefined); // opens the h2c session either way
  const silent = net.connect(emu.port, '127.0.0.1');
  await once(silent, 'connect');
  const silentClosed = once(silent, 'close');

  await emu.close();
  await silentClosed;
  t.pass('close() returned and the silent connection was closed by the server');
  await t.rejects(agent.send(new ListFlowsCommand({})), { code: 'ECONNREFUSED' }, 'the SDK client cannot reach it any more');
});
