/** The flow-definition domain: what the server (validation, prerequisites) and the executor (running) use. */
export * from './definition.js';
export { fixedPort, NODE_TYPES, nodeTypeSpec, outputPorts } from './node-types.js';
export type { NodeTypeSpec, PortSpec, PortsSpec, PortType } from './node-types.js';
export * from './expressions/index.js';
export * from './conditions/index.js';
export * from './validate/index.js';
export { inlineTemplateTexts, templateVariables } from './prompt-template.js';
export { INFERENCE_PROFILE_PREFIXES, isKnownModelIdentifier, KNOWN_MODEL_IDS } from './known-models.js';

// The executor's public face: everything outside src/flows runs flows through these, never src/flows/executor/*.
export { compileFlow } from './executor/plan.js';
export type { ScopePlan } from './executor/plan.js';
export { runFlow } from './executor/run-flow.js';
export type { ResumeRequest, RunOutput, RunRequest, RunResult } from './executor/run-flow.js';
export type { RunCheckpoint } from './executor/checkpoint.js';
export type { ChainItem, EventSink, FlowEvent, InputField, NodeAction, OutputField } from './executor/events.js';
export type { ModelRecorder, RunEnvironment } from './executor/run-environment.js';
export type { NodeDecision, NodeFault, NodeObserver, NodeStart, RunObserver } from './executor/observer.js';
export type { NodeOutcome } from './executor/runner.js';
export { DEFAULT_LIMITS } from './executor/limits.js';
export { concurrencyLimit } from './executor/concurrency.js';
export type { RunLimits } from './executor/limits.js';
export { denialMessage, flowRoleSessionArn } from './executor/role-checks.js';
export type { CallFault, CallFaults } from './executor/call-faults.js';
export type { AssumeRoleResult, NodeCallRequest, RoleAuthorizer, RoleDecision } from './executor/role-checks.js';
export { stopRun } from './executor/run-signals.js';
export type { StopSignal } from './executor/run-signals.js';
export { tenths } from '../run-log.js';
export type { RunLog } from '../run-log.js';
export { describeValue, withArticle } from './executor/value-types.js';
