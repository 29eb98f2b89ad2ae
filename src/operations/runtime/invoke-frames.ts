/** InvokeFlow's wire form of a run: flowOutputEvent and flowTraceEvent frames, then how the run ended. */
import type { FlowEvent } from '../../flows/executor/events.js';
import type { RunResult } from '../../flows/executor/run-flow.js';
import { encodeEvent, encodeException } from '../../protocol/eventstream.js';

const trace = (member: string, payload: unknown) => encodeEvent('flowTraceEvent', { trace: { [member]: payload } });

export function eventFrame(event: FlowEvent): Uint8Array {
  switch (event.kind) {
    case 'flowOutput':
      return encodeEvent('flowOutputEvent', { nodeName: event.nodeName, nodeType: event.nodeType, content: { document: event.document } });
    case 'nodeInput':
      return trace('nodeInputTrace', {
        nodeName: event.nodeName,
        timestamp: event.timestamp,
        fields: event.fields.map((f) => ({
          nodeInputName: f.name,
          content: { document: f.value },
          type: f.type,
          category: f.category,
          source: f.source,
          executionChain: f.executionChain,
        })),
      });
    case 'nodeOutput':
      return trace('nodeOutputTrace', {
        nodeName: event.nodeName,
        timestamp: event.timestamp,
        fields: event.fields.map((f) => ({ nodeOutputName: f.name, content: { document: f.value }, type: f.type, next: f.next })),
      });
    case 'conditionResult':
      return trace('conditionNodeResultTrace', {
        nodeName: event.nodeName,
        timestamp: event.timestamp,
        satisfiedConditions: event.satisfiedConditions.map((conditionName) => ({ conditionName })),
      });
    case 'nodeAction': {
      const { kind: _kind, ...action } = event;
      return trace('nodeActionTrace', action);
    }
  }
}

/** Completion (or the multi-turn request before it), or the one exception frame of a failed run. */
export function closingFrames(result: RunResult): Uint8Array[] {
  switch (result.kind) {
    case 'completed':
      return [encodeEvent('flowCompletionEvent', { completionReason: 'SUCCESS' })];
    case 'paused':
      return [
        encodeEvent('flowMultiTurnInputRequestEvent', {
          nodeName: result.nodeName,
          nodeType: result.nodeType,
          content: { document: result.question },
        }),
        encodeEvent('flowCompletionEvent', { completionReason: 'INPUT_REQUIRED' }),
      ];
    case 'failed':
      return [encodeException(result.error)];
    case 'aborted':
      return [];
  }
}
