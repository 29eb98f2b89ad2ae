/** The flow-definition domain: what the server (validation, prerequisites) and the executor (running) use. */
export * from './definition.js';
export { fixedPort, NODE_TYPES, nodeTypeSpec, outputPorts } from './node-types.js';
export type { NodeTypeSpec, PortSpec, PortsSpec, PortType } from './node-types.js';
export * from './expressions/index.js';
export * from './conditions/index.js';
export * from './validate/index.js';
export { inlineTemplateTexts, templateVariables } from './prompt-template.js';
export { INFERENCE_PROFILE_PREFIXES, isKnownModelIdentifier, KNOWN_MODEL_IDS } from './known-models.js';
