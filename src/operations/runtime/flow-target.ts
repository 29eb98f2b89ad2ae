/**
 * What an InvokeFlow or StartFlowExecution runs: the alias's routed version, frozen. TSTALIASID (and any alias
 * routed to DRAFT) runs the draft as last prepared, and only while the flow is Prepared (docs/behaviour.md#invoking-the-draft).
 */
import type { ModelPerformanceConfiguration } from '../../generated/types.js';
import { DEFAULT_LIMITS, concurrencyLimit, type RunEnvironment } from '../../flows/index.js';
import { notFound, validationException } from '../../protocol/errors.js';
import type { FlowAliasRecord, FlowRecord, FlowSnapshot } from '../../world/records.js';
import type { OperationContext } from '../context.js';
import { findFlowAndAlias } from '../flows/flow-lookup.js';

export interface FlowTarget {
  flow: FlowRecord;
  alias: FlowAliasRecord;
  flowVersion: string;
  snapshot: FlowSnapshot;
}

export function resolveTarget(ctx: OperationContext, flowIdentifier: string, aliasIdentifier: string): FlowTarget {
  const { flow, alias } = findFlowAndAlias(ctx, flowIdentifier, aliasIdentifier);
  const flowVersion = alias.routingConfiguration[0]?.flowVersion ?? 'DRAFT';
  if (flowVersion === 'DRAFT') {
    if (flow.status !== 'Prepared' || !flow.prepared) throw validationException('The flow alias is not in prepared state');
    return { flow, alias, flowVersion, snapshot: flow.prepared };
  }
  // An alias left routed to a deleted version (DeleteFlowVersion with skipResourceInUseCheck).
  const snapshot = flow.versions[flowVersion];
  if (!snapshot) throw notFound();
  return { flow, alias, flowVersion, snapshot };
}

/** Who ran which flow through which alias and version: the start of its run record (src/runs/). */
export function runIdentity(ctx: OperationContext, target: Pick<FlowTarget, 'flow' | 'alias' | 'flowVersion'>) {
  return {
    account: ctx.world.account,
    region: ctx.world.region,
    flowId: target.flow.id,
    flowAliasId: target.alias.id,
    flowVersion: target.flowVersion,
    caller: ctx.caller.arn,
  };
}

/** The run's surroundings: the context's execution-role checks and, from the server, its emulator's python3 children. */
export function runEnvironment(
  ctx: OperationContext,
  target: Pick<FlowTarget, 'flow' | 'alias' | 'snapshot'>,
  performance: ModelPerformanceConfiguration | undefined,
  executionId: string,
): RunEnvironment {
  return {
    universe: ctx.universe,
    world: ctx.world,
    ids: ctx.ids,
    clock: ctx.clock,
    limits: DEFAULT_LIMITS,
    authorizer: ctx.roleAuthorizer,
    python: ctx.python,
    roleArn: target.snapshot.executionRoleArn,
    flowArn: target.flow.arn,
    flowAliasArn: target.alias.arn,
    concurrency: concurrencyLimit(target.alias.concurrencyConfiguration),
    ...(performance?.performanceConfig ? { performanceConfig: performance.performanceConfig } : {}),
    executionId,
    ...(ctx.log ? { log: ctx.log } : {}),
    ...(ctx.faults ? { faults: ctx.faults } : {}),
    ...(ctx.modelRecorder ? { modelRecorder: ctx.modelRecorder } : {}),
  };
}
