import type { GetFlowInput } from '../../generated/types.js';
import type { OperationContext } from '../context.js';
import { findFlow, flowResponse } from './flow-lookup.js';

export function GetFlow(ctx: OperationContext, input: GetFlowInput) {
  const flow = findFlow(ctx, input.flowIdentifier);
  const out = flowResponse(flow, input.includedData !== 'METADATA_ONLY');
  if (flow.validations) out.validations = flow.validations;
  return out;
}
