import type { ListFlowAliasesInput } from '../../generated/types.js';
import { paginate } from '../../protocol/pagination.js';
import type { OperationContext } from '../context.js';
import { findFlow, flowAliasResponse } from './flow-lookup.js';

/** The test alias is listed too (docs/behaviour.md#test-alias-and-draft-in-lists). */
export function ListFlowAliases(ctx: OperationContext, input: ListFlowAliasesInput) {
  const flow = findFlow(ctx, input.flowIdentifier);
  const page = paginate(Object.values(flow.aliases), input.maxResults, input.nextToken);
  return { flowAliasSummaries: page.items.map(flowAliasResponse), nextToken: page.nextToken };
}
