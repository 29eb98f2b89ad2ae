/**
 * InvokeFlow latency as an application sees it: the real runtime SDK client (default handler, so HTTP/2 over one
 * connection), sequential calls, each timed from send() to the last event of its stream.
 */
import { BedrockAgentRuntimeClient, InvokeFlowCommand } from '@aws-sdk/client-bedrock-agent-runtime';
import { BENCH_INVOKE } from './twelve-node-flow.js';

export interface LatencyResult {
  calls: number;
  p50Ms: number;
  p99Ms: number;
  /** Streams that did not end with flowCompletionEvent SUCCESS: must be 0 for the figure to count. */
  failures: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function measureInvokeLatency(
  url: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
  calls: number,
  warmup: number,
): Promise<LatencyResult> {
  const client = new BedrockAgentRuntimeClient({ endpoint: url, region: 'us-east-1', credentials, maxAttempts: 1 });
  const command = () => new InvokeFlowCommand(BENCH_INVOKE);
  const times: number[] = [];
  let failures = 0;
  try {
    for (let i = 0; i < warmup + calls; i++) {
      const started = performance.now();
      const res = await client.send(command());
      let completed = false;
      for await (const event of res.responseStream!) {
        if (event.flowCompletionEvent?.completionReason === 'SUCCESS') completed = true;
      }
      if (i >= warmup) {
        times.push(performance.now() - started);
        if (!completed) failures++;
      }
    }
  } finally {
    client.destroy();
  }
  times.sort((a, b) => a - b);
  return { calls, p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), failures };
}
