/**
 * Asynchronous executions run in the background of the request that started them, recording their events on
 * the execution record. The record is plain data in the world; what stops a running one lives here, by record.
 */
import { runFlow, stopRun, type FlowEvent, type RunEnvironment, type RunResult, type ScopePlan, type StopSignal } from '../../flows/index.js';
import { internal, validation } from '../../protocol/errors.js';
import type { FlowExecutionRecord } from '../../world/records.js';
import { executionEvent, failureEvents } from './execution-events.js';

const running = new WeakMap<FlowExecutionRecord, StopSignal>();

export function runInBackground(record: FlowExecutionRecord, plan: ScopePlan, env: RunEnvironment, document: unknown): void {
  const signal = { aborted: false };
  running.set(record, signal);
  // After the response: StartFlowExecution answers while the execution is Running.
  // Records stay in memory while the execution is kept: their size is what the run's byte cap bounds.
  const keep = (event: FlowEvent) => {
    const kept = executionEvent(event);
    record.events.push(kept);
    const bytes = Buffer.byteLength(JSON.stringify(kept));
    record.eventBytes += bytes;
    return bytes;
  };
  setImmediate(() => {
    runFlow({ plan, env, document, trace: true, signal }, { sink: keep, maxBytes: env.limits.maxRecordedBytes })
      .catch((err: Error): RunResult => ({ kind: 'failed', error: internal(`The flow run failed: ${err.message}`), timedOut: false }))
      .then((result) => finish(record, result, env.ids.now()));
  });
}

function finish(record: FlowExecutionRecord, result: RunResult, endedAt: string): void {
  running.delete(record);
  if (record.status !== 'Running') return; // stopped meanwhile
  if (result.kind === 'completed') record.status = 'Succeeded';
  if (result.kind === 'failed') {
    record.events.push(...failureEvents(result.error, result.nodeName, endedAt));
    record.status = result.timedOut ? 'TimedOut' : 'Failed';
    if (result.timedOut) record.errors = [{ error: 'ExecutionTimedOut', message: result.error.message }];
  }
  if (result.kind === 'paused') {
    const error = validation(`Node ${result.nodeName} asked for user input, which flow executions cannot give (use InvokeFlow).`);
    record.events.push(...failureEvents(error, result.nodeName, endedAt));
    record.status = 'Failed';
  }
  record.endedAt = endedAt;
}

/** StopFlowExecution: a running execution ends Aborted; an ended one stays as it ended. */
export function stopExecution(record: FlowExecutionRecord, endedAt: string): void {
  if (record.status !== 'Running') return;
  const signal = running.get(record);
  if (signal) stopRun(signal);
  record.status = 'Aborted';
  record.endedAt = endedAt;
}
