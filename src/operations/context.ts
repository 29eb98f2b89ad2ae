/** What every operation receives besides its input: the state it acts on and who is asking. */
import type { PythonProcesses } from '../fakes/python-processes.js';
import type { RoleAuthorizer } from '../flows/executor/role-authorizer.js';
import type { IamMode } from '../access/caller-authorizer.js';
import type { IdSource } from '../world/ids.js';
import type { Universe } from '../world/universe.js';
import type { World } from '../world/world.js';

export interface Caller {
  /** The principal ARN as AWS reports it (user, assumed-role session, root). */
  arn: string;
  account: string;
}

export interface Settings {
  /** How callers and execution roles are checked (enforce, audit, off). */
  iamMode: IamMode;
  /** How long PrepareFlow reports `Preparing` before its result shows (0: settled at the next read). */
  prepareDelayMs: number;
  /** AWS's count quotas (bedrock-flows-api.md §8); adjustable, as some are on AWS. */
  quotas: Quotas;
}

export interface Quotas {
  flowsPerAccount: number;
  versionsPerFlow: number;
  aliasesPerFlow: number;
  promptsPerAccount: number;
  versionsPerPrompt: number;
  knowledgeBasesPerAccount: number;
  agentsPerAccount: number;
  aliasesPerAgent: number;
}

export const AWS_QUOTAS: Quotas = {
  flowsPerAccount: 100,
  versionsPerFlow: 10,
  aliasesPerFlow: 10,
  promptsPerAccount: 500,
  versionsPerPrompt: 10,
  knowledgeBasesPerAccount: 100,
  agentsPerAccount: 200,
  aliasesPerAgent: 10,
};

/** What stays the same across requests of one emulator. */
export interface Environment {
  ids: IdSource;
  settings: Settings;
  /** Wall-clock milliseconds, for time-based state (preparation delays, idempotency windows). */
  clock: () => number;
}

export interface OperationContext extends Environment {
  universe: Universe;
  world: World;
  caller: Caller;
  /** The flow execution role's IAM checks (PrepareFlow, InvokeFlow); absent only in hand-built unit-test contexts. */
  roleAuthorizer?: RoleAuthorizer;
  /** The emulator's python3 children (InlineCode); absent only in hand-built unit-test contexts. */
  python?: PythonProcesses;
}
