/** The definition an execution runs, as the JSON string the model declares. */
import type { GetExecutionFlowSnapshotInput } from '../../generated/types.js';
import type { OperationContext } from '../context.js';
import { findExecution } from './execution-lookup.js';

export function GetExecutionFlowSnapshot(ctx: OperationContext, input: GetExecutionFlowSnapshotInput) {
  const execution = findExecution(ctx, input);
  const { snapshot } = execution;
  return {
    definition: JSON.stringify(snapshot.definition ?? {}),
    executionRoleArn: snapshot.executionRoleArn,
    customerEncryptionKeyArn: snapshot.customerEncryptionKeyArn,
    flowIdentifier: execution.flowId,
    flowAliasIdentifier: execution.aliasId,
    flowVersion: execution.flowVersion,
  };
}
