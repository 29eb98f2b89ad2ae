import type { ListFlowsInput } from '../../generated/types.js';
import { paginate } from '../../protocol/pagination.js';
import type { OperationContext } from '../context.js';
import { settle } from '../status-transition.js';

export function ListFlows(ctx: OperationContext, input: ListFlowsInput) {
  const page = paginate([...ctx.world.flows.values()], input.maxResults, input.nextToken);
  return {
    flowSummaries: page.items.map((f) => {
      settle(ctx, f);
      return {
        name: f.name,
        description: f.description,
        id: f.id,
        arn: f.arn,
        status: f.status,
        createdAt: f.createdAt,
        updatedAt: f.updatedAt,
        version: 'DRAFT',
      };
    }),
    nextToken: page.nextToken,
  };
}
