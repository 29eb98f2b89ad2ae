/**
 * What run records (src/runs/) cost InvokeFlow: one emulator, the same client, calls in short rounds that
 * alternate recording on and off (the emulator's recorder unset), so that a shared machine's drift falls on both
 * sides alike. Reports p50 either way and CPU per call (client and server: both run in this process).
 */
import { BedrockAgentRuntimeClient, InvokeFlowCommand } from '@aws-sdk/client-bedrock-agent-runtime';
import type { RunningEmulator } from '../src/index.js';
import { BENCH_INVOKE } from './twelve-node-flow.js';

export interface RecordingOverhead {
  calls: number;
  p50OnMs: number;
  p50OffMs: number;
  cpuOnMicros: number;
  cpuOffMicros: number;
}

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function measureRecordingOverhead(emu: RunningEmulator, rounds: number, perRound: number): Promise<RecordingOverhead> {
  const { env } = emu.emulator;
  const recorder = env.runs;
  const client = new BedrockAgentRuntimeClient({ endpoint: emu.url, region: 'us-east-1', credentials: emu.credentials, maxAttempts: 1 });
  const once = async () => {
    const started = performance.now();
    const res = await client.send(new InvokeFlowCommand(BENCH_INVOKE));
    for await (const _ of res.responseStream!);
    return performance.now() - started;
  };
  const times = { on: [] as number[], off: [] as number[] };
  const cpu = { on: 0, off: 0 };
  try {
    for (let round = 0; round < rounds; round++) {
      for (const mode of round % 2 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
        env.runs = mode === 'on' ? recorder : undefined;
        const before = process.cpuUsage();
        for (let i = 0; i < perRound; i++) times[mode].push(await once());
        const used = process.cpuUsage(before);
        cpu[mode] += used.user + used.system;
      }
    }
  } finally {
    env.runs = recorder;
    client.destroy();
  }
  const calls = times.on.length;
  return { calls, p50OnMs: p50(times.on), p50OffMs: p50(times.off), cpuOnMicros: cpu.on / calls, cpuOffMicros: cpu.off / calls };
}
