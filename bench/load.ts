/**
 * One load generator for every throughput figure: autocannon, 10 connections, fixed duration, run in a worker
 * thread so the load tool does not share the event loop of the in-process server it measures.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface LoadTarget {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface LoadResult {
  requestsPerSecond: number;
  total: number;
  /** Answers that were not 2xx, and socket errors or timeouts: both must be 0 for the figure to count. */
  non2xx: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  /**
   * CPU time of this process's main thread (where the in-process servers run) per request: steadier than req/s on
   * a shared machine, as it does not count time spent waiting for a core.
   */
  serverCpuMicros: number;
}

/** utime + stime of the main thread in microseconds, from /proc (Linux; clock ticks of 10 ms). */
function mainThreadCpuMicros(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return Number.NaN;
  }
}

export const CONNECTIONS = 10;

export async function measureLoad(target: LoadTarget, durationSeconds: number): Promise<LoadResult> {
  const cpuBefore = mainThreadCpuMicros();
  const result = await autocannon({
    url: target.url + target.path,
    method: target.method ?? 'GET',
    headers: target.headers ?? {},
    // A Buffer reaches the worker thread as a plain Uint8Array, which autocannon refuses: send text.
    ...(target.body !== undefined ? { body: target.body.toString() } : {}),
    connections: CONNECTIONS,
    duration: durationSeconds,
    workers: 1,
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    serverCpuMicros: Math.round((mainThreadCpuMicros() - cpuBefore) / Math.max(1, result.requests.total)),
  };
}
