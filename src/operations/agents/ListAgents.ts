import type { ListAgentsInput } from '../../generated/types.js';
import { paginate } from '../../protocol/pagination.js';
import type { OperationContext } from '../context.js';
import { settle } from '../status-transition.js';
import { agentSummary } from './agent-lookup.js';

export function ListAgents(ctx: OperationContext, input: ListAgentsInput) {
  const page = paginate([...ctx.world.agents.values()], input.maxResults, input.nextToken);
  return {
    agentSummaries: page.items.map((a) => {
      settle(ctx, a);
      return agentSummary(a);
    }),
    nextToken: page.nextToken,
  };
}
