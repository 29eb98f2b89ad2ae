import type { DeleteAgentInput, DeleteAgentOutput } from '../../generated/types.js';
import { conflict } from '../../protocol/errors.js';
import { scopedKey } from '../../world/universe.js';
import type { OperationContext } from '../context.js';
import { dropTags } from '../tags/tag-store.js';
import { findAgent, TEST_ALIAS_ID } from './agent-lookup.js';

/**
 * An agent with aliases besides its test alias is in use (docs/behaviour.md#deleting-resources-in-use). Answers DELETING and removes the
 * agent at once, with its versions, aliases, tags and fixture response rules, so that every reader finds it gone.
 */
export function DeleteAgent(ctx: OperationContext, input: DeleteAgentInput): DeleteAgentOutput {
  const agent = findAgent(ctx, input.agentId);
  const inUse = Object.keys(agent.aliases).some((id) => id !== TEST_ALIAS_ID);
  if (inUse && !input.skipResourceInUseCheck) {
    throw conflict(`Could not delete Agent with ID ${agent.agentId}, since it has active aliases`);
  }
  ctx.world.agents.delete(agent.agentId);
  dropTags(ctx.world, agent.agentArn);
  for (const alias of Object.values(agent.aliases)) dropTags(ctx.world, alias.agentAliasArn);
  ctx.universe.agentResponses.delete(scopedKey(ctx.world.account, ctx.world.region, agent.agentId));
  return { agentId: agent.agentId, agentStatus: 'DELETING' };
}
