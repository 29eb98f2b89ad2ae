export { validateDefinition } from './validate-definition.js';
export { validateReferences } from './references.js';
export type { ReferenceResolver } from './references.js';
export { FLOW_VALIDATION_TYPES, limitValidations, MAX_FLOW_VALIDATIONS, SEVERITY, flowValidation } from './validation.js';
export { MAX_CONNECTIONS_PER_DEFINITION, MAX_NODES_PER_FLOW } from './quotas.js';
export { MAX_CONDITIONS_PER_NODE } from './conditions.js';
export { MAX_LOOP_DEPTH } from './scope.js';
