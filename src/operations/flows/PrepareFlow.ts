import type { PrepareFlowInput } from '../../generated/types.js';
import { wrongStatus } from '../../protocol/errors.js';
import type { OperationContext } from '../context.js';
import { beginTransition } from '../status-transition.js';
import { findFlow } from './flow-lookup.js';
import { checkForPreparation } from './prepare-checks.js';

/**
 * Answers `Preparing` at once (docs/behaviour.md#preparation); the checks run now and their outcome shows after the delay:
 * Prepared with the draft frozen for TSTALIASID, or Failed with the validations GetFlow reports.
 */
export function PrepareFlow(ctx: OperationContext, input: PrepareFlowInput) {
  const flow = findFlow(ctx, input.flowIdentifier);
  if (flow.status === 'Preparing') throw wrongStatus('PrepareFlow', flow.status);
  const snapshot = {
    name: flow.name,
    description: flow.description,
    executionRoleArn: flow.executionRoleArn,
    customerEncryptionKeyArn: flow.customerEncryptionKeyArn,
    definition: flow.definition, // frozen: shared, not copied
  };
  const found = checkForPreparation(ctx, snapshot, flow.arn);
  const failed = found.some((v) => v.severity === 'Error');
  const validations = found.length > 0 ? found : undefined;
  beginTransition(ctx, flow, 'Preparing', failed ? 'Failed' : 'Prepared', failed ? { validations } : { validations, prepared: snapshot });
  return { id: flow.id, status: flow.status };
}
