import type { UpdateFlowInput } from '../../generated/types.js';
import { freezeDeep } from '../../immutable.js';
import type { OperationContext } from '../context.js';
import { findFlow, flowResponse } from './flow-lookup.js';

/** A full replacement of the draft; the draft is no longer the prepared one. */
export function UpdateFlow(ctx: OperationContext, input: UpdateFlowInput) {
  const flow = findFlow(ctx, input.flowIdentifier);
  flow.name = input.name;
  flow.executionRoleArn = input.executionRoleArn;
  flow.description = input.description;
  flow.customerEncryptionKeyArn = input.customerEncryptionKeyArn;
  flow.definition = freezeDeep(input.definition);
  flow.status = 'NotPrepared';
  flow.pending = undefined;
  flow.validations = undefined;
  flow.updatedAt = ctx.clock.timestamp();
  return flowResponse(flow);
}
