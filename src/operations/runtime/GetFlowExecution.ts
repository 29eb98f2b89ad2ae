import type { GetFlowExecutionInput } from '../../generated/types.js';
import type { OperationContext } from '../context.js';
import { executionIdentity, findExecution } from './execution-lookup.js';

export function GetFlowExecution(ctx: OperationContext, input: GetFlowExecutionInput) {
  const execution = findExecution(ctx, input);
  return { ...executionIdentity(execution), startedAt: execution.startedAt, errors: execution.errors };
}
