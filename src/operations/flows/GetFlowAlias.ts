import type { GetFlowAliasInput } from '../../generated/types.js';
import type { OperationContext } from '../context.js';
import { findAlias, findFlow, flowAliasResponse } from './flow-lookup.js';

export function GetFlowAlias(ctx: OperationContext, input: GetFlowAliasInput) {
  const flow = findFlow(ctx, input.flowIdentifier);
  return flowAliasResponse(findAlias(ctx, flow, input.aliasIdentifier));
}
