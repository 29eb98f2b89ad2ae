import type { DeleteFlowAliasInput } from '../../generated/types.js';
import { validationException } from '../../protocol/errors.js';
import type { OperationContext } from '../context.js';
import { dropTags } from '../tags/tag-store.js';
import { findAlias, findFlow, TEST_ALIAS_ID } from './flow-lookup.js';
import { dropExecutions } from '../runtime/execution-retention.js';

export function DeleteFlowAlias(ctx: OperationContext, input: DeleteFlowAliasInput) {
  const flow = findFlow(ctx, input.flowIdentifier);
  const alias = findAlias(ctx, flow, input.aliasIdentifier);
  if (alias.id === TEST_ALIAS_ID) throw validationException(`Cannot delete the test alias ${TEST_ALIAS_ID}.`);
  delete flow.aliases[alias.id];
  dropExecutions(ctx.executions, ctx.world.executions.runs, ctx.clock.timestamp(), flow.id, alias.id);
  dropTags(ctx.world, alias.arn);
  return { flowId: flow.id, id: alias.id };
}
