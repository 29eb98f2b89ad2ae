import type { UpdateFlowAliasInput } from '../../generated/types.js';
import { validationException } from '../../protocol/errors.js';
import type { OperationContext } from '../context.js';
import { checkFlowAliasRouting } from './flow-alias-routing.js';
import { findAlias, findFlow, flowAliasResponse, TEST_ALIAS_ID } from './flow-lookup.js';

export function UpdateFlowAlias(ctx: OperationContext, input: UpdateFlowAliasInput) {
  const flow = findFlow(ctx, input.flowIdentifier);
  const alias = findAlias(ctx, flow, input.aliasIdentifier);
  if (alias.id === TEST_ALIAS_ID) throw validationException(`The test alias ${TEST_ALIAS_ID} cannot be updated.`);
  alias.routingConfiguration = checkFlowAliasRouting(flow, input.routingConfiguration);
  alias.name = input.name;
  alias.description = input.description;
  alias.concurrencyConfiguration = input.concurrencyConfiguration;
  alias.updatedAt = ctx.clock.timestamp();
  return flowAliasResponse(alias);
}
