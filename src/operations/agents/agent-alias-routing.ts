/**
 * Where an agent alias routes. There is no CreateAgentVersion: an alias created or updated without a version gets
 * a new numbered version, a snapshot of the prepared draft. DRAFT is refused: only the test alias routes there
 * (the awscc provider notes AWS rejects it, docs/behaviour.md#agent-aliases-routed-to-draft).
 */
import { isDeepStrictEqual } from 'node:util';
import type { AgentAliasRoutingConfigurationListItem as Route } from '../../generated/types.js';
import { validationException, wrongStatus } from '../../protocol/errors.js';
import type { AgentAliasRecord, AgentRecord } from '../../world/records.js';
import type { OperationContext } from '../context.js';

/** `operation` names the request in the wrong-status error when the draft is not prepared. */
export function resolveAgentAliasRouting(
  ctx: OperationContext,
  agent: AgentRecord,
  operation: string,
  routing: Route[] | undefined,
): Route[] {
  const [route] = routing ?? [];
  if (route?.agentVersion === undefined) return [{ ...route, agentVersion: snapshotVersion(ctx, agent, operation) }];
  if (route.agentVersion === 'DRAFT') {
    throw validationException(
      `An agent alias can't route to DRAFT. Give a numbered version of agent ${agent.agentId}, or none to create one.`,
    );
  }
  if (!agent.versions[route.agentVersion]) {
    throw validationException(`Version ${route.agentVersion} of agent ${agent.agentId} does not exist.`);
  }
  return [route];
}

function snapshotVersion(ctx: OperationContext, agent: AgentRecord, operation: string): string {
  if (agent.status !== 'PREPARED') throw wrongStatus(operation, agent.status);
  const version = String(agent.nextVersion++);
  const now = ctx.clock.timestamp();
  agent.versions[version] = { version, draft: structuredClone(agent.draft), createdAt: now, updatedAt: now };
  return version;
}

/** A routing change closes the current history event and opens one; newest first, at most 10 (the model's cap). */
export function applyAgentAliasRouting(alias: AgentAliasRecord, routing: Route[], now: string): void {
  if (alias.agentAliasHistoryEvents.length > 0 && isDeepStrictEqual(alias.routingConfiguration, routing)) return;
  const [current, ...older] = alias.agentAliasHistoryEvents;
  alias.agentAliasHistoryEvents = [
    { routingConfiguration: routing, startDate: now },
    ...(current ? [{ ...current, endDate: now }] : []),
    ...older,
  ].slice(0, 10);
  alias.routingConfiguration = routing;
}
