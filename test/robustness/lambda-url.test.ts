/**
 * A Lambda `url` fake that answers without end cannot fill the emulator's memory: the body is read up to
 * Lambda's 6 MB response quota, then the node fails as Lambda does (Function.ResponseSizeTooLarge), in-stream.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvokeFlowCommand } from '@aws-sdk/client-bedrock-agent-runtime';
import t from 'tap';
import { DEFAULT_FIXTURES } from '../../src/package-root.js';
import { around, lambdaNode } from '../flows/executor/world.js';
import { ADMIN, FLOW_ROLE, withEmulator } from '../helpers/emulator.js';
import { createRandom, seedFromEnv } from './prng.js';

const seed = seedFromEnv();
t.comment(`seed ${seed} (replay with ROBUSTNESS_SEED=${seed})`);
const random = createRandom(seed);

t.test('a URL Lambda answering past 6 MB fails the node; the server stays up', async (t) => {
  let sent = 0;
  const chunk = Buffer.alloc(64 * 1024, 'x');
  // Answers until the client hangs up (or 64 MiB): far past the quota.
  const upstream = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const pump = () => {
        while (sent < 64 * 1024 * 1024 && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => res.destroy());
      pump();
    });
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  t.teardown(() => new Promise<void>((r) => upstream.close(() => r())));
  const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/`;
  const { emu, runtime } = await withEmulator(t, {
    fixtures: [
      DEFAULT_FIXTURES,
      {
        account: '123456789012',
        region: 'us-east-1',
        lambdaFunctions: [{ name: 'flood', url }],
        flows: [
          {
            flowId: 'FLOODFLOW1',
            name: 'flood',
            executionRoleArn: FLOW_ROLE,
            prepare: true,
            definition: around(lambdaNode('Flood', 'flood', [['event', 'Object', '$.data']]), 'Object', 'Object'),
          },
        ],
      },
    ],
  });
  const health = setInterval(() => void fetch(`${emu.url}/_emulator/health`).catch(() => undefined), 50);
  t.teardown(() => clearInterval(health));
  let error: Error | undefined;
  try {
    const res = await runtime(ADMIN).send(
      new InvokeFlowCommand({
        flowIdentifier: 'FLOODFLOW1',
        flowAliasIdentifier: 'TSTALIASID',
        inputs: [{ nodeName: 'FlowInput', nodeOutputName: 'document', content: { document: { n: random.int(1000) } } }],
      }),
    );
    for await (const _ of res.responseStream ?? []) void _;
  } catch (err) {
    error = err as Error;
  }
  t.match(error, {
    name: 'DependencyFailedException',
    message: /Response payload size exceeded maximum allowed payload size \(6291456 bytes\)/,
  });
  t.ok(sent < 64 * 1024 * 1024, `the emulator stopped reading (upstream wrote ${sent} bytes)`);
  t.equal((await fetch(`${emu.url}/_emulator/health`)).status, 200, 'health answers');
});
