/**
 * A node's run events in the two wire forms the model gives them: InvokeFlow's trace members and the flow-execution
 * event members. Same content; the member names and the field-name member differ.
 */
import type { FlowEvent, FlowNodeIODataType } from '../../flows/index.js';

export type NodeEvent = Exclude<FlowEvent, { kind: 'flowOutput' }>;
export type EventForm = 'trace' | 'execution';

const NAMES = {
  trace: {
    nodeInput: 'nodeInputTrace',
    nodeOutput: 'nodeOutputTrace',
    conditionResult: 'conditionNodeResultTrace',
    nodeAction: 'nodeActionTrace',
    nodeDependency: 'nodeDependencyTrace',
    inputField: 'nodeInputName',
    outputField: 'nodeOutputName',
  },
  execution: {
    nodeInput: 'nodeInputEvent',
    nodeOutput: 'nodeOutputEvent',
    conditionResult: 'conditionResultEvent',
    nodeAction: 'nodeActionEvent',
    nodeDependency: 'nodeDependencyEvent',
    inputField: 'name',
    outputField: 'name',
  },
} as const;

/**
 * A field's data type as AWS sends it in traces and execution events: upper case (`STRING`), as a captured InvokeFlow
 * trace shows, not the model's `String` (FlowNodeIODataType) that definitions use (docs/behaviour.md#traces).
 */
const wireType = (type: FlowNodeIODataType) => type.toUpperCase();

export function nodeEventShape(event: NodeEvent, form: EventForm): { member: string; payload: object } {
  const names = NAMES[form];
  const head = { nodeName: event.nodeName, timestamp: event.timestamp };
  switch (event.kind) {
    case 'nodeInput':
      return {
        member: names.nodeInput,
        payload: {
          ...head,
          fields: event.fields.map((f) => ({
            [names.inputField]: f.name,
            content: { document: f.value },
            type: wireType(f.type),
            category: f.category,
            source: f.source,
            executionChain: f.executionChain,
          })),
        },
      };
    case 'nodeOutput':
      return {
        member: names.nodeOutput,
        payload: {
          ...head,
          fields: event.fields.map((f) => ({
            [names.outputField]: f.name,
            content: { document: f.value },
            type: wireType(f.type),
            next: f.next,
          })),
        },
      };
    case 'conditionResult':
      return {
        member: names.conditionResult,
        payload: { ...head, satisfiedConditions: event.satisfiedConditions.map((conditionName) => ({ conditionName })) },
      };
    case 'nodeDependency':
      return { member: names.nodeDependency, payload: { ...head, traceElements: { agentTraces: event.agentTraces } } };
    case 'nodeAction': {
      const { kind: _kind, ...action } = event;
      return { member: names.nodeAction, payload: action };
    }
  }
}
