/** How an asynchronous execution records its run: FlowExecutionEvent union values, as ListFlowExecutionEvents gives them. */
import type { FlowEvent } from '../../flows/index.js';
import type { AwsError } from '../../protocol/errors.js';
import { nodeEventShape } from './node-event-shapes.js';

export type ExecutionEvent = Record<string, unknown>;

/** The members eventType=Flow lists; eventType=Node lists the others. */
export const FLOW_LEVEL_EVENTS: ReadonlySet<string> = new Set(['flowInputEvent', 'flowOutputEvent', 'flowFailureEvent']);

const documentField = (document: unknown) => [{ name: 'document', content: { document } }];

export const flowInputEvent = (nodeName: string, timestamp: string, document: unknown): ExecutionEvent => ({
  flowInputEvent: { nodeName, timestamp, fields: documentField(document) },
});

export function executionEvent(event: FlowEvent): ExecutionEvent {
  if (event.kind === 'flowOutput') {
    return { flowOutputEvent: { nodeName: event.nodeName, timestamp: event.timestamp, fields: documentField(event.document) } };
  }
  const { member, payload } = nodeEventShape(event, 'execution');
  return { [member]: payload };
}

/**
 * NodeErrorCode: the model has no code for denials, missing resources or a throttled downstream call (a fault rule, a
 * model backend's 429); they are the dependency's failure.
 */
function nodeErrorCode(error: AwsError): string {
  switch (error.type) {
    case 'ValidationException':
      return 'VALIDATION';
    case 'BadGatewayException':
      return 'BAD_GATEWAY';
    case 'DependencyFailedException':
    case 'AccessDeniedException':
    case 'ResourceNotFoundException':
    case 'ThrottlingException':
    case 'ServiceQuotaExceededException':
      return 'DEPENDENCY_FAILED';
    default:
      return 'INTERNAL_SERVER';
  }
}

/** A failed run: the node's failure (when a node failed), then the flow's. */
export function failureEvents(error: AwsError, nodeName: string | undefined, timestamp: string): ExecutionEvent[] {
  const errorMessage = error.message;
  if (nodeName === undefined) {
    const errorCode = error.type === 'ValidationException' ? 'VALIDATION' : 'INTERNAL_SERVER';
    return [{ flowFailureEvent: { errorCode, errorMessage, timestamp } }];
  }
  return [
    { nodeFailureEvent: { nodeName, errorCode: nodeErrorCode(error), errorMessage, timestamp } },
    { flowFailureEvent: { errorCode: 'NODE_EXECUTION_FAILED', errorMessage: `Node ${nodeName} failed: ${errorMessage}`, timestamp } },
  ];
}
