/**
 * What PrepareFlow checks (README, IAM behaviour: the execution role; docs/behaviour.md#preparation): the definition
 * (every validation type), every resource its nodes reference, and the execution role — it must exist in the
 * caller's account and trust bedrock.amazonaws.com.
 */
import { limitValidations, validateDefinition, validateReferences, flowValidation } from '../../flows/index.js';
import { referenceResolver } from './reference-resolver.js';
import type { FlowSnapshot, FlowValidationData } from '../../world/records.js';
import type { OperationContext } from '../context.js';

export interface PreparationChecks {
  /**
   * Whether the execution role is checked (default true). `validate` turns it off for a file without an
   * executionRoleArn: there is no role to check (src/cli/validate.ts).
   */
  readonly executionRole?: boolean;
}

export function checkForPreparation(
  ctx: OperationContext,
  snapshot: FlowSnapshot,
  flowArn: string,
  checks: PreparationChecks = {},
): FlowValidationData[] {
  const definition = snapshot.definition ?? {};
  const found = [...validateDefinition(definition), ...validateReferences(definition, referenceResolver(ctx.universe, ctx.world))];
  if (checks.executionRole ?? true) {
    const role = ctx.roleAuthorizer.assumeRole(snapshot.executionRoleArn, flowArn);
    if (!role.ok) found.push(flowValidation('Unspecified', {}, role.message));
  }
  return limitValidations(found) as unknown as FlowValidationData[];
}
