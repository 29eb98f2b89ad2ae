/** Finding a flow execution by the identifiers its operations take, and shaping it for responses. */
import { notFound } from '../../protocol/errors.js';
import { flowExecutionArn } from '../../world/arns.js';
import type { FlowExecutionRecord } from '../../world/records.js';
import type { OperationContext } from '../context.js';
import { findFlowAndAlias } from '../flows/flow-lookup.js';

export interface ExecutionIdentifiers {
  flowIdentifier: string;
  flowAliasIdentifier: string;
  /** The execution id, or its ARN (which must be under this flow alias). */
  executionIdentifier: string;
}

export function findExecution(ctx: OperationContext, input: ExecutionIdentifiers): FlowExecutionRecord {
  const { flow, alias } = findFlowAndAlias(ctx, input.flowIdentifier, input.flowAliasIdentifier);
  const arn = input.executionIdentifier.startsWith('arn:')
    ? input.executionIdentifier
    : flowExecutionArn(ctx.world, flow.id, alias.id, input.executionIdentifier);
  const execution = ctx.world.executions.runs.get(arn);
  if (!execution || execution.flowId !== flow.id || execution.aliasId !== alias.id) throw notFound();
  return execution;
}

/** The members GetFlowExecution and the summaries of ListFlowExecutions share. */
export const executionIdentity = (e: FlowExecutionRecord) => ({
  executionArn: e.arn,
  flowIdentifier: e.flowId,
  flowAliasIdentifier: e.aliasId,
  flowVersion: e.flowVersion,
  status: e.status,
  endedAt: e.endedAt,
});
