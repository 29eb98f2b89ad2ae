/**
 * `--throttle`: AWS's documented request rates for this API, per account and Region as AWS applies its quotas
 * (https://docs.aws.amazon.com/general/latest/gr/bedrock.html#limits_bedrock, "… requests per second"), enforced with
 * a token bucket per (account, operation): a second's worth of requests may come at once, and tokens come back at
 * the rate. Operations without a published rate (the runtime's, the tag operations) are not limited.
 */
import type { OperationName } from '../generated/operations.js';
import type { Clock } from '../world/clock.js';

const rates = (perSecond: number, operations: readonly OperationName[]) => operations.map((op) => [op, perSecond] as const);

/** Requests per second, as the quotas table lists them. */
export const AWS_REQUEST_RATES: Readonly<Partial<Record<OperationName, number>>> = Object.fromEntries([
  ...rates(2, [
    'CreateFlow',
    'CreateFlowVersion',
    'CreateFlowAlias',
    'UpdateFlow',
    'UpdateFlowAlias',
    'PrepareFlow',
    'ValidateFlowDefinition',
    'DeleteFlow',
    'DeleteFlowVersion',
    'DeleteFlowAlias',
    'CreatePrompt',
    'CreatePromptVersion',
    'UpdatePrompt',
    'DeletePrompt',
    'CreateKnowledgeBase',
    'UpdateKnowledgeBase',
    'DeleteKnowledgeBase',
    'CreateAgentAlias',
    'UpdateAgentAlias',
    'PrepareAgent',
  ]),
  ...rates(10, [
    'GetFlow',
    'GetFlowVersion',
    'GetFlowAlias',
    'GetPrompt',
    'GetKnowledgeBase',
    'ListFlows',
    'ListFlowVersions',
    'ListFlowAliases',
    'ListPrompts',
    'ListKnowledgeBases',
    'ListAgents',
    'ListAgentAliases',
    'GetAgentAlias',
  ]),
  ...rates(15, ['GetAgent']),
  ...rates(6, ['CreateAgent']),
  ...rates(4, ['UpdateAgent']),
]);

interface Bucket {
  tokens: number;
  at: number;
}

export class RequestRates {
  /** Bounded: accounts are bounded by the universe's worlds (MAX_WORLDS), operations by the table. */
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly clock: Clock,
    private readonly table: Readonly<Partial<Record<string, number>>> = AWS_REQUEST_RATES,
  ) {}

  /** Takes a token for one request; false when the account is past the operation's rate. */
  take(account: string, operation: string): boolean {
    const rate = this.table[operation];
    if (rate === undefined) return true;
    const key = `${account} ${operation}`;
    const now = this.clock.monotonicMs();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: rate, at: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(rate, bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  clear(): void {
    this.buckets.clear();
  }
}
