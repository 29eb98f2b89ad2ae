/** Building FlowValidation values: the `details` union member from the type, and the severity of each type. */
import type { FlowValidation, FlowValidationDetailMembers, FlowValidationSeverity, FlowValidationType } from '../definition.js';

/**
 * Severities (docs/behaviour.md#validation-severities): only the two problems a flow can run with are Warnings; everything else,
 * UnreachableNode included (the user guide's test checks "connectivity between all flow nodes"), is an Error.
 */
export const SEVERITY: Readonly<Record<FlowValidationType, FlowValidationSeverity>> = {
  CyclicConnection: 'Error',
  DuplicateConnections: 'Warning',
  DuplicateConditionExpression: 'Warning',
  UnreachableNode: 'Error',
  UnknownConnectionSource: 'Error',
  UnknownConnectionSourceOutput: 'Error',
  UnknownConnectionTarget: 'Error',
  UnknownConnectionTargetInput: 'Error',
  UnknownConnectionCondition: 'Error',
  MalformedConditionExpression: 'Error',
  MalformedNodeInputExpression: 'Error',
  MismatchedNodeInputType: 'Error',
  MismatchedNodeOutputType: 'Error',
  IncompatibleConnectionDataType: 'Error',
  MissingConnectionConfiguration: 'Error',
  MissingDefaultCondition: 'Error',
  MissingEndingNodes: 'Error',
  MissingNodeConfiguration: 'Error',
  MissingNodeInput: 'Error',
  MissingNodeOutput: 'Error',
  MissingStartingNodes: 'Error',
  MultipleNodeInputConnections: 'Error',
  UnfulfilledNodeInput: 'Error',
  UnsatisfiedConnectionConditions: 'Error',
  Unspecified: 'Error',
  UnknownNodeInput: 'Error',
  UnknownNodeOutput: 'Error',
  MissingLoopInputNode: 'Error',
  MissingLoopControllerNode: 'Error',
  MultipleLoopInputNodes: 'Error',
  MultipleLoopControllerNodes: 'Error',
  LoopIncompatibleNodeType: 'Error',
  InvalidLoopBoundary: 'Error',
};

export const FLOW_VALIDATION_TYPES = Object.keys(SEVERITY) as FlowValidationType[];

/** The model's limit on validations in one response. */
export const MAX_FLOW_VALIDATIONS = 100;

export function flowValidation<T extends FlowValidationType>(
  type: T,
  details: FlowValidationDetailMembers[T],
  message: string,
): FlowValidation {
  const key = type[0]!.toLowerCase() + type.slice(1);
  // TypeScript cannot relate a computed key to Uncapitalize<T> for a generic T; the shape is right by construction.
  return { type, severity: SEVERITY[type], message, details: { [key]: details } } as unknown as FlowValidation;
}

/** Errors before Warnings (stable otherwise), then at most 100: what a response may carry. */
export function limitValidations(validations: readonly FlowValidation[]): FlowValidation[] {
  const errors = validations.filter((v) => v.severity === 'Error');
  const warnings = validations.filter((v) => v.severity !== 'Error');
  return [...errors, ...warnings].slice(0, MAX_FLOW_VALIDATIONS);
}

/** Collects validations; `unspecified` is the shorthand for problems no other type describes. */
export class Findings {
  readonly list: FlowValidation[] = [];

  add<T extends FlowValidationType>(type: T, details: FlowValidationDetailMembers[T], message: string): void {
    this.list.push(flowValidation(type, details, message));
  }

  unspecified(message: string): void {
    this.add('Unspecified', {}, message);
  }
}
