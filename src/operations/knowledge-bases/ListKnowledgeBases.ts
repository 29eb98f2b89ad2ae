import type { ListKnowledgeBasesInput } from '../../generated/types.js';
import { paginate } from '../../protocol/pagination.js';
import type { OperationContext } from '../context.js';
import { knowledgeBaseSummary } from './knowledge-base-lookup.js';
import { settle } from '../status-transition.js';

export function ListKnowledgeBases(ctx: OperationContext, input: ListKnowledgeBasesInput) {
  const page = paginate([...ctx.world.knowledgeBases.values()], input.maxResults, input.nextToken);
  return {
    knowledgeBaseSummaries: page.items.map((kb) => {
      settle(ctx, kb);
      return knowledgeBaseSummary(kb);
    }),
    nextToken: page.nextToken,
  };
}
