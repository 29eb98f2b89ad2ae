/** A version that an alias routes to is in use (docs/behaviour.md#deleting-resources-in-use); the draft is not a version to delete. */
import type { DeleteFlowVersionInput } from '../../generated/types.js';
import { conflict, validationException } from '../../protocol/errors.js';
import type { OperationContext } from '../context.js';
import { findFlow, findVersion } from './flow-lookup.js';

export function DeleteFlowVersion(ctx: OperationContext, input: DeleteFlowVersionInput) {
  const flow = findFlow(ctx, input.flowIdentifier);
  if (input.flowVersion === 'DRAFT') throw validationException('The DRAFT version of a flow cannot be deleted.');
  findVersion(flow, input.flowVersion);
  const routedBy = Object.values(flow.aliases).find((a) => a.routingConfiguration.some((r) => r.flowVersion === input.flowVersion));
  if (routedBy && !input.skipResourceInUseCheck) {
    throw conflict(`Could not delete version ${input.flowVersion} of Flow with ID ${flow.id}, since it is used by alias ${routedBy.id}`);
  }
  delete flow.versions[input.flowVersion];
  return { id: flow.id, version: input.flowVersion };
}
