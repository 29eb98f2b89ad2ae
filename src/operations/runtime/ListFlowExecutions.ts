/** The executions of a flow, newest first, optionally of one alias only. */
import type { ListFlowExecutionsInput } from '../../generated/types.js';
import { paginate } from '../../protocol/pagination.js';
import type { OperationContext } from '../context.js';
import { findAlias, findFlow } from '../flows/flow-lookup.js';
import { executionIdentity } from './execution-lookup.js';

export function ListFlowExecutions(ctx: OperationContext, input: ListFlowExecutionsInput) {
  const flow = findFlow(ctx, input.flowIdentifier);
  const aliasId = input.flowAliasIdentifier ? findAlias(ctx, flow, input.flowAliasIdentifier).id : undefined;
  const executions = [...ctx.world.executions.runs.values()]
    .filter((e) => e.flowId === flow.id && (aliasId === undefined || e.aliasId === aliasId))
    .reverse();
  const page = paginate(executions, input.maxResults, input.nextToken);
  return {
    flowExecutionSummaries: page.items.map((e) => ({ ...executionIdentity(e), createdAt: e.startedAt })),
    nextToken: page.nextToken,
  };
}
