import type { StopFlowExecutionInput } from '../../generated/types.js';
import type { OperationContext } from '../context.js';
import { findExecution } from './execution-lookup.js';

export function StopFlowExecution(ctx: OperationContext, input: StopFlowExecutionInput) {
  const execution = findExecution(ctx, input);
  ctx.executions.stop(execution, ctx.clock.timestamp());
  return { executionArn: execution.arn, status: execution.status };
}
