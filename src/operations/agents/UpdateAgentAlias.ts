import type { UpdateAgentAliasInput } from '../../generated/types.js';
import type { OperationContext } from '../context.js';
import { beginTransition } from '../status-transition.js';
import { agentAliasResponse, findAgentAlias, rejectTestAlias } from './agent-alias-lookup.js';
import { findAgent } from './agent-lookup.js';
import { applyAgentAliasRouting, resolveAgentAliasRouting } from './agent-alias-routing.js';

/**
 * Name and description are replaced; without a routing the alias moves to a new version of the prepared draft (how
 * CloudFormation redeploys an alias after an agent change), and the invocation state stays unless given. Answers
 * UPDATING; PREPARED from the next read on.
 */
export function UpdateAgentAlias(ctx: OperationContext, input: UpdateAgentAliasInput) {
  rejectTestAlias(input.agentAliasId);
  const agent = findAgent(ctx, input.agentId);
  const alias = findAgentAlias(ctx, agent, input.agentAliasId);
  const routing = resolveAgentAliasRouting(ctx, agent, 'UpdateAgentAlias', input.routingConfiguration);
  const now = ctx.clock.timestamp();
  applyAgentAliasRouting(alias, routing, now);
  alias.agentAliasName = input.agentAliasName;
  alias.description = input.description;
  alias.aliasInvocationState = input.aliasInvocationState ?? alias.aliasInvocationState;
  alias.updatedAt = now;
  beginTransition(ctx, alias, 'UPDATING', 'PREPARED');
  return agentAliasResponse(alias);
}
