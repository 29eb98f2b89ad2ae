/**
 * Runs a plan node by node, in plan order, one node at a time. A node runs when its inputs have values and, if
 * Conditional connections lead to it, when one of their conditions was chosen; otherwise it is skipped, and so is
 * whatever reads from it. Inputs are the source output with the input's expression applied, checked against the
 * declared type; outputs are checked against theirs.
 *
 * Every node run gets the next run index. A run paused for multi-turn input keeps each finished node's outcome by
 * index; resuming replays the plan with those outcomes (no node runs twice, no event is sent twice) up to the
 * waiting node, which gets the user's answer.
 */
import { AwsError, accessDenied, internal, quotaExceeded, validationException } from '../../protocol/errors.js';
import type { MemoEntry } from './checkpoint.js';
import { conformsTo, evaluateExpression } from '../expressions/index.js';
import type { EventSink, FlowEvent, InputField, NodeAction } from './events.js';
import type { PlanInput, PlanNode, PlanOutput, ScopePlan, Step } from './plan.js';
import { RunScope, SKIPPED, outputValue } from './run-state.js';
import type { RunEnvironment } from './run-environment.js';
import { Aborted, NodeFailure, Paused, type StopSignal } from './run-signals.js';
import { denialMessage } from './role-checks.js';
import { outputs, type NodeContext, type NodeOutcome } from './runner.js';
import { describeValue } from './value-types.js';
import { logNodeRun, logNodeSkipped } from './node-log.js';
import type { RunLog } from './run-log.js';
import type { NodeObserver, RunObserver } from './observer.js';

/** A resumed run: the memo and waiting node of its checkpoint (checkpoint.ts), and the user's answer. */
export interface Resume {
  readonly memo: readonly (MemoEntry | null)[];
  readonly waitingIndex: number;
  /** The input of the waiting node that the answer replaces (agentInputText). */
  readonly inputName: string;
  readonly answer: unknown;
  readonly asked: readonly string[];
}

const SKIP = Symbol('skip');

/** Where a run's events go, and how much of them the other side will take. */
export interface RunOutput {
  readonly sink: EventSink;
  /** Bytes of events the run may emit (as the sink counts them) before it fails with a quota error. */
  readonly maxBytes: number;
  /** A promise while the reader is behind: the run waits on it before its next node. */
  readonly backpressure?: () => Promise<void> | undefined;
}

export class Scheduler {
  readonly memo: (MemoEntry | undefined)[] = [];
  private runs = 0;
  private readonly deadline: number;
  private emitted = 0;
  /** When the run last let the event loop in; see pace(). */
  private sliceStart = Date.now();
  /** Set only when debug is on: otherwise node progress costs one check per node. */
  private readonly progress: RunLog | undefined;

  constructor(
    readonly env: RunEnvironment,
    private readonly output: RunOutput,
    private readonly trace: boolean,
    private readonly signal: StopSignal,
    private readonly resume?: Resume,
    /** Sees every node run, traced or not (run records, src/runs/). */
    private readonly observer?: RunObserver,
  ) {
    this.deadline = this.sliceStart + env.limits.maxRunMs;
    this.progress = env.log?.isLevelEnabled('debug') ? env.log : undefined;
  }

  async runSteps(scope: RunScope, steps: readonly Step[]): Promise<void> {
    for (const step of steps) {
      if (step.kind === 'node') await this.runNode(scope, step.node);
      else await this.runIteration(scope, step);
    }
  }

  /** Replaying: the run has not yet passed the node a resumed run waits at, whose events were sent before. */
  private get replaying(): boolean {
    return this.resume !== undefined && this.runs <= this.resume.waitingIndex;
  }

  private emit(event: FlowEvent): void {
    if (this.replaying) return;
    const bytes = this.output.sink(event);
    if (!bytes) return;
    this.emitted += bytes;
    if (this.emitted > this.output.maxBytes) {
      throw new NodeFailure(
        undefined,
        quotaExceeded(
          `The flow run produced more than ${this.output.maxBytes} bytes of events, the emulator's limit for one run. ` +
            'Run it without enableTrace or with smaller values.',
          true,
        ),
      );
    }
  }

