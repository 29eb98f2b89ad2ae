/**
 * InlineCode's python3 children cannot crash, freeze or bloat the emulator (issue 13, items 1 and 10): a NaN or
 * Infinity result ends that run with an in-stream validationException; a cancelled run, a stopped execution and
 * close() kill the child (flow executions refuse InlineCode, so StopFlowExecution has no child to kill); no more than the cap run at once; output past its cap ends the run. Children are
 * counted from /proc, not from the emulator's own books. ROBUSTNESS_SEED=<seed> replays the inputs.
 */
import { spawnSync } from 'node:child_process';
import {
  type FlowInput,
  BedrockAgentRuntimeClient,
  InvokeFlowCommand,
  type FlowResponseStream,
} from '@aws-sdk/client-bedrock-agent-runtime';
import t from 'tap';
import { DEFAULT_FIXTURES } from '../../src/package-root.js';
import { startEmulator } from '../../src/index.js';
import type { FixtureDocument } from '../../src/fixtures/schema.js';
import { around, inlineCodeNode } from '../flows/executor/world.js';
import { ADMIN, FLOW_ROLE, withEmulator } from '../helpers/emulator.js';
import { canListChildren, eventually, isAlive, livePythonChildren } from './child-processes.js';
import { createRandom, seedFromEnv } from './prng.js';

const hasPython = spawnSync('python3', ['--version']).status === 0;
if (!hasPython || !canListChildren) {
  t.plan(0, !hasPython ? 'python3 is not on the PATH' : 'no /proc to count child processes');
  process.exit(0);
}

const seed = seedFromEnv();
t.comment(`seed ${seed} (replay with ROBUSTNESS_SEED=${seed})`);
const random = createRandom(seed);

/** One prepared flow per snippet: Input (document) → InlineCode → Output. */
const FLOWS = {
  FLOATFLOW1: { code: 'float(text)', input: 'String', output: 'Number' },
  SLEEPFLOW1: { code: 'import time\ntime.sleep(120)\n"late"', input: 'Object', output: 'String' },
  NAPFLOW001: { code: 'import time\ntime.sleep(0.2)\nstr(num)', input: 'Number', output: 'String' },
  PRINTFLOW1: { code: 'import sys\nfor _ in range(num): print("x" * 65535)\n"quiet"', input: 'Number', output: 'String' },
  STDERRFLOW: { code: 'import sys\nfor _ in range(num): sys.stderr.write("e" * 65536)\n"quiet"', input: 'Number', output: 'String' },
} as const;
type FlowId = keyof typeof FLOWS;

const FIXTURE: FixtureDocument = {
  account: '123456789012',
  region: 'us-east-1',
  flows: Object.entries(FLOWS).map(([flowId, f]) => ({
    flowId,
    name: flowId.toLowerCase(),
    executionRoleArn: FLOW_ROLE,
    prepare: true,
    definition: around(
      inlineCodeNode('Code', f.code, [[f.input === 'String' ? 'text' : 'num', f.input, '$.data']], f.output),
      f.output,
      f.input,
    ),
  })),
};

const input = (document: unknown): FlowInput[] => [
  { nodeName: 'FlowInput', nodeOutputName: 'document', content: { document } as FlowInput['content'] },
];

/** Reads a whole InvokeFlow stream: the event kinds, and the in-stream exception's name and message if any. */
async function invoke(client: BedrockAgentRuntimeClient, flowId: FlowId, document: unknown, abortSignal?: AbortSignal) {
  const events: string[] = [];
  const outputs: unknown[] = [];
  try {
    // An exception as the first frame makes send() itself throw.
    const res = await client.send(
      new InvokeFlowCommand({ flowIdentifier: flowId, flowAliasIdentifier: 'TSTALIASID', inputs: input(document) }),
      abortSignal ? { abortSignal } : {},
    );
    for await (const event of res.responseStream as AsyncIterable<FlowResponseStream>) {
      events.push(Object.keys(event)[0]!);
      if (event.flowOutputEvent) outputs.push(event.flowOutputEvent.content?.document);
    }
  } catch (err) {
    return { events, outputs, error: { name: (err as Error).name, message: (err as Error).message } };
  }
  return { events, outputs, error: undefined };
}

const healthy = async (url: string) => (await fetch(`${url}/_emulator/health`)).status === 200;

