import type { CreateAgentAliasInput } from '../../generated/types.js';
import { quota } from '../../protocol/errors.js';
import { agentAliasArn } from '../../world/arns.js';
import type { AgentAliasRecord } from '../../world/records.js';
import type { OperationContext } from '../context.js';
import { idempotent } from '../idempotency.js';
import { beginTransition } from '../status-transition.js';
import { addTags } from '../tags/tag-store.js';
import { agentAliasResponse } from './agent-alias-lookup.js';
import { findAgent, TEST_ALIAS_ID } from './agent-lookup.js';
import { applyAgentAliasRouting, resolveAgentAliasRouting } from './agent-alias-routing.js';

/** Answers CREATING; PREPARED from the next read on. `agentAliasId` is for fixtures only. */
export function CreateAgentAlias(ctx: OperationContext, input: CreateAgentAliasInput, agentAliasId?: string) {
  const agent = findAgent(ctx, input.agentId);
  const { agentId: _, ...request } = input;
  return idempotent(ctx, 'CreateAgentAlias', agent.agentId, request, () => {
    const count = Object.keys(agent.aliases).filter((id) => id !== TEST_ALIAS_ID).length;
    const max = ctx.settings.quotas.aliasesPerAgent;
    if (count >= max) throw quota('CreateAgentAlias', 'aliases-per-agent', max, count + 1);
    const routing = resolveAgentAliasRouting(ctx, agent, 'CreateAgentAlias', input.routingConfiguration);
    const id = agentAliasId ?? ctx.ids.id10();
    const now = ctx.clock.timestamp();
    const alias: AgentAliasRecord = {
      agentId: agent.agentId,
      agentAliasId: id,
      agentAliasArn: agentAliasArn(ctx.world, agent.agentId, id),
      agentAliasName: input.agentAliasName,
      clientToken: input.clientToken,
      description: input.description,
      routingConfiguration: [],
      agentAliasHistoryEvents: [],
      aliasInvocationState: 'ACCEPT_INVOCATIONS',
      status: 'CREATING',
      createdAt: now,
      updatedAt: now,
    };
    applyAgentAliasRouting(alias, routing, now);
    beginTransition(ctx, alias, 'CREATING', 'PREPARED');
    agent.aliases[id] = alias;
    addTags(ctx.world, alias.agentAliasArn, input.tags);
    return agentAliasResponse(alias);
  });
}
