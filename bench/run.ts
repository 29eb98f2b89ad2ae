/**
 * `npm run bench [-- --json]`: every figure the README's Development section lists, measured in one run on one machine, beside its goal.
 * Throughput is only meaningful as a ratio to the bare-fastify ceiling measured in the same run (the machine may be
 * shared), so both servers run in this process and get the same load generator.
 */
import os from 'node:os';
import { BedrockAgentClient, CreateFlowCommand } from '@aws-sdk/client-bedrock-agent';
import { startEmulator } from '../src/index.js';
import { DEFAULT_FIXTURES } from '../src/package-root.js';
import { signRequest } from '../test/helpers/signed-request.js';
import { cliCommand } from './cli-build.js';
import { measureDecisions } from './iam-decisions.js';
import { importCostFigure, measureImportCost } from './import-cost.js';
import { startHelloWorld } from './hello-world.js';
import { startInvokeFloor } from './invoke-floor.js';
import { measureInvokeLatency } from './invoke-latency.js';
import { measureRecordingOverhead } from './recording-overhead.js';
import { CONNECTIONS, measureLoad, type LoadResult } from './load.js';
import { median, rssMiB, spawnUntilHealthy } from './startup.js';
import { BENCH_FIXTURE, FLOW_ROLE, TWELVE_NODE_DEFINITION } from './twelve-node-flow.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const JSON_OUTPUT = process.argv.includes('--json');
const LOAD_SECONDS = 5;
/** hello-world and GetFlow alternate in short rounds; the best round of each counts (the machine may be shared). */
const RATIO_ROUNDS = 3;
const RATIO_SECONDS = 3;
const INVOKE_CALLS = 500;
/** Warm-up calls before timing: the JIT needs a few hundred round trips through client, h2 and flow run to settle. */
const INVOKE_WARMUP = 300;
const DECISION_MS = 2000;
/** Run records on/off: short alternating rounds, so that a shared machine's drift falls on both sides. */
const RECORDING_ROUNDS = 60;
const RECORDING_PER_ROUND = 10;
const SPAWNS = 5;
/** Fresh processes each for the library's import + start and fastify's import + listen. */
const IMPORT_RUNS = 7;
/** Ten regions other than the fixtures' us-east-1: 100 flows each stays within the CLI's default quota. */
const REGIONS = [
  'us-west-2',
  'us-east-2',
  'eu-west-1',
  'eu-west-2',
  'eu-central-1',
  'ap-south-1',
  'ap-northeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'sa-east-1',
];
const FLOWS_FOR_RSS = 1000;

const log = (msg: string) => {
  if (!JSON_OUTPUT) process.stderr.write(`· ${msg}\n`);
};
const flatHeaders = (h: Record<string, string | string[]>) =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
const best = (rounds: LoadResult[]) => rounds.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
const createFlowBody = (name: string) => JSON.stringify({ name, executionRoleArn: FLOW_ROLE, definition: TWELVE_NODE_DEFINITION });

