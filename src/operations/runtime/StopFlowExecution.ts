import type { StopFlowExecutionInput } from '../../generated/types.js';
import type { OperationContext } from '../context.js';
import { findExecution } from './execution-lookup.js';
import { stopExecution } from './execution-runs.js';

export function StopFlowExecution(ctx: OperationContext, input: StopFlowExecutionInput) {
  const execution = findExecution(ctx, input);
  stopExecution(execution, ctx.ids.now());
  return { executionArn: execution.arn, status: execution.status };
}
