import type { ValidateFlowDefinitionInput } from '../../generated/types.js';
import { validateDefinition } from '../../flows/index.js';
import type { FlowValidationData } from '../../world/records.js';
import type { OperationContext } from '../context.js';

/** Stateless: the definition alone, without the references and the role that PrepareFlow also checks. */
export function ValidateFlowDefinition(_ctx: OperationContext, input: ValidateFlowDefinitionInput) {
  return { validations: validateDefinition(input.definition) as unknown as FlowValidationData[] };
}
