import type { GetFlowVersionInput } from '../../generated/types.js';
import type { OperationContext } from '../context.js';
import { findFlow, findVersion, flowVersionResponse } from './flow-lookup.js';

export function GetFlowVersion(ctx: OperationContext, input: GetFlowVersionInput) {
  const flow = findFlow(ctx, input.flowIdentifier);
  return flowVersionResponse(flow, findVersion(flow, input.flowVersion), input.includedData !== 'METADATA_ONLY');
}
