import type { OperationContext } from '../context.js';
import { findFlow, flowResponse } from './flow-lookup.js';

export function GetFlow(ctx: OperationContext, input: { flowIdentifier: string; includedData?: string }) {
  const flow = findFlow(ctx, input.flowIdentifier);
  return {
    ...flowResponse(flow, input.includedData !== 'METADATA_ONLY'),
    ...(flow.validations ? { validations: flow.validations } : {}),
  };
}
