import type { CreateFlowVersionInput } from '../../generated/types.js';
import { quota, wrongStatus } from '../../protocol/errors.js';
import type { FlowVersionRecord } from '../../world/records.js';
import type { OperationContext } from '../context.js';
import { idempotent } from '../idempotency.js';
import { findFlow, flowVersionResponse } from './flow-lookup.js';
import { settle } from '../status-transition.js';

/**
 * An immutable snapshot of the prepared draft, numbered 1, 2, … and never reused (docs/behaviour.md#identifiers;
 * refused unless the draft is prepared: #status-gated-conflicts).
 */
export function CreateFlowVersion(ctx: OperationContext, input: CreateFlowVersionInput) {
  const flow = findFlow(ctx, input.flowIdentifier);
  return idempotent(ctx, 'CreateFlowVersion', flow.id, input, () => {
    settle(ctx, flow, true);
    if (flow.status !== 'Prepared' || !flow.prepared) throw wrongStatus('CreateFlowVersion', flow.status);
    const count = Object.keys(flow.versions).length;
    if (count >= ctx.settings.quotas.versionsPerFlow) {
      throw quota('CreateFlowVersion', 'versions-per-flow', ctx.settings.quotas.versionsPerFlow, count + 1);
    }
    const version: FlowVersionRecord = {
      ...flow.prepared, // strings and a frozen definition: nothing to copy
      version: String(flow.nextVersion++),
      status: 'Prepared',
      createdAt: ctx.clock.timestamp(),
      versionDescription: input.description,
    };
    flow.versions[version.version] = version;
    return flowVersionResponse(flow, version);
  });
}