  /**
   * Between nodes: wait while the reader is behind (a client that does not read pauses the run, it does not fill
   * the heap), and let the event loop in once a run of synchronous nodes has held it for a time slice, so that
   * other requests are answered meanwhile. Most runs finish inside one slice and never wait here.
   */
  private pace(): Promise<void> | undefined {
    const behind = this.output.backpressure?.();
    if (behind) return behind.then(() => void (this.sliceStart = Date.now()));
    if (Date.now() - this.sliceStart < this.env.limits.timeSliceMs) return undefined;
    return new Promise((resolve) =>
      setImmediate(() => {
        this.sliceStart = Date.now();
        resolve();
      }),
    );
  }

  private now(): string {
    return this.env.ids.now();
  }

  private async runNode(scope: RunScope, node: PlanNode, preset?: Readonly<Record<string, unknown>>): Promise<void> {
    const wait = this.pace();
    if (wait) await wait;
    this.checkBounds();
    if (node.gates.length > 0 && !node.gates.some((g) => chose(scope, g.node, g.condition))) {
      scope.states.set(node.name, SKIPPED);
      if (this.progress && !this.replaying) logNodeSkipped(this.progress, node);
      return;
    }
    const values: Record<string, unknown> = {};
    for (const input of node.inputs) {
      const value = preset && Object.hasOwn(preset, input.name) ? preset[input.name] : this.resolve(scope, node, input);
      if (value === SKIP) {
        scope.states.set(node.name, SKIPPED);
        if (this.progress && !this.replaying) logNodeSkipped(this.progress, node);
        return;
      }
      values[input.name] = value;
    }
    const index = this.runs++;
    if (index >= this.env.limits.maxNodeRuns) {
      throw new NodeFailure(node.name, quotaExceeded(`The flow run exceeded ${this.env.limits.maxNodeRuns} node runs.`, true));
    }
    const kept = this.resume && index < this.resume.waitingIndex ? this.resume.memo[index] : undefined;
    if (kept) {
      this.runs += kept.span;
      this.memo[index] = kept;
      scope.states.set(node.name, kept.outcome);
      return;
    }
    const resumesHere = this.resume?.waitingIndex === index;
    if (resumesHere) values[this.resume!.inputName] = this.resume!.answer;
    if (this.trace && node.inputs.length > 0) this.emit(this.inputTrace(scope, node, values));
    const watch = this.observer?.nodeStarted({
      nodeName: node.name,
      nodeType: node.type,
      runtimeType: node.runtimeType,
      inputs: values,
      chain: scope.chain,
    });
    let outcome: NodeOutcome;
    try {
      outcome = await this.invoke(scope, node, values, resumesHere ? this.resume!.asked : [], watch);
      if (outcome.kind !== 'question') this.checkOutputs(node, outcome);
    } catch (err) {
      if (watch && err instanceof NodeFailure) watch.failed(err.error);
      throw err;
    }
    if (outcome.kind === 'question') {
      watch?.paused(outcome.text);
      throw new Paused(node.name, node.runtimeType, outcome.text, index);
    }
    watch?.ended(outcome);
    this.memo[index] = { outcome, span: this.runs - index - 1 };
    scope.states.set(node.name, outcome);
    if (this.trace) this.traceOutcome(node, outcome);
  }

  private async invoke(
    scope: RunScope,
    node: PlanNode,
    values: Record<string, unknown>,
    asked: readonly string[],
    watch: NodeObserver | undefined,
  ): Promise<NodeOutcome> {
    const startedAt = this.progress ? performance.now() : 0;
    try {
      const outcome = await node.runner.run(new RunContext(this, scope, node, asked, watch), values);
      if (this.progress) logNodeRun(this.progress, node, startedAt, outcome);
      return outcome;
    } catch (err) {
      if (this.progress) logNodeRun(this.progress, node, startedAt, { failed: failureName(err) });
      if (err instanceof NodeFailure || err instanceof Paused || err instanceof Aborted) throw err;
      if (err instanceof AwsError) throw new NodeFailure(node.name, err);
      throw new NodeFailure(node.name, internal(`Node ${node.name} failed: ${(err as Error).message}`));
    } finally {
      this.signal.onStop = undefined;
    }
  }

