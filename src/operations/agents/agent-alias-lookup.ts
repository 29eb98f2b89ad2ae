/** Finding agent aliases by id, and shaping them for responses. */
import type { AgentAlias, AgentAliasSummary } from '../../generated/types.js';
import { notFound } from '../../protocol/errors.js';
import { matchesPattern, validationError, violation } from '../../protocol/validation/render.js';
import type { AgentAliasRecord, AgentRecord } from '../../world/records.js';
import type { OperationContext } from '../context.js';
import { settle } from '../status-transition.js';
import { TEST_ALIAS_ID } from './agent-lookup.js';

/**
 * The pattern the service applies to the alias id of alias changes: the public model allows TSTALIASID there, the
 * service does not (real response: docs/behaviour.md#deleting-resources-in-use).
 */
const CHANGEABLE_ALIAS_ID = '(?!\\bTSTALIASID\\b)[0-9a-zA-Z]+';

/** The test alias is AWS-managed: deleting or updating it fails request validation, before any lookup. */
export function rejectTestAlias(agentAliasId: string): void {
  if (agentAliasId === TEST_ALIAS_ID) {
    throw validationError([violation(agentAliasId, ['agentAliasId'], matchesPattern(CHANGEABLE_ALIAS_ID))]);
  }
}

export function findAgentAlias(ctx: OperationContext, agent: AgentRecord, agentAliasId: string): AgentAliasRecord {
  const alias = agent.aliases[agentAliasId];
  if (!alias) throw notFound();
  settle(ctx, alias);
  return alias;
}

export const agentAliasResponse = (a: AgentAliasRecord): { agentAlias: AgentAlias } => ({
  agentAlias: {
    agentId: a.agentId,
    agentAliasId: a.agentAliasId,
    agentAliasName: a.agentAliasName,
    agentAliasArn: a.agentAliasArn,
    clientToken: a.clientToken,
    description: a.description,
    routingConfiguration: a.routingConfiguration,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    agentAliasHistoryEvents: a.agentAliasHistoryEvents,
    agentAliasStatus: a.status,
    failureReasons: a.failureReasons,
    aliasInvocationState: a.aliasInvocationState,
  },
});

export const agentAliasSummary = (a: AgentAliasRecord): AgentAliasSummary => ({
  agentAliasId: a.agentAliasId,
  agentAliasName: a.agentAliasName,
  description: a.description,
  routingConfiguration: a.routingConfiguration,
  agentAliasStatus: a.status,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
  aliasInvocationState: a.aliasInvocationState,
});
