/**
 * InvokeFlow's run on the wire: the events it reports become event-stream frames in a queue the response pulls
 * (src/server/pipeline.ts sendStream), the run's end becomes the closing frames, and its execution id a header.
 */
import { stopRun, type FlowEvent } from '../flows/index.js';
import type { InvokeFlowRun } from '../operations/runtime/InvokeFlow.js';
import { flowRunCrashed } from '../protocol/errors.js';
import { encodeException } from '../protocol/eventstream.js';
import { AsyncQueue } from './async-queue.js';
import { closingFrames, eventFrame, streamOutcome } from './invoke-frames.js';

/** The response header that carries the id a multi-turn answer resumes the run with. */
export const EXECUTION_ID_HEADER = 'x-amz-bedrock-flow-execution-id';

/** Frames a run may have queued ahead of a slow reader before it waits for the reader to catch up. */
export const STREAM_HIGH_WATER_BYTES = 1024 * 1024;

export interface StreamedResult {
  headers: Record<string, string>;
  /** Event-stream frames, written as they come; the iterator ends the response. */
  frames: AsyncIterable<Uint8Array>;
  /** How the stream ended, once it has (request log): SUCCESS, INPUT_REQUIRED or the exception frame's type. */
  outcome: () => string | undefined;
}

const byteLength = (frame: Uint8Array) => frame.byteLength;

/** Starts the run; a reader that stops early (client gone, shutdown) stops the run between nodes. */
export function streamRun(run: InvokeFlowRun): StreamedResult {
  const signal = { aborted: false };
  const frames = new AsyncQueue<Uint8Array>(() => stopRun(signal), byteLength, STREAM_HIGH_WATER_BYTES);
  const sink = (event: FlowEvent) => {
    const frame = eventFrame(event);
    frames.push(frame);
    return frame.byteLength;
  };
  let outcome: string | undefined;
  run.start({ sink, backpressure: () => frames.drained() }, signal).then(
    (result) => {
      outcome = streamOutcome(result);
      for (const frame of closingFrames(result)) frames.push(frame);
      frames.end();
    },
    (err: Error) => {
      outcome = 'internalServerException';
      frames.push(encodeException(flowRunCrashed(err)));
      frames.end();
    },
  );
  return { headers: { [EXECUTION_ID_HEADER]: run.executionId }, frames, outcome: () => outcome };
}
