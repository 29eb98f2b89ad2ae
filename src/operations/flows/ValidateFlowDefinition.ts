import type { FlowDefinitionData } from '../../world/records.js';
import type { OperationContext } from '../context.js';
import { checkForPreparation } from './prepare-checks.js';

export function ValidateFlowDefinition(ctx: OperationContext, input: { definition: FlowDefinitionData }) {
  return { validations: checkForPreparation(ctx, { name: '', executionRoleArn: '', definition: input.definition }) };
}
