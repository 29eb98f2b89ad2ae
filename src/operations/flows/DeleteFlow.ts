import type { DeleteFlowInput } from '../../generated/types.js';
import { conflict } from '../../protocol/errors.js';
import type { OperationContext } from '../context.js';
import { dropTags } from '../tags/tag-store.js';
import { findFlow, TEST_ALIAS_ID } from './flow-lookup.js';
import { dropExecutions } from '../runtime/execution-retention.js';

/** A flow with aliases besides the test alias is in use (docs/behaviour.md#deleting-resources-in-use). */
export function DeleteFlow(ctx: OperationContext, input: DeleteFlowInput) {
  const flow = findFlow(ctx, input.flowIdentifier);
  const inUse = Object.keys(flow.aliases).some((id) => id !== TEST_ALIAS_ID);
  if (inUse && !input.skipResourceInUseCheck) {
    throw conflict(`Could not delete Flow with ID ${flow.id}, since it has active aliases`);
  }
  ctx.world.flows.delete(flow.id);
  dropExecutions(ctx.executions, ctx.world.executions.runs, ctx.clock.timestamp(), flow.id);
  dropTags(ctx.world, flow.arn);
  return { id: flow.id };
}
