/** Finding agents and their numbered versions by id, and shaping them for responses. */
import type { Agent, AgentSummary, AgentVersion, AgentVersionSummary } from '../../generated/types.js';
import { notFound } from '../../protocol/errors.js';
import type { AgentRecord, AgentVersionRecord } from '../../world/records.js';
import type { OperationContext } from '../context.js';
import { settle } from '../status-transition.js';

/** The test alias every agent has, routed to DRAFT (docs/behaviour.md#test-alias-and-draft-in-lists). */
export const TEST_ALIAS_ID = 'TSTALIASID';

export function findAgent(ctx: OperationContext, agentId: string): AgentRecord {
  const agent = ctx.world.agents.get(agentId);
  if (!agent) throw notFound();
  settle(ctx, agent);
  return agent;
}

export function findAgentVersion(agent: AgentRecord, version: string): AgentVersionRecord {
  const record = agent.versions[version];
  if (!record) throw notFound();
  return record;
}

export const agentResponse = (a: AgentRecord): Agent => ({
  ...a.draft,
  agentId: a.agentId,
  agentArn: a.agentArn,
  agentVersion: 'DRAFT',
  clientToken: a.clientToken,
  agentStatus: a.status,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
  preparedAt: a.preparedAt,
  failureReasons: a.failureReasons,
});

/** `latestAgentVersion`: the newest numbered version, or DRAFT while there is none. */
export const agentSummary = (a: AgentRecord): AgentSummary => ({
  agentId: a.agentId,
  agentName: a.draft.agentName,
  agentStatus: a.status,
  description: a.draft.description,
  updatedAt: a.updatedAt,
  latestAgentVersion: a.nextVersion > 1 ? String(a.nextVersion - 1) : 'DRAFT',
  guardrailConfiguration: a.draft.guardrailConfiguration,
});

/** Versions are snapshots of a prepared draft; the AgentVersion shape has no orchestration members. */
export function agentVersionResponse(a: AgentRecord, v: AgentVersionRecord): AgentVersion {
  const { orchestrationType: _o, customOrchestration: _c, ...frozen } = v.draft;
  return {
    ...frozen,
    agentId: a.agentId,
    agentArn: a.agentArn,
    version: v.version,
    agentStatus: 'PREPARED',
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  };
}

export const agentVersionSummaries = (a: AgentRecord): AgentVersionSummary[] => [
  {
    agentName: a.draft.agentName,
    agentStatus: a.status,
    agentVersion: 'DRAFT',
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    description: a.draft.description,
    guardrailConfiguration: a.draft.guardrailConfiguration,
  },
  ...Object.values(a.versions).map((v) => ({
    agentName: v.draft.agentName,
    agentStatus: 'PREPARED' as const,
    agentVersion: v.version,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    description: v.draft.description,
    guardrailConfiguration: v.draft.guardrailConfiguration,
  })),
];