async function throughput() {
  const emu = await startEmulator({
    port: 0,
    logLevel: 'silent',
    fixtures: [DEFAULT_FIXTURES, BENCH_FIXTURE],
    quotas: { flowsPerAccount: 1e9 },
  });
  const hello = await startHelloWorld();
  const floor = await startInvokeFloor();
  try {
    // Signed once, replayed: autocannon cannot sign per request. x-amz-date stays valid for 15 minutes, and the
    // server still recomputes the whole signature (canonical request, body hash, HMAC) on every request.
    const getFlow = await signRequest(emu.url, { method: 'GET', path: '/flows/FLOW000001/' });
    const createFlow = await signRequest(emu.url, {
      method: 'POST',
      path: '/flows/',
      headers: { 'content-type': 'application/json' },
      body: createFlowBody('bench-create'),
    });
    const helloRounds: LoadResult[] = [];
    const getRounds: LoadResult[] = [];
    for (let round = 1; round <= RATIO_ROUNDS; round++) {
      log(`hello-world, then GetFlow: ${RATIO_SECONDS} s each (round ${round} of ${RATIO_ROUNDS})`);
      helloRounds.push(await measureLoad({ url: hello.url, path: '/hello' }, RATIO_SECONDS));
      getRounds.push(await measureLoad({ url: emu.url, path: getFlow.url, headers: flatHeaders(getFlow.headers) }, RATIO_SECONDS));
    }
    const helloWorld = best(helloRounds);
    const get = best(getRounds);
    log(`CreateFlow ${LOAD_SECONDS} s`);
    const create = await measureLoad(
      { url: emu.url, method: 'POST', path: createFlow.url, headers: flatHeaders(createFlow.headers), body: createFlow.body! },
      LOAD_SECONDS,
    );
    log(`InvokeFlow ${INVOKE_WARMUP} + ${INVOKE_CALLS} calls, then the same against a canned h2 server`);
    const invoke = await measureInvokeLatency(emu.url, emu.credentials, INVOKE_CALLS, INVOKE_WARMUP);
    const invokeFloor = await measureInvokeLatency(floor.url, emu.credentials, INVOKE_CALLS, INVOKE_WARMUP);
    log(`InvokeFlow with run recording on and off, ${RECORDING_ROUNDS} alternating rounds of ${RECORDING_PER_ROUND}`);
    const recording = await measureRecordingOverhead(emu, RECORDING_ROUNDS, RECORDING_PER_ROUND);
    return {
      helloWorld,
      get,
      helloRounds,
      getRounds,
      create,
      invoke,
      invokeFloor,
      recording,
      signedAt: getFlow.headers['x-amz-date'] as string,
    };
  } finally {
    await hello.app.close();
    await floor.close();
    await emu.close();
  }
}

