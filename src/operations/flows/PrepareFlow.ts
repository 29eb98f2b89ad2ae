import { wrongStatus } from '../../protocol/errors.js';
import type { OperationContext } from '../context.js';
import { findFlow } from './flow-lookup.js';
import { checkForPreparation } from './prepare-checks.js';
import { beginPreparation } from './preparation.js';

export function PrepareFlow(ctx: OperationContext, input: { flowIdentifier: string }) {
  const flow = findFlow(ctx, input.flowIdentifier);
  if (flow.status === 'Preparing') throw wrongStatus('PrepareFlow', flow.status);
  const snapshot = {
    name: flow.name,
    description: flow.description,
    executionRoleArn: flow.executionRoleArn,
    customerEncryptionKeyArn: flow.customerEncryptionKeyArn,
    definition: structuredClone(flow.definition),
  };
  beginPreparation(flow, {
    readyAt: ctx.clock() + ctx.settings.prepareDelayMs,
    snapshot,
    validations: checkForPreparation(ctx, snapshot, flow.arn),
  });
  return { id: flow.id, status: flow.status };
}
