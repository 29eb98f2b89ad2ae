/**
 * How many nodes of one run may run at once, from the alias's `concurrencyConfiguration`
 * ([FlowAliasConcurrencyConfiguration](https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent_FlowAliasConcurrencyConfiguration.html)):
 * `Automatic` lets Bedrock run every node whose inputs are ready, `Manual` at most `maxConcurrency`. What a run sees
 * is in docs/behaviour.md#concurrent-nodes.
 */

/** The model's ceiling for maxConcurrency; Automatic runs as many (more than a flow's 40 nodes can use). */
export const MAX_CONCURRENT_NODES = 100;

export interface ConcurrencyConfiguration {
  readonly type: string;
  readonly maxConcurrency?: number;
}

/**
 * No configuration (the test alias has none) keeps one node at a time: AWS documents no default. Manual without
 * maxConcurrency names no nodes to run in parallel, so one too.
 */
export function concurrencyLimit(configuration: ConcurrencyConfiguration | undefined): number {
  if (configuration?.type === 'Automatic') return MAX_CONCURRENT_NODES;
  if (configuration?.type === 'Manual') return Math.min(configuration.maxConcurrency ?? 1, MAX_CONCURRENT_NODES);
  return 1;
}