  onStop(stop: () => void): void {
    if (this.signal.aborted) stop();
    else this.signal.onStop = stop;
  }

  private async runIteration(scope: RunScope, step: Extract<Step, { kind: 'iteration' }>): Promise<void> {
    const { iterator, body, collector } = step;
    const state = scope.get(iterator.name);
    if (state === undefined || state === SKIPPED || state.kind !== 'items') {
      if (collector) scope.states.set(collector.name, SKIPPED);
      return;
    }
    const gathered: unknown[] = [];
    const collected = collector?.inputs.find((i) => i.name === 'arrayItem');
    for (const [index, arrayItem] of state.items.entries()) {
      const chain = [...scope.chain, { nodeName: iterator.name, index, type: 'Iterator' as const }];
      const item = new RunScope(scope.plan, scope, chain, scope.entry);
      const itemOutputs = { arrayItem, arraySize: state.items.length };
      item.states.set(iterator.name, outputs(itemOutputs));
      if (this.trace) this.emit(this.outputTrace(iterator, itemOutputs));
      await this.runSteps(item, body);
      const value = collected ? this.resolve(item, collector!, collected) : SKIP;
      if (value !== SKIP) gathered.push(value);
    }
    if (collector) await this.runNode(scope, collector, { arrayItem: gathered });
  }

  async runBody(scope: RunScope, loop: PlanNode, body: ScopePlan, entry: Readonly<Record<string, unknown>>, iteration: number) {
    const chain = [...scope.chain, { nodeName: loop.name, index: iteration, type: 'Loop' as const }];
    const round = new RunScope(body, undefined, chain, entry);
    await this.runSteps(round, body.steps);
    const state = round.states.get(body.controller!.name);
    return state === undefined || state === SKIPPED ? undefined : state;
  }

  /** The value of one input, or SKIP when its source did not run (or has no such value in this scope). */
  private resolve(scope: RunScope, node: PlanNode, input: PlanInput): unknown {
    const whole = outputValue(scope.get(input.source.node), input.source.output);
    if (whole === undefined) return SKIP;
    const result = evaluateExpression(input.expression, whole);
    if (!result.found) {
      throw new NodeFailure(
        node.name,
        validationException(
          `Input ${input.name} of node ${node.name} has no value: the expression ${input.expression.text} selects nothing in ` +
            `output ${input.source.output} of node ${input.source.node}.`,
        ),
      );
    }
    if (!conformsTo(result.value, input.type)) {
      throw new NodeFailure(
        node.name,
        validationException(
          `Input ${input.name} of node ${node.name} is declared ${input.type}, but the expression ${input.expression.text} ` +
            `gives ${describeValue(result.value)}.`,
        ),
      );
    }
    return result.value;
  }

  private checkOutputs(node: PlanNode, outcome: NodeOutcome): void {
    if (outcome.kind === 'outputs') {
      for (const output of node.outputs) this.checkOutput(node, output, outcome.outputs[output.name]);
    } else if (outcome.kind === 'items') {
      const arrayItem = node.outputs.find((o) => o.name === 'arrayItem');
      if (arrayItem) for (const item of outcome.items) this.checkOutput(node, arrayItem, item);
    }
  }

  private checkOutput(node: PlanNode, output: PlanOutput, value: unknown): void {
    if (!conformsTo(value, output.type)) {
      throw new NodeFailure(
        node.name,
        validationException(
          `Output ${output.name} of node ${node.name} is declared ${output.type}, but the node produced ${describeValue(value)}.`,
        ),
      );
    }
    if (Buffer.byteLength(typeof value === 'string' ? value : JSON.stringify(value)) > this.env.limits.maxValueBytes) {
      throw new NodeFailure(
        node.name,
        validationException(`Output ${output.name} of node ${node.name} is larger than ${this.env.limits.maxValueBytes} bytes.`),
      );
    }
  }

