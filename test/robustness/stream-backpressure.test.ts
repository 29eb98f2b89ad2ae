/**
 * A client that never reads an InvokeFlow stream pauses the run (the queue stops at its high-water mark) instead
 * of growing the heap, and the emulator keeps answering meanwhile; a run that streams past the per-run byte cap
 * ends with an in-stream ServiceQuotaExceededException through the real runtime SDK client. ROBUSTNESS_SEED
 * replays the filler text.
 */
import net from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CreateFlowCommand, PrepareFlowCommand } from '@aws-sdk/client-bedrock-agent';
import { InvokeFlowCommand } from '@aws-sdk/client-bedrock-agent-runtime';
import t from 'tap';
import { DEFAULT_LIMITS } from '../../src/flows/index.js';
import { signRequest } from '../helpers/signed-request.js';
import { FLOW_ROLE, withEmulator, type Harness } from '../helpers/emulator.js';
import { echoLoopFlow } from '../flows/fixtures.js';
import { createRandom, seedFromEnv } from './prng.js';

const seed = seedFromEnv();
t.comment(`seed ${seed} (replay with ROBUSTNESS_SEED=${seed})`);
const rnd = createRandom(seed);
const filler = (bytes: number) => Array.from({ length: bytes }, () => String.fromCharCode(97 + rnd.int(26))).join('');

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const retained = () => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const MB = 1024 * 1024;

async function echoFlow(h: Harness, maxIterations: number): Promise<string> {
  const agent = h.agent();
  const flow = await agent.send(
    new CreateFlowCommand({ name: `echo${maxIterations}`, executionRoleArn: FLOW_ROLE, definition: echoLoopFlow(maxIterations) as never }),
  );
  await agent.send(new PrepareFlowCommand({ flowIdentifier: flow.id! }));
  return flow.id!;
}

t.test('a client that never reads pauses the run; the heap stays flat and health answers', async (t) => {
  const h = await withEmulator(t, { logLevel: 'silent' });
  const flowId = await echoFlow(h, 1000);
  // Unpaced, this run would stream about 1.5 MB a round for 333 rounds.
  const body = JSON.stringify({
    enableTrace: true,
    inputs: [{ nodeName: 'FlowInput', nodeOutputName: 'document', content: { document: filler(50_000) } }],
  });
  const prepared = await signRequest(h.emu.url, {
    method: 'POST',
    path: `/flows/${flowId}/aliases/TSTALIASID`,
    headers: { 'content-type': 'application/json' },
    body,
  });
  const before = retained();
  const socket = net.connect(h.emu.port, '127.0.0.1');
  t.teardown(() => socket.destroy());
  const head = [`${prepared.method} ${prepared.url} HTTP/1.1`, `host: 127.0.0.1:${h.emu.port}`];
  for (const [name, value] of Object.entries(prepared.headers)) if (name !== 'host') head.push(`${name}: ${value}`);
  socket.write(`${head.join('\r\n')}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  socket.pause(); // never read: the kernel buffers fill, then the server's

  // Liveness while the run would flood: every health probe must answer (generous bound, not a timing assertion).
  let answered = 0;
  for (let i = 0; i < 20; i++) {
    const res = await fetch(`${h.emu.url}/_emulator/health`, { signal: AbortSignal.timeout(10_000) });
    if (res.ok) answered++;
    await new Promise((r) => setTimeout(r, 50));
  }
  t.equal(answered, 20, 'health answered every probe while the run was stalled on its reader');
  const grown = retained() - before;
  t.comment(`heap + array buffers grew ${(grown / MB).toFixed(1)} MB while the client did not read`);
  t.ok(grown < 32 * MB, 'the run did not buffer its stream (under 32 MB retained)', { grown });
});

t.test(`a run past ${DEFAULT_LIMITS.maxStreamedBytes} streamed bytes ends with ServiceQuotaExceededException`, async (t) => {
  const h = await withEmulator(t, { logLevel: 'silent' });
  // 40 rounds of a 400 KB echo with trace is about 130 MB: twice the cap.
  const flowId = await echoFlow(h, 40);
  const res = await h.runtime().send(
    new InvokeFlowCommand({
      flowIdentifier: flowId,
      flowAliasIdentifier: 'TSTALIASID',
      enableTrace: true,
      inputs: [{ nodeName: 'FlowInput', nodeOutputName: 'document', content: { document: filler(400_000) } }],
    }),
  );
  const seen: string[] = [];
  let failure: { name: string; message: string } | undefined;
  try {
    for await (const event of res.responseStream!) seen.push(Object.keys(event)[0]!);
  } catch (err) {
    failure = { name: (err as Error).name, message: (err as Error).message };
  }
  t.comment(`${seen.length} events before the end`);
  t.notOk(seen.includes('flowCompletionEvent'), 'no completion');
  t.equal(failure?.name, 'ServiceQuotaExceededException', 'the stream ends with serviceQuotaExceededException', { failure });
  t.match(failure?.message, `more than ${DEFAULT_LIMITS.maxStreamedBytes} bytes of events`, 'naming the cap');
});