async function createFlows(url: string, count: number) {
  const perRegion = Math.ceil(count / REGIONS.length);
  await Promise.all(
    REGIONS.map(async (region) => {
      const client = new BedrockAgentClient({
        endpoint: url,
        region,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        maxAttempts: 1,
      });
      for (let i = 0; i < perRegion; i++) {
        await client.send(
          new CreateFlowCommand({ name: `rss-${i}`, executionRoleArn: FLOW_ROLE, definition: TWELVE_NODE_DEFINITION as never }),
        );
      }
      client.destroy();
    }),
  );
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startup() {
  const cli = cliCommand();
  const emulatorArgs = [...cli.args, '--port', '{port}', '--log-level', 'warn'];
  const helloArgs = [new URL('./hello-server.mjs', import.meta.url).pathname, '{port}'];
  const emulatorMs: number[] = [];
  const helloMs: number[] = [];
  const emulatorCpu: number[] = [];
  const helloCpu: number[] = [];
  // Interleaved, so a burst of load elsewhere on the machine hits both alike.
  for (let i = 0; i < SPAWNS; i++) {
    const h = await spawnUntilHealthy(helloArgs);
    helloMs.push(h.startMs);
    helloCpu.push(h.startCpuMs);
    await h.stop();
    const e = await spawnUntilHealthy(emulatorArgs);
    emulatorMs.push(e.startMs);
    emulatorCpu.push(e.startCpuMs);
    await e.stop();
  }
  log(`RSS: idle, then after ${FLOWS_FOR_RSS} CreateFlow calls`);
  const hello = await spawnUntilHealthy(helloArgs);
  const emulator = await spawnUntilHealthy(emulatorArgs);
  try {
    await settle(1000);
    const helloIdle = rssMiB(hello.child.pid!);
    const idle = rssMiB(emulator.child.pid!);
    await createFlows(emulator.url, FLOWS_FOR_RSS);
    await settle(1000);
    const afterFlows = rssMiB(emulator.child.pid!);
    return {
      how: cli.how,
      emulatorMs: median(emulatorMs),
      helloMs: median(helloMs),
      emulatorCpuMs: median(emulatorCpu),
      helloCpuMs: median(helloCpu),
      idle,
      helloIdle,
      afterFlows,
    };
  } finally {
    await hello.stop();
    await emulator.stop();
  }
}

interface Row {
  measure: string;
  figure: string;
  goal: string;
  met?: boolean;
}

const loadFigure = (r: LoadResult) =>
  `${r.requestsPerSecond.toLocaleString('en-US')} req/s, p99 ${r.p99Ms} ms, ${r.serverCpuMicros} µs CPU/req` +
  (r.non2xx || r.errors ? ` INVALID: ${r.non2xx} non-2xx, ${r.errors} errors` : '');
const valid = (r: LoadResult) => r.non2xx === 0 && r.errors === 0;

async function main() {
  const began = performance.now();
  const load1 = os.loadavg()[0]!;
  log(`load average ${load1.toFixed(2)} on ${os.cpus().length} cores`);
  const t = await throughput();
  log(`policy decisions, ${DECISION_MS} ms each`);
  const decisions10 = await measureDecisions(10, DECISION_MS);
  const decisions200 = await measureDecisions(200, DECISION_MS);
  log(`start-to-healthy, median of ${SPAWNS} spawns each`);
  const s = await startup();
  log(`import + start of the library and import + listen of fastify, median of ${IMPORT_RUNS} processes each`);
  const ic = measureImportCost(IMPORT_RUNS);

  const ratio = t.get.requestsPerSecond / t.helloWorld.requestsPerSecond;
  const cpuRatio = t.helloWorld.serverCpuMicros / t.get.serverCpuMicros;
  const startRatio = s.emulatorMs / s.helloMs;
  const importRatio = ic.emulator.readyMs / ic.fastify.readyMs;
  const rows: Row[] = [
    { measure: 'hello-world (bare fastify) GET /hello', figure: loadFigure(t.helloWorld), goal: 'ceiling' },
    { measure: 'GetFlow, SigV4-verified + IAM-authorized', figure: loadFigure(t.get), goal: '' },
    {
      measure: 'GetFlow / hello-world',
      figure: `${(ratio * 100).toFixed(1)} % (by CPU/req: ${(cpuRatio * 100).toFixed(1)} %)`,
      goal: '≥ 40 %',
      met: ratio >= 0.4 && valid(t.get),
    },
    { measure: 'CreateFlow, 12-node definition', figure: loadFigure(t.create), goal: '' },
    {
      measure: `InvokeFlow 12 nodes, SDK h2, ${INVOKE_CALLS} sequential`,
      figure:
        `p50 ${t.invoke.p50Ms.toFixed(2)} ms, p99 ${t.invoke.p99Ms.toFixed(2)} ms` +
        (t.invoke.failures ? ` INVALID: ${t.invoke.failures} failed` : ''),
      goal: 'p50 ≤ 3 ms',
      met: t.invoke.p50Ms <= 3 && t.invoke.failures === 0,
    },
    {
      measure: 'InvokeFlow floor: same client, canned h2 server',
      figure: `p50 ${t.invokeFloor.p50Ms.toFixed(2)} ms, p99 ${t.invokeFloor.p99Ms.toFixed(2)} ms`,
      goal: 'reference',
    },
    {
      measure: `InvokeFlow run recording (${t.recording.calls} calls each way)`,
      figure:
        `p50 ${t.recording.p50OnMs.toFixed(2)} ms on / ${t.recording.p50OffMs.toFixed(2)} ms off ` +
        `(${((t.recording.p50OnMs / t.recording.p50OffMs - 1) * 100).toFixed(1)} %); CPU/call ` +
        `${((t.recording.cpuOnMicros / t.recording.cpuOffMicros - 1) * 100).toFixed(1)} %`,
      goal: '≤ 5 % of p50',
      met: t.recording.p50OnMs <= t.recording.p50OffMs * 1.05,
    },
    {
      measure: 'policy decisions, 10 statements',
      figure: `${decisions10.toLocaleString('en-US')} /s`,
      goal: '≥ 150,000 /s',
      met: decisions10 >= 150_000,
    },
    {
      measure: 'policy decisions, 200 statements',
      figure: `${decisions200.toLocaleString('en-US')} /s`,
      goal: '≥ 15,000 /s',
      met: decisions200 >= 15_000,
    },
    {
      measure: `start-to-healthy, emulator (median of ${SPAWNS})`,
      figure: `${s.emulatorMs.toFixed(0)} ms (${s.emulatorCpuMs.toFixed(0)} ms CPU)`,
      goal: '',
    },
    {
      measure: `start-to-healthy, hello-world (median of ${SPAWNS})`,
      figure: `${s.helloMs.toFixed(0)} ms (${s.helloCpuMs.toFixed(0)} ms CPU)`,
      goal: '',
    },
    {
      measure: 'start-to-healthy ratio',
      figure: `${startRatio.toFixed(2)} × (by CPU: ${(s.emulatorCpuMs / s.helloCpuMs).toFixed(2)} ×)`,
      goal: '≤ 1.5 ×',
      met: startRatio <= 1.5,
    },
    { measure: `library import + start (median of ${IMPORT_RUNS})`, figure: importCostFigure(ic.emulator), goal: '' },
    { measure: `fastify import + listen (median of ${IMPORT_RUNS})`, figure: importCostFigure(ic.fastify), goal: 'reference' },
    {
      measure: 'import + start / fastify import + listen',
      figure: `${importRatio.toFixed(2)} × (by CPU: ${(ic.emulator.readyCpuMs / ic.fastify.readyCpuMs).toFixed(2)} ×)`,
      goal: '≤ 1.5 ×',
      met: importRatio <= 1.5,
    },
    { measure: 'idle RSS, emulator (1 s after healthy)', figure: `${s.idle.toFixed(1)} MiB`, goal: '≤ 90 MiB', met: s.idle <= 90 },
    { measure: `RSS after ${FLOWS_FOR_RSS} CreateFlow (12 nodes)`, figure: `${s.afterFlows.toFixed(1)} MiB`, goal: '' },
    { measure: 'idle RSS, hello-world (reference)', figure: `${s.helloIdle.toFixed(1)} MiB`, goal: '' },
  ];
  const notes = [
    `load: autocannon, ${CONNECTIONS} connections, in a worker thread; servers in this process. hello-world and ` +
      `GetFlow: best of ${RATIO_ROUNDS} alternating ${RATIO_SECONDS} s rounds (req/s: hello ` +
      `${t.helloRounds.map((r) => r.requestsPerSecond).join(', ')}; GetFlow ${t.getRounds.map((r) => r.requestsPerSecond).join(', ')}); ` +
      `CreateFlow ${LOAD_SECONDS} s. CPU/req = main-thread CPU time per request, from /proc. The in-process emulator ` +
      'runs the TypeScript sources through tsx, as `npm run bench` loads them',
    'InvokeFlow floor: the SDK opens a new HTTP/2 connection for every event-stream call; the floor is that plus ' +
      'the client, against a server that answers at once without SigV4 or a flow',
    `SigV4: GetFlow and CreateFlow each replay ONE request signed at ${t.signedAt} (valid 15 min); the server verifies ` +
      'the full signature, body hash and clock skew on every request, but the signing-key cache is always warm',
    'CreateFlow: no clientToken, so every request creates a flow (quota raised to 1e9)',
    `start-up: ${s.how}; hello-world: node bench/hello-server.mjs`,
    `import + start: ${ic.how}, \`startEmulator({ port: 0 })\`; fastify: one route, listen on port 0 ` +
      '(node bench/import-start.mjs); times from the first line of each script, CPU from process.cpuUsage()',
    `machine: ${os.cpus().length} cores, Node ${process.version}, 1-min load average ${load1.toFixed(2)} at start`,
    `total ${((performance.now() - began) / 1000).toFixed(1)} s`,
  ];

  if (JSON_OUTPUT) {
    process.stdout.write(
      JSON.stringify(
        { rows, notes, raw: { ...t, decisions10, decisions200, startup: s, importCost: ic, getFlowRatio: ratio, startRatio, importRatio } },
        null,
        2,
      ) + '\n',
    );
    return;
  }
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => [r.measure, r.figure, r.goal][i]!.length), 7));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 4)).join(' | ')} |`;
  console.log(line(['measure', 'figure', 'goal', 'met']));
  console.log(`|${[...widths, 4].map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line([r.measure, r.figure, r.goal, r.met === undefined ? '' : r.met ? 'yes' : 'NO']));
  console.log('');
  for (const n of notes) console.log(`- ${n}`);
}

await main();
