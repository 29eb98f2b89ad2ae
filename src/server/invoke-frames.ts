/** InvokeFlow's wire form of a run: flowOutputEvent and flowTraceEvent frames, then how the run ended. */
import type { FlowEvent, RunResult } from '../flows/index.js';
import { nodeEventShape } from '../operations/runtime/node-event-shapes.js';
import { encodeEvent, encodeException, exceptionEventType } from '../protocol/eventstream.js';

export function eventFrame(event: FlowEvent): Uint8Array {
  if (event.kind === 'flowOutput') {
    return encodeEvent('flowOutputEvent', { nodeName: event.nodeName, nodeType: event.nodeType, content: { document: event.document } });
  }
  const { member, payload } = nodeEventShape(event, 'trace');
  return encodeEvent('flowTraceEvent', { trace: { [member]: payload } });
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

/** How the stream ends, for the request log: the completion reason, or the exception frame's event type. */
export function streamOutcome(result: RunResult): string {
  switch (result.kind) {
    case 'completed':
      return 'SUCCESS';
    case 'paused':
      return 'INPUT_REQUIRED';
    case 'failed':
      return exceptionEventType(result.error.type);
    case 'aborted':
      return 'CLIENT_GONE';
  }
}
