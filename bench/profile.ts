/**
 * A CPU profile of one hot path under load, the server in this process:
 *   node --import tsx bench/profile.ts getflow|createflow|invoke [seconds] [out.cpuprofile]
 *   node --import tsx bench/profile-summary.ts out.cpuprofile
 * The same V8 profiler as `node --cpu-prof`, started through the inspector only once the server is up, so module
 * loading and start-up stay out of it. The load runs in a worker thread (getflow, createflow), which the main
 * thread's profile does not see; for invoke the SDK client shares the thread and shows up in the profile.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { startEmulator } from '../src/index.js';
import { DEFAULT_FIXTURES } from '../src/package-root.js';
import { signRequest } from '../test/helpers/signed-request.js';
import { measureInvokeLatency } from './invoke-latency.js';
import { measureLoad } from './load.js';
import { BENCH_FIXTURE, FLOW_ROLE, TWELVE_NODE_DEFINITION } from './twelve-node-flow.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const what = process.argv[2] ?? 'getflow';
const seconds = Number(process.argv[3] ?? 5);
const emu = await startEmulator({
  port: 0,
  logLevel: 'silent',
  fixtures: [DEFAULT_FIXTURES, BENCH_FIXTURE],
  quotas: { flowsPerAccount: 1e9 },
});
const out = process.argv[4] ?? `/tmp/${what}.cpuprofile`;
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const flat = (h: Record<string, string | string[]>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k, String(v)]));
try {
  if (what === 'getflow') {
    const req = await signRequest(emu.url, { method: 'GET', path: '/flows/FLOW000001/' });
    console.log(await measureLoad({ url: emu.url, path: req.url, headers: flat(req.headers) }, seconds));
  } else if (what === 'createflow') {
    const body = JSON.stringify({ name: 'profile', executionRoleArn: FLOW_ROLE, definition: TWELVE_NODE_DEFINITION });
    const req = await signRequest(emu.url, { method: 'POST', path: '/flows/', headers: { 'content-type': 'application/json' }, body });
    console.log(await measureLoad({ url: emu.url, method: 'POST', path: req.url, headers: flat(req.headers), body }, seconds));
  } else if (what === 'invoke') {
    console.log(await measureInvokeLatency(emu.url, emu.credentials, seconds * 200, 50));
  } else {
    throw new Error(`unknown path ${what}: getflow, createflow or invoke`);
  }
} finally {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(out, JSON.stringify(profile));
  console.log(`profile written to ${out}`);
  await emu.close();
}
