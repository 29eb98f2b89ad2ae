import type { CreateFlowAliasInput } from '../../generated/types.js';
import { quota } from '../../protocol/errors.js';
import { flowAliasArn } from '../../world/arns.js';
import type { FlowAliasRecord } from '../../world/records.js';
import type { OperationContext } from '../context.js';
import { idempotent } from '../idempotency.js';
import { addTags } from '../tags/tag-store.js';
import { checkFlowAliasRouting } from './flow-alias-routing.js';
import { findFlow, flowAliasResponse, TEST_ALIAS_ID } from './flow-lookup.js';

/** `aliasId` is for fixtures only. */
export function CreateFlowAlias(ctx: OperationContext, input: CreateFlowAliasInput, aliasId?: string) {
  const flow = findFlow(ctx, input.flowIdentifier);
  const { flowIdentifier: _, ...request } = input;
  return idempotent(ctx, 'CreateFlowAlias', flow.id, request, () => {
    const count = Object.keys(flow.aliases).filter((id) => id !== TEST_ALIAS_ID).length;
    if (count >= ctx.settings.quotas.aliasesPerFlow) {
      throw quota('CreateFlowAlias', 'aliases-per-flow', ctx.settings.quotas.aliasesPerFlow, count + 1);
    }
    const id = aliasId ?? ctx.ids.id10();
    const now = ctx.clock.timestamp();
    const alias: FlowAliasRecord = {
      id,
      arn: flowAliasArn(ctx.world, flow.id, id),
      flowId: flow.id,
      name: input.name,
      description: input.description,
      routingConfiguration: checkFlowAliasRouting(flow, input.routingConfiguration),
      concurrencyConfiguration: input.concurrencyConfiguration,
      createdAt: now,
      updatedAt: now,
    };
    flow.aliases[id] = alias;
    addTags(ctx.world, alias.arn, input.tags);
    return flowAliasResponse(alias);
  });
}
