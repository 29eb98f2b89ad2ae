/**
 * Asynchronous executions run in the background of the request that started them, recording their events on
 * the execution record. The record is plain data in the world; what stops a running one lives here. One
 * ExecutionRuns belongs to one emulator (src/emulator.ts), so that reset() and fixture loads, which swap the
 * world, stop the runs that would otherwise keep writing into records the new world no longer holds.
 */
import {
  runFlow,
  stopRun,
  type FlowEvent,
  type RunEnvironment,
  type RunResult,
  type ScopePlan,
  type StopSignal,
} from '../../flows/index.js';
import { flowRunCrashed, isLambdaTimeout, validationException } from '../../protocol/errors.js';
import type { Clock } from '../../world/clock.js';
import type { RunRecording } from '../../runs/index.js';
import type { FlowExecutionRecord } from '../../world/records.js';
import type { Universe } from '../../world/universe.js';
import { executionEvent, failureEvents } from './execution-events.js';

interface Running {
  signal: StopSignal;
  ended: Promise<void>;
}

export class ExecutionRuns {
  private readonly running = new Map<FlowExecutionRecord, Running>();

  /** `recording`: the run's record (GET /_emulator/runs), when the emulator keeps them. */
  start(record: FlowExecutionRecord, plan: ScopePlan, env: RunEnvironment, document: unknown, recording?: RunRecording): void {
    const signal = { aborted: false };
    // Records stay in memory while the execution is kept: their size is what the run's byte cap bounds. A stopped
    // run's last node may still report: nothing is recorded after the stop.
    const keep = (event: FlowEvent) => {
      const kept = executionEvent(event);
      const bytes = Buffer.byteLength(JSON.stringify(kept));
      if (signal.aborted) return bytes;
      record.events.push(kept);
      record.eventBytes += bytes;
      return bytes;
    };
    // After the response: StartFlowExecution answers while the execution is Running.
    const ended = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() =>
        runFlow(
          { plan, env, document, trace: true, signal, ...(recording ? { observer: recording } : {}) },
          { sink: keep, maxBytes: env.limits.maxRecordedBytes },
        ),
      )
      .catch((err: Error): RunResult => ({ kind: 'failed', error: flowRunCrashed(err), timedOut: false }))
      .then((result) => {
        recording?.end(signal.aborted ? { kind: 'aborted' } : result);
        this.running.delete(record);
        if (!signal.aborted) finish(record, result, env.clock.timestamp());
      });
    this.running.set(record, { signal, ended });
  }

  /** StopFlowExecution: a running execution ends Aborted; an ended one stays as it ended. */
  stop(record: FlowExecutionRecord, endedAt: string): void {
    if (record.status !== 'Running') return;
    const run = this.running.get(record);
    if (run) stopRun(run.signal);
    record.status = 'Aborted';
    record.endedAt = endedAt;
  }

  /**
   * The emulator's world is being replaced (reset, a fixture load) or closed: every running execution ends
   * Aborted, and so does the next world's copy of its record (a load stages fixtures on a clone of the world).
   */
  stopAll(next: Universe | undefined, clock: Clock): void {
    if (this.running.size === 0) return; // and so no tick of a seeded clock
    const endedAt = clock.timestamp();
    for (const record of [...this.running.keys()]) {
      this.stop(record, endedAt);
      for (const world of next?.worlds.values() ?? []) {
        const copy = world.executions.runs.get(record.arn);
        if (copy) this.stop(copy, endedAt);
      }
    }
  }

  /** Resolves when every run started so far has returned (a stopped one returns at its next step). */
  async settled(): Promise<void> {
    await Promise.all([...this.running.values()].map((run) => run.ended));
  }
}

function finish(record: FlowExecutionRecord, result: RunResult, endedAt: string): void {
  if (record.status !== 'Running') return; // stopped meanwhile
  if (result.kind === 'completed') record.status = 'Succeeded';
  if (result.kind === 'failed') {
    record.events.push(...failureEvents(result.error, result.nodeName, endedAt));
    record.status = result.timedOut ? 'TimedOut' : 'Failed';
    if (result.timedOut) record.errors = [{ error: 'ExecutionTimedOut', message: result.error.message }];
    // The user guide's example error entry for a Lambda node that timed out (docs/behaviour.md#failures-during-a-run).
    else if (result.nodeName && isLambdaTimeout(result.error)) {
      record.errors = [{ nodeName: result.nodeName, error: 'ExecutionTimedOut', message: result.error.message }];
    }
  }
  if (result.kind === 'paused') {
    const error = validationException(`Node ${result.nodeName} asked for user input, which flow executions cannot give (use InvokeFlow).`);
    record.events.push(...failureEvents(error, result.nodeName, endedAt));
    record.status = 'Failed';
  }
  record.endedAt = endedAt;
}
