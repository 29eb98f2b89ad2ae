/**
 * What the emulator stores. Records are plain data (no classes, no functions) so that a world can be cloned with
 * structuredClone when fixtures are staged, and exported as JSON by /_emulator/state.
 */
import type {
  AgentAliasHistoryEvent,
  AgentAliasRoutingConfigurationListItem,
  AgentAliasStatus,
  AgentCollaboration,
  AgentStatus,
  AliasInvocationState,
  CustomOrchestration,
  FlowDefinition,
  GuardrailConfiguration,
  KnowledgeBaseConfiguration,
  KnowledgeBaseStatus,
  MemoryConfiguration,
  OrchestrationType,
  PromptOverrideConfiguration,
  PromptVariant,
  StorageConfiguration,
} from '../generated/types.js';

/** A flow definition as the API carries it; its structure is checked by flows/validate. */
export type FlowDefinitionData = FlowDefinition;
export type FlowValidationData = Record<string, unknown>;

export type FlowStatus = 'NotPrepared' | 'Preparing' | 'Prepared' | 'Failed';

/** The parts of a flow that a version or a prepared draft freezes. */
export interface FlowSnapshot {
  name: string;
  description?: string;
  executionRoleArn: string;
  customerEncryptionKeyArn?: string;
  definition?: FlowDefinitionData;
}

export interface FlowRecord extends FlowSnapshot, StatusRecord<FlowStatus, FlowRecord> {
  id: string;
  arn: string;
  createdAt: string;
  updatedAt: string;
  validations?: FlowValidationData[];
  /** What TSTALIASID runs: the draft as it was at the last successful PrepareFlow. */
  prepared?: FlowSnapshot;
  versions: Record<string, FlowVersionRecord>;
  nextVersion: number;
  aliases: Record<string, FlowAliasRecord>;
}

export interface FlowVersionRecord extends FlowSnapshot {
  version: string;
  status: FlowStatus;
  createdAt: string;
  versionDescription?: string;
}

export interface FlowAliasRecord {
  id: string;
  arn: string;
  flowId: string;
  name: string;
  description?: string;
  routingConfiguration: { flowVersion: string }[];
  concurrencyConfiguration?: { type: string; maxConcurrency?: number };
  createdAt: string;
  updatedAt: string;
}

/** A prompt variant as the API carries it. */
export type PromptVariantData = PromptVariant;

export interface PromptVersionRecord {
  name: string;
  description?: string;
  customerEncryptionKeyArn?: string;
  defaultVariant?: string;
  variants?: PromptVariantData[];
  version: string;
  createdAt: string;
  updatedAt: string;
}

export interface PromptRecord {
  id: string;
  arn: string;
  draft: PromptVersionRecord;
  versions: Record<string, PromptVersionRecord>;
  nextVersion: number;
}

/** Create* idempotency: the first response, and a hash of what was asked, for a (operation, parent, clientToken). */
export interface IdempotentCall {
  /** SHA-256 (hex) of the request's JSON without its clientToken: a large definition is not kept twice. */
  inputHash: string;
  response: unknown;
  /** The response's JSON length, counted against the store's byte bound. */
  responseBytes: number;
  /** Clock milliseconds of the first request. */
  at: number;
}

/** The states of an asynchronous flow execution (StartFlowExecution). */
export type FlowExecutionStatus = 'Running' | 'Succeeded' | 'Failed' | 'TimedOut' | 'Aborted';

/** One StartFlowExecution run, with the events ListFlowExecutionEvents pages through. */
export interface FlowExecutionRecord {
  id: string;
  arn: string;
  flowId: string;
  aliasId: string;
  flowVersion: string;
  status: FlowExecutionStatus;
  startedAt: string;
  endedAt?: string;
  errors?: { nodeName?: string; error: 'ExecutionTimedOut'; message: string }[];
  /** The frozen definition the execution runs (GetExecutionFlowSnapshot). */
  snapshot: FlowSnapshot;
  /** FlowExecutionEvent union values (one member each), in the order they happened. */
  events: Record<string, unknown>[];
  /** The JSON size of `events`, kept as they are added: what the world's execution-event budget counts. */
  eventBytes: number;
}

