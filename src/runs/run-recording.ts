/**
 * One run being recorded: the executor's observer (src/flows/index.ts RunObserver) that fills a RunRecord node by
 * node, and how the run ended. Node timing is relative (the emulator's monotonic clock), so a node costs no Date.
 */
import type { NodeAction, NodeDecision, NodeFault, NodeObserver, NodeOutcome, NodeStart, RunObserver, RunResult } from '../flows/index.js';
import type { AwsError } from '../protocol/errors.js';
import { exceptionEventType } from '../protocol/eventstream.js';
import type { Clock } from '../world/clock.js';
import type { RunNodeRecord, RunRecord } from './run-record.js';

export class RunRecording implements RunObserver {
  /** The monotonic time at this turn's start, and the turn's offset from the run's first start. */
  private readonly turnStart: number;
  private readonly turnOffsetMs: number;

  constructor(
    readonly record: RunRecord,
    private readonly clock: Clock,
    private readonly ended: (record: RunRecord) => void,
  ) {
    this.turnStart = clock.monotonicMs();
    this.turnOffsetMs = clock.epochMs() - Date.parse(record.startedAt);
  }

  nodeStarted(start: NodeStart): NodeObserver {
    const node: RunNodeRecord = {
      nodeName: start.nodeName,
      nodeType: start.nodeType,
      runtimeType: start.runtimeType,
      atMs: this.turnOffsetMs + (this.clock.monotonicMs() - this.turnStart),
      durationMs: 0,
      turn: this.record.turns,
      inputs: start.inputs as Record<string, unknown>,
      outputs: {},
      calls: [],
      decisions: [],
    };
    if (start.chain.length > 0) (node as { executionChain?: RunNodeRecord['executionChain'] }).executionChain = start.chain;
    this.record.nodes.push(node);
    return new NodeWatch(node, this.clock, this.turnStart, this.turnOffsetMs);
  }

  /** The run returned: its outcome and time, then the record is capped and announced. */
  end(result: RunResult): void {
    const { record } = this;
    record.durationMs += this.clock.monotonicMs() - this.turnStart;
    switch (result.kind) {
      case 'completed':
        record.outcome = 'SUCCESS';
        break;
      case 'paused':
        record.outcome = 'INPUT_REQUIRED';
        break;
      case 'aborted':
        record.outcome = 'ABORTED';
        break;
      case 'failed':
        record.outcome = exceptionEventType(result.error.type);
        record.error = {
          type: result.error.type,
          message: result.error.message,
          ...(result.nodeName !== undefined ? { nodeName: result.nodeName } : {}),
        };
    }
    this.ended(record);
  }

  /** The run threw instead of returning (an emulator bug): the record says so rather than staying RUNNING. */
  crashed(error: AwsError): void {
    this.end({ kind: 'failed', error, timedOut: false });
  }
}

class NodeWatch implements NodeObserver {
  constructor(
    private readonly node: RunNodeRecord,
    private readonly clock: Clock,
    private readonly turnStart: number,
    private readonly turnOffsetMs: number,
  ) {}

  call(call: NodeAction): void {
    this.node.calls.push({
      serviceName: call.serviceName,
      operationName: call.operationName,
      ...(call.requestId !== undefined ? { requestId: call.requestId } : {}),
      request: call.operationRequest,
      response: call.operationResponse,
    });
  }

  decision(decision: NodeDecision): void {
    this.node.decisions.push(decision);
  }

  fault(fault: NodeFault): void {
    this.node.fault = fault;
  }

  ended(outcome: NodeOutcome): void {
    this.stopClock();
    const { node } = this;
    switch (outcome.kind) {
      case 'outputs':
        node.outputs = outcome.outputs as Record<string, unknown>;
        break;
      case 'branch':
        node.condition = outcome.condition;
        break;
      case 'items':
        node.outputs = { arrayItem: outcome.items, arraySize: outcome.items.length };
        break;
      case 'loopControl':
        node.continueLoop = outcome.continueLoop;
        break;
      case 'question':
        node.question = outcome.text;
    }
  }

  failed(error: AwsError): void {
    this.stopClock();
    this.node.error = { type: error.type, message: error.message };
  }

  paused(question: string): void {
    this.stopClock();
    this.node.question = question;
  }

  private stopClock(): void {
    this.node.durationMs = this.turnOffsetMs + (this.clock.monotonicMs() - this.turnStart) - this.node.atMs;
  }
}
