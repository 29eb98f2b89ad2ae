/**
 * Import + start, as a test file pays it: the library bundle imported and started (port 0, default options) against
 * fastify imported and listening, each in a fresh process, interleaved so a burst of load elsewhere hits both alike.
 * Wall time and CPU time (process.cpuUsage: steadier on a shared machine) from the first line of the child's script.
 * Alone: node --import tsx bench/import-cost.ts [runs]
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { libraryEntry } from './cli-build.js';
import { median } from './startup.js';

interface Sample {
  importMs: number;
  importCpuMs: number;
  readyMs: number;
  readyCpuMs: number;
}

export interface ImportCost {
  how: string;
  runs: number;
  /** Medians of each figure over the runs. */
  emulator: Sample;
  fastify: Sample;
}

const SCRIPT = fileURLToPath(new URL('./import-start.mjs', import.meta.url));

function sample(args: string[]): Sample {
  const out = execFileSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return JSON.parse(out.trim().split('\n').pop()!) as Sample;
}

const medians = (samples: Sample[]): Sample => ({
  importMs: median(samples.map((s) => s.importMs)),
  importCpuMs: median(samples.map((s) => s.importCpuMs)),
  readyMs: median(samples.map((s) => s.readyMs)),
  readyCpuMs: median(samples.map((s) => s.readyCpuMs)),
});

export function measureImportCost(runs: number): ImportCost {
  const entry = libraryEntry();
  const emulator: Sample[] = [];
  const fastify: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    fastify.push(sample(['fastify']));
    emulator.push(sample(['emulator', entry.file]));
  }
  return { how: entry.how, runs, emulator: medians(emulator), fastify: medians(fastify) };
}

export const importCostFigure = (s: Sample) =>
  `import ${s.importMs.toFixed(0)} ms (${s.importCpuMs.toFixed(0)} ms CPU), ready ${s.readyMs.toFixed(0)} ms (${s.readyCpuMs.toFixed(0)} ms CPU)`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const c = measureImportCost(Number(process.argv[2] ?? 9));
  console.log(`library (${c.how}), median of ${c.runs}: ${importCostFigure(c.emulator)}`);
  console.log(`fastify import + listen, median of ${c.runs}: ${importCostFigure(c.fastify)}`);
}