declare const opaque: unique symbol;

/**
 * A paused run's state. The record only keeps it: src/flows/executor/checkpoint.ts makes and reads it, and nothing
 * else can look inside. Declared here, where it is stored, so that the world needs nothing of the executor.
 */
export interface RunCheckpoint {
  readonly [opaque]: 'RunCheckpoint';
}

/** An InvokeFlow run waiting for the user's answer to an Agent node (multi-turn), resumed by its executionId. */
export interface PausedInvocationRecord {
  executionId: string;
  flowId: string;
  aliasId: string;
  snapshot: FlowSnapshot;
  /** The node waiting for the answer: an answer must name it. */
  waitingNode: string;
  /** Where the run stopped; only the executor reads it (plain data, like the rest of the world). */
  checkpoint: RunCheckpoint;
  expiresAt: number;
}

export interface ExecutionStore {
  runs: Map<string, FlowExecutionRecord>;
  paused: Map<string, PausedInvocationRecord>;
}

/**
 * A status that an operation announced (ACTIVE after CREATING, PREPARED after PREPARING…) and that readers see
 * once `at` (clock milliseconds) has passed: asynchronous AWS work, applied lazily at the next read, no timers.
 */
export interface PendingStatus<S extends string, R = object> {
  status: S;
  at: number;
  /** Members the outcome also sets on the record (failure reasons, a flow's validations and prepared snapshot). */
  changes?: Partial<R>;
}

/** A resource whose status moves through PendingStatus transitions (see operations/status-transition.ts). */
export interface StatusRecord<S extends string, R = object> {
  status: S;
  pending?: PendingStatus<S, R>;
  failureReasons?: string[];
}

export interface KnowledgeBaseRecord extends StatusRecord<KnowledgeBaseStatus> {
  knowledgeBaseId: string;
  knowledgeBaseArn: string;
  name: string;
  description?: string;
  roleArn: string;
  knowledgeBaseConfiguration: KnowledgeBaseConfiguration;
  storageConfiguration?: StorageConfiguration;
  createdAt: string;
  updatedAt: string;
}

/** The parts of an agent that UpdateAgent replaces and a numbered version freezes. */
export interface AgentDraft {
  agentName: string;
  instruction?: string;
  foundationModel?: string;
  description?: string;
  orchestrationType?: OrchestrationType;
  customOrchestration?: CustomOrchestration;
  idleSessionTTLInSeconds: number;
  agentResourceRoleArn: string;
  customerEncryptionKeyArn?: string;
  promptOverrideConfiguration?: PromptOverrideConfiguration;
  guardrailConfiguration?: GuardrailConfiguration;
  memoryConfiguration?: MemoryConfiguration;
  agentCollaboration?: AgentCollaboration;
}

export interface AgentRecord extends StatusRecord<AgentStatus> {
  agentId: string;
  agentArn: string;
  /** Echoed in the Agent object, as AWS does. */
  clientToken?: string;
  draft: AgentDraft;
  createdAt: string;
  updatedAt: string;
  preparedAt?: string;
  versions: Record<string, AgentVersionRecord>;
  nextVersion: number;
  /** Every agent has TSTALIASID, routed to DRAFT. */
  aliases: Record<string, AgentAliasRecord>;
}

/** A numbered version: the draft as it was prepared when an alias asked for a new version. */
export interface AgentVersionRecord {
  version: string;
  draft: AgentDraft;
  createdAt: string;
  updatedAt: string;
}

export interface AgentAliasRecord extends StatusRecord<AgentAliasStatus> {
  agentId: string;
  agentAliasId: string;
  agentAliasArn: string;
  agentAliasName: string;
  clientToken?: string;
  description?: string;
  routingConfiguration: AgentAliasRoutingConfigurationListItem[];
  /** Newest first: each routing the alias had, with when it started and ended. */
  agentAliasHistoryEvents: AgentAliasHistoryEvent[];
  aliasInvocationState: AliasInvocationState;
  createdAt: string;
  updatedAt: string;
}
