import type { CreateFlowInput } from '../../generated/types.js';
import { quota } from '../../protocol/errors.js';
import { flowAliasArn, flowArn } from '../../world/arns.js';
import { freezeDeep } from '../../immutable.js';
import type { FlowRecord } from '../../world/records.js';
import type { OperationContext } from '../context.js';
import { idempotent } from '../idempotency.js';
import { addTags } from '../tags/tag-store.js';
import { flowResponse, TEST_ALIAS_ID } from './flow-lookup.js';

/** `flowId` is for fixtures only: ids given there are used as-is. */
export function CreateFlow(ctx: OperationContext, input: CreateFlowInput, flowId?: string) {
  return idempotent(ctx, 'CreateFlow', '', input, () => {
    if (ctx.world.flows.size >= ctx.settings.quotas.flowsPerAccount) {
      throw quota('CreateFlow', 'flows-per-account', ctx.settings.quotas.flowsPerAccount, ctx.world.flows.size + 1);
    }
    const id = flowId ?? ctx.ids.id10();
    const now = ctx.clock.timestamp();
    const flow: FlowRecord = {
      id,
      arn: flowArn(ctx.world, id),
      name: input.name,
      description: input.description,
      executionRoleArn: input.executionRoleArn,
      customerEncryptionKeyArn: input.customerEncryptionKeyArn,
      definition: freezeDeep(input.definition),
      status: 'NotPrepared',
      createdAt: now,
      updatedAt: now,
      versions: {},
      nextVersion: 1,
      // Every flow comes with its test alias on the working draft (https://docs.aws.amazon.com/bedrock/latest/userguide/flows-deploy.html).
      aliases: {
        [TEST_ALIAS_ID]: {
          id: TEST_ALIAS_ID,
          arn: flowAliasArn(ctx.world, id, TEST_ALIAS_ID),
          flowId: id,
          name: TEST_ALIAS_ID,
          routingConfiguration: [{ flowVersion: 'DRAFT' }],
          createdAt: now,
          updatedAt: now,
        },
      },
    };
    ctx.world.flows.set(id, flow);
    addTags(ctx.world, flow.arn, input.tags);
    return flowResponse(flow);
  });
}
