import type { ListAgentAliasesInput } from '../../generated/types.js';
import { paginate } from '../../protocol/pagination.js';
import type { OperationContext } from '../context.js';
import { settle } from '../status-transition.js';
import { agentAliasSummary } from './agent-alias-lookup.js';
import { findAgent } from './agent-lookup.js';

/** The test alias is listed too, first (docs/behaviour.md#test-alias-and-draft-in-lists). */
export function ListAgentAliases(ctx: OperationContext, input: ListAgentAliasesInput) {
  const agent = findAgent(ctx, input.agentId);
  const page = paginate(Object.values(agent.aliases), input.maxResults, input.nextToken);
  return {
    agentAliasSummaries: page.items.map((a) => {
      settle(ctx, a);
      return agentAliasSummary(a);
    }),
    nextToken: page.nextToken,
  };
}
