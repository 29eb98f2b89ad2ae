/**
 * The state of one account in one region, as the Bedrock APIs see it. Plain data in maps keyed by id, so that it
 * clones with structuredClone and exports as JSON.
 */
import type { AgentRecord, ExecutionStore, FlowRecord, IdempotentCall, KnowledgeBaseRecord, PromptRecord } from './records.js';
import type { Scope } from './arns.js';

export interface World extends Scope {
  flows: Map<string, FlowRecord>;
  prompts: Map<string, PromptRecord>;
  knowledgeBases: Map<string, KnowledgeBaseRecord>;
  agents: Map<string, AgentRecord>;
  /** Tags by resource ARN: one store serves every taggable resource type. */
  tags: Map<string, Record<string, string>>;
  idempotency: Map<string, IdempotentCall>;
  /** Flow executions: asynchronous runs and InvokeFlow runs paused for multi-turn input. */
  executions: ExecutionStore;
}

export function createWorld(account: string, region: string): World {
  return {
    account,
    region,
    flows: new Map(),
    prompts: new Map(),
    knowledgeBases: new Map(),
    agents: new Map(),
    tags: new Map(),
    idempotency: new Map(),
    executions: { runs: new Map(), paused: new Map() },
  };
}
