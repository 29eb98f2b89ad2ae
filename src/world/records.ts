/**
 * What the emulator stores. Records are plain data (no classes, no functions) so that a world can be cloned with
 * structuredClone when fixtures are staged, and exported as JSON by /_emulator/state.
 */

/** A flow definition as the API carries it; its structure is checked by flows/validate. */
export type FlowDefinitionData = Record<string, unknown>;
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

export interface FlowRecord extends FlowSnapshot {
  id: string;
  arn: string;
  status: FlowStatus;
  createdAt: string;
  updatedAt: string;
  validations?: FlowValidationData[];
  /** What TSTALIASID runs: the draft as it was at the last successful PrepareFlow. */
  prepared?: FlowSnapshot;
  /** A PrepareFlow whose result is not visible yet (UpdateFlow drops it: the new draft was not prepared). */
  preparing?: PendingPreparation;
  versions: Record<string, FlowVersionRecord>;
  nextVersion: number;
  aliases: Record<string, FlowAliasRecord>;
}

export interface PendingPreparation {
  readyAt: number;
  snapshot: FlowSnapshot;
  validations: FlowValidationData[];
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

export interface PromptVariantData {
  name: string;
  templateType: string;
  templateConfiguration: Record<string, unknown>;
  [member: string]: unknown;
}

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

/** Create* idempotency: the first response, and what was asked, for a (operation, parent, clientToken). */
export interface IdempotentCall {
  fingerprint: string;
  response: unknown;
  at: number;
}