t.test('a NaN or Infinity result ends the run with an in-stream validationException; the server stays up', async (t) => {
  const { emu, runtime } = await withEmulator(t, { fixtures: [DEFAULT_FIXTURES, FIXTURE] });
  const client = runtime(ADMIN);
  const spellings = ['inf', 'infinity', '-Infinity', 'nan', 'NaN', '1e999', '-1e400'];
  for (let i = 0; i < 3; i++) {
    const text = random.pick(spellings);
    const ran = await invoke(client, 'FLOATFLOW1', text);
    t.match(
      ran.error,
      { name: 'ValidationException', message: /InlineCode node Code failed: .*NaN or Infinity/ },
      `float(${JSON.stringify(text)})`,
    );
    t.ok(await healthy(emu.url), 'health answers after the run');
  }
  t.same((await invoke(client, 'FLOATFLOW1', '2.5')).outputs, [2.5], 'a finite float still comes back');
});

t.test('leaving the InvokeFlow stream kills the child', async (t) => {
  const { emu, runtime } = await withEmulator(t, { fixtures: [DEFAULT_FIXTURES, FIXTURE] });
  const controller = new AbortController();
  const running = invoke(runtime(ADMIN), 'SLEEPFLOW1', {}, controller.signal).catch((err: Error) => err);
  t.ok(await eventually(() => livePythonChildren().length === 1), 'the child started');
  const [pid] = livePythonChildren();
  t.ok(await healthy(emu.url), 'health answers while the child runs');
  controller.abort();
  await running;
  t.ok(await eventually(() => !isAlive(pid!)), `child ${pid} is gone`);
});

t.test('close() kills running children and ends their streams', async (t) => {
  const emu = await startEmulator({ port: 0, fixtures: [DEFAULT_FIXTURES, FIXTURE] });
  const client = new BedrockAgentRuntimeClient({ endpoint: emu.url, region: 'us-east-1', credentials: ADMIN, maxAttempts: 1 });
  t.teardown(() => client.destroy());
  const running = [invoke(client, 'SLEEPFLOW1', {}), invoke(client, 'SLEEPFLOW1', {})].map((p) => p.catch((err: Error) => err));
  t.ok(await eventually(() => livePythonChildren().length === 2), 'both children started');
  const pids = livePythonChildren();
  await emu.close();
  t.same(livePythonChildren(), [], `children ${pids.join(', ')} are gone once close() resolves`);
  for (const ran of await Promise.all(running)) {
    t.match(ran, { error: { name: 'DependencyFailedException', message: /The emulator is stopping/ } });
  }
});

t.test('many concurrent runs never have more than 4 children; all finish', async (t) => {
  const { emu, runtime } = await withEmulator(t, { fixtures: [DEFAULT_FIXTURES, FIXTURE] });
  const client = runtime(ADMIN);
  const count = 6 + random.int(4);
  let most = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      most = Math.max(most, livePythonChildren().length);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const runs = Array.from({ length: count }, (_, i) => invoke(client, 'NAPFLOW001', i));
  t.ok(await eventually(() => livePythonChildren().length > 0), 'children started');
  t.ok(await healthy(emu.url), 'health answers while runs queue');
  const results = await Promise.all(runs);
  sampling = false;
  await sampler;
  t.ok(most > 0 && most <= 4, `at most 4 children at once (saw ${most} while ${count} runs were started)`);
  t.same(
    results.map((r) => r.outputs),
    Array.from({ length: count }, (_, i) => [String(i)]),
    'every queued run ran',
  );
});

t.test('output past 4 MiB (stdout or stderr) ends the run with a validationException', async (t) => {
  const { emu, runtime } = await withEmulator(t, { fixtures: [DEFAULT_FIXTURES, FIXTURE] });
  const client = runtime(ADMIN);
  for (const flow of ['PRINTFLOW1', 'STDERRFLOW'] as const) {
    const over = await invoke(client, flow, 80 + random.int(40)); // 5–7.5 MiB
    t.match(over.error, { name: 'ValidationException', message: /wrote more than 4194304 bytes of output/ }, flow);
    t.same((await invoke(client, flow, 4)).outputs, ['quiet'], `${flow}: a little output is fine`);
  }
  t.ok(await healthy(emu.url));
});