  private checkBounds(): void {
    if (this.signal.aborted) throw new Aborted();
    if (Date.now() > this.deadline) {
      const seconds = this.env.limits.maxRunMs / 1000;
      throw new NodeFailure(undefined, validationException(`The flow run exceeded its time limit of ${seconds} seconds.`), true);
    }
  }

  authorize(node: PlanNode, action: string, resource: string, watch: NodeObserver | undefined): void {
    const { roleArn, flowArn, flowAliasArn, authorizer, executionId } = this.env;
    const request = { roleArn, action, resource, flowArn, flowAliasArn, executionId, nodeName: node.name };
    const decision = authorizer.authorizeNodeCall(request);
    if (watch && decision.detail) watch.decision(decision.detail);
    if (!decision.allowed) throw new NodeFailure(node.name, accessDenied(decision.message ?? denialMessage(request)));
  }

  action(node: PlanNode, call: NodeAction, watch: NodeObserver | undefined): void {
    watch?.call(call);
    if (this.trace)
      this.emit({
        kind: 'nodeAction',
        nodeName: node.name,
        timestamp: this.now(),
        ...call,
        requestId: call.requestId ?? this.env.ids.uuid(),
      });
  }

  flowOutput(node: PlanNode, document: unknown): void {
    this.emit({ kind: 'flowOutput', nodeName: node.name, nodeType: node.runtimeType, timestamp: this.now(), document });
  }

  private inputTrace(scope: RunScope, node: PlanNode, values: Readonly<Record<string, unknown>>): FlowEvent {
    const fields = node.inputs.map(
      (input): InputField => ({
        name: input.name,
        type: input.type,
        ...(input.category ? { category: input.category } : {}),
        value: values[input.name],
        source: { nodeName: input.source.node, outputFieldName: input.source.output, expression: input.expression.text },
        ...(scope.chain.length > 0 ? { executionChain: scope.chain } : {}),
      }),
    );
    return { kind: 'nodeInput', nodeName: node.name, timestamp: this.now(), fields };
  }

  private outputTrace(node: PlanNode, values: Readonly<Record<string, unknown>>): FlowEvent {
    const fields = node.outputs
      .filter((o) => values[o.name] !== undefined)
      .map((o) => ({ name: o.name, type: o.type, value: values[o.name], next: o.next }));
    return { kind: 'nodeOutput', nodeName: node.name, timestamp: this.now(), fields };
  }

  private traceOutcome(node: PlanNode, outcome: NodeOutcome): void {
    if (outcome.kind === 'branch') {
      this.emit({ kind: 'conditionResult', nodeName: node.name, timestamp: this.now(), satisfiedConditions: [outcome.condition] });
    } else if (outcome.kind === 'outputs' && node.outputs.length > 0) {
      this.emit(this.outputTrace(node, outcome.outputs));
    }
  }
}

/** What one node run may do; handed to its runner. */
class RunContext implements NodeContext {
  constructor(
    private readonly scheduler: Scheduler,
    private readonly scope: RunScope,
    readonly node: PlanNode,
    readonly asked: readonly string[],
    private readonly watch: NodeObserver | undefined,
  ) {}

  get env() {
    return this.scheduler.env;
  }

  get entry() {
    return this.scope.entry;
  }

  authorize(action: string, resource: string): void {
    this.scheduler.authorize(this.node, action, resource, this.watch);
  }

  onStop(stop: () => void): void {
    this.scheduler.onStop(stop);
  }

  action(call: NodeAction): void {
    this.scheduler.action(this.node, call, this.watch);
  }

  emitFlowOutput(document: unknown): void {
    this.scheduler.flowOutput(this.node, document);
  }

  runBody(body: ScopePlan, entry: Readonly<Record<string, unknown>>, iteration: number) {
    return this.scheduler.runBody(this.scope, this.node, body, entry, iteration);
  }
}

function failureName(err: unknown): string {
  if (err instanceof NodeFailure) return err.error.type;
  if (err instanceof Aborted) return 'stopped';
  return err instanceof Error ? err.name : 'Error';
}

function chose(scope: RunScope, conditionNode: string, condition: string): boolean {
  const state = scope.get(conditionNode);
  return state !== undefined && state !== SKIPPED && state.kind === 'branch' && state.condition === condition;
}
