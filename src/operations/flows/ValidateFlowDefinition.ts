import { validateDefinition } from '../../flows/index.js';
import type { FlowDefinitionData, FlowValidationData } from '../../world/records.js';
import type { OperationContext } from '../context.js';

/** Stateless: the definition alone, without the references and the role that PrepareFlow also checks. */
export function ValidateFlowDefinition(_ctx: OperationContext, input: { definition: FlowDefinitionData }) {
  return { validations: validateDefinition(input.definition) as unknown as FlowValidationData[] };
}
