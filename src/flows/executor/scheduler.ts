/**
 * Runs a plan node by node, in plan order: one node at a time, or, when the alias allows several, as windows of
 * nodes running at once whose events are still delivered in plan order (node-window.ts). A node runs when its
 * inputs have values and, if Conditional connections lead to it, when one of their conditions was chosen;
 * otherwise it is skipped, and so is whatever reads from it. Inputs are the source output with the input's
 * expression applied, checked against the declared type; outputs are checked against theirs.
 *
 * Every node run gets the next run index. A run paused for multi-turn input keeps each finished node's outcome by
 * index; resuming replays the plan with those outcomes (no node runs twice, no event is sent twice) up to the
 * waiting node, which gets the user's answer.
 */
import { AwsError, accessDenied, internal, quotaExceeded, validationException } from '../../protocol/errors.js';
import type { MemoEntry } from './checkpoint.js';
import { conformsTo, evaluateExpression } from '../expressions/index.js';
import type { AgentTracePart, EventSink, FlowEvent, InputField, NodeAction } from './events.js';
import type { PlanInput, PlanNode, PlanOutput, ScopePlan, Step } from './plan.js';
import { RunScope, SKIPPED, outputValue } from './run-state.js';
import type { RunEnvironment } from './run-environment.js';
import type { Clock } from '../../world/clock.js';
import { Aborted, NodeFailure, Paused, type StopSignal } from './run-signals.js';
import { denialMessage } from './role-checks.js';
import { outputs, type NodeContext, type NodeOutcome } from './runner.js';
import { describeValue } from './value-types.js';
import { logNodeRun, logNodeSkipped } from './node-log.js';
import { NodeWindow, type Lane, type WindowHost } from './node-window.js';
import type { RunLog } from '../../run-log.js';
import type { NodeObserver, RunObserver } from './observer.js';
import type { CallFault } from './call-faults.js';

/** A call failed by a fault rule after its latency: the runner stops here, the scheduler waits, then fails the node. */
class FaultAfterLatency extends Error {}

/** A resumed run: the memo and waiting node of its checkpoint (checkpoint.ts), and the user's answer. */
export interface Resume {
  readonly memo: readonly (MemoEntry | null)[];
  readonly waitingIndex: number;
  /** The input of the waiting node that the answer replaces (agentInputText). */
  readonly inputName: string;
  readonly answer: unknown;
  readonly asked: readonly string[];
  /** The paused run's limit (checkpoint.ts), when it recorded one. */
  readonly concurrency?: number;
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

export class Scheduler implements WindowHost {
  readonly memo: (MemoEntry | undefined)[] = [];
  private runs = 0;
  private readonly deadline: number;
  private emitted = 0;
  /** The emulator's clock (run-environment.ts): monotonic for the deadline and slices, timestamps for events. */
  private readonly clock: Clock;
  /** When the run last let the event loop in; see pace(). */
  private sliceStart: number;
  /** Set only when debug is on: otherwise node progress costs one check per node. */
  private readonly progress: RunLog | undefined;
  /** Nodes that may run at once (the alias's concurrencyConfiguration, or the paused run's): a checkpoint keeps it. */
  readonly concurrency: number;
  /** What stops the waits of the nodes running now (InlineCode children), called when the run is stopped. */
  private readonly stops = new Set<() => void>();

  constructor(
    readonly env: RunEnvironment,
    private readonly output: RunOutput,
    private readonly trace: boolean,
    private readonly signal: StopSignal,
    private readonly resume?: Resume,
    /** Sees every node run, traced or not (run records, src/runs/). */
    private readonly observer?: RunObserver,
  ) {
    this.clock = env.clock;
    this.sliceStart = this.clock.monotonicMs();
    this.deadline = this.sliceStart + env.limits.maxRunMs;
    this.progress = env.log?.isLevelEnabled('debug') ? env.log : undefined;
    this.concurrency = resume?.concurrency ?? env.concurrency ?? 1;
  }

  async runSteps(scope: RunScope, steps: readonly Step[]): Promise<void> {
    if (this.concurrency > 1) return this.runWindow(scope, steps);
    for (const step of steps) await this.runStep(scope, step);
  }

  /** One step, after pace(): the reader may be behind, or the run may have held the event loop long enough. */
  private async runStep(scope: RunScope, step: Step): Promise<void> {
    const wait = this.pace();
    if (wait) await wait;
    if (step.kind === 'node') await this.runNode(scope, step.node);
    else await this.runIteration(scope, step);
  }

  /**
   * Several nodes at once (node-window.ts), in windows of consecutive nodes. Iterations and Loop nodes run alone,
   * between windows, so that a body's nodes count against the same limit and a Loop's span of run indices is its own.
   */
  private async runWindow(scope: RunScope, steps: readonly Step[]): Promise<void> {
    let nodes: PlanNode[] = [];
    for (const step of steps) {
      if (step.kind === 'node' && step.node.type !== 'Loop') {
        nodes.push(step.node);
        continue;
      }
      if (nodes.length > 0) await new NodeWindow(this, this.concurrency, nodes).run(scope);
      nodes = [];
      await this.runStep(scope, step);
    }
    if (nodes.length > 0) await new NodeWindow(this, this.concurrency, nodes).run(scope);
  }

  start(scope: RunScope, node: PlanNode, lane: Lane): Promise<void> {
    return this.runNode(scope, node, undefined, lane);
  }

  deliver(event: FlowEvent): void {
    this.send(event);
  }

  forget(index: number): void {
    this.memo[index] = undefined;
  }

  /** Replaying: the run has not yet passed the node a resumed run waits at, whose events were sent before. */
  private get replaying(): boolean {
    return this.resume !== undefined && this.runs <= this.resume.waitingIndex;
  }

  /**
   * A node's event: at once, unless an earlier node of its window still runs (node-window.ts). A window's node that
   * runs at all on a resumed run was not delivered before the pause (those that were are kept), so it reports.
   */
  private emitFor(lane: Lane | undefined, build: () => FlowEvent): void {
    if (!lane) this.emit(build());
    else if (lane.abandoned) return;
    else if (lane.pending) lane.pending.push(build);
    else this.send(build());
  }

  private emit(event: FlowEvent): void {
    if (!this.replaying) this.send(event);
  }

  private send(event: FlowEvent): void {
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
  pace(): Promise<void> | undefined {
    const behind = this.output.backpressure?.();
    if (behind) return behind.then(() => void (this.sliceStart = this.clock.monotonicMs()));
    if (this.clock.monotonicMs() - this.sliceStart < this.env.limits.timeSliceMs) return undefined;
    return new Promise((resolve) =>
      setImmediate(() => {
        this.sliceStart = this.clock.monotonicMs();
        resolve();
      }),
    );
  }

  private now(): string {
    return this.clock.timestamp();
  }

  /** Synchronous up to the runner's first wait: a window relies on it (node-window.ts). The caller paces. */
  private async runNode(scope: RunScope, node: PlanNode, preset?: Readonly<Record<string, unknown>>, lane?: Lane): Promise<void> {
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
    if (lane) lane.index = index;
    // What ran before the pause, but for the waiting node (a window's nodes may have run after it: node-window.ts).
    const kept = this.resume && index !== this.resume.waitingIndex ? this.resume.memo[index] : undefined;
    if (kept) {
      this.runs += kept.span;
      this.memo[index] = kept;
      scope.states.set(node.name, kept.outcome);
      return;
    }
    const resumesHere = this.resume?.waitingIndex === index;
    if (resumesHere) values[this.resume!.inputName] = this.resume!.answer;
    if (this.trace && node.inputs.length > 0) this.emitFor(lane, () => this.inputTrace(scope, node, values));
    const watch = this.observer?.nodeStarted({
      nodeName: node.name,
      nodeType: node.type,
      runtimeType: node.runtimeType,
      inputs: values,
      chain: scope.chain,
    });
    const ctx = new RunContext(this, scope, node, resumesHere ? this.resume!.asked : [], lane, watch);
    let outcome: NodeOutcome;
    try {
      outcome = await this.invoke(ctx, values);
      if (outcome.kind !== 'question' && !lane?.abandoned) this.checkOutputs(node, outcome);
    } catch (err) {
      if (watch && err instanceof NodeFailure) watch.failed(err.error);
      throw err;
    }
    if (outcome.kind === 'question') {
      watch?.paused(outcome.text);
      throw new Paused(node.name, node.runtimeType, outcome.text, index);
    }
    if (lane?.abandoned) return; // the run ended before this node's turn: nothing of it is kept
    watch?.ended(outcome);
    // The runs a Loop's body made; a node of a window has none (the runs since are other nodes': node-window.ts).
    this.memo[index] = { outcome, span: lane ? 0 : this.runs - index - 1 };
    scope.states.set(node.name, outcome);
    if (this.trace) this.traceOutcome(node, outcome, lane, ctx);
  }

  private async invoke(context: RunContext, values: Record<string, unknown>): Promise<NodeOutcome> {
    const { node } = context;
    const startedAt = this.progress ? this.clock.monotonicMs() : 0;
    try {
      let outcome: NodeOutcome | undefined;
      try {
        outcome = await node.runner.run(context, values);
      } catch (err) {
        if (!(err instanceof FaultAfterLatency)) throw err;
      }
      // An injected latency (call-faults.ts): the node's result, or its injected error, comes after it.
      const fault = context.fault;
      if (fault?.latencyMs) await this.delay(fault.latencyMs);
      if (fault?.error) throw new NodeFailure(node.name, fault.error);
      if (!outcome) throw internal(`Node ${node.name} ended without an outcome.`);
      if (this.progress) logNodeRun(this.progress, node, this.clock.monotonicMs() - startedAt, outcome);
      return outcome;
    } catch (err) {
      if (this.progress) logNodeRun(this.progress, node, this.clock.monotonicMs() - startedAt, { failed: failureName(err) });
      if (err instanceof NodeFailure || err instanceof Paused || err instanceof Aborted) throw err;
      if (err instanceof AwsError) throw new NodeFailure(node.name, err);
      throw new NodeFailure(node.name, internal(`Node ${node.name} failed: ${(err as Error).message}`));
    } finally {
      if (context.stop) this.stops.delete(context.stop);
    }
  }

  onStop(stop: () => void): void {
    if (this.signal.aborted) return stop();
    this.stops.add(stop);
    this.signal.onStop = this.stopAll;
  }

  private readonly stopAll = (): void => {
    for (const stop of this.stops) stop();
    this.stops.clear();
  };

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
    if (!collector) return;
    const wait = this.pace();
    if (wait) await wait;
    await this.runNode(scope, collector, { arrayItem: gathered });
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
    if (this.clock.monotonicMs() > this.deadline) {
      const seconds = this.env.limits.maxRunMs / 1000;
      throw new NodeFailure(undefined, validationException(`The flow run exceeded its time limit of ${seconds} seconds.`), true);
    }
  }

  /**
   * The execution role's check of one downstream call, then the fault rules' (call-faults.ts): at most one fault per
   * node run, so a model behind an inference profile (one call, several ARNs checked) uses up one match.
   */
  authorize(node: PlanNode, action: string, resource: string, ctx?: RunContext): void {
    const { roleArn, flowArn, flowAliasArn, authorizer, executionId, faults } = this.env;
    const request = { roleArn, action, resource, flowArn, flowAliasArn, executionId, nodeName: node.name };
    const watch = ctx?.watch;
    const decision = authorizer.authorizeNodeCall(request);
    if (watch && decision.detail) watch.decision(decision.detail);
    if (!decision.allowed) throw new NodeFailure(node.name, accessDenied(decision.message ?? denialMessage(request)));
    if (!faults || !ctx || ctx.fault) return;
    const fault = faults.forCall(action, resource);
    if (!fault) return;
    ctx.fault = fault;
    watch?.fault({
      ruleId: fault.ruleId,
      action,
      resource,
      ...(fault.error ? { error: { type: fault.error.type, message: fault.error.message } } : {}),
      ...(fault.latencyMs ? { latencyMs: fault.latencyMs } : {}),
    });
    if (fault.error) throw fault.latencyMs ? new FaultAfterLatency() : new NodeFailure(node.name, fault.error);
  }

  /** A timer, not a busy wait; a stopped run (client gone, StopFlowExecution, shutdown) ends it at once. */
  private delay(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const stop = () => {
        clearTimeout(timer);
        this.stops.delete(stop);
        resolve();
      };
      const timer = setTimeout(stop, ms);
      this.onStop(stop);
    }).then(() => {
      if (this.signal.aborted) throw new Aborted();
    });
  }

  /**
   * Reports a node's call: to the run's observer (run records) always, and as the action trace when the run is
   * traced. The call is built (and its request id drawn) now, before the node's first wait: with a seed, ids follow
   * the nodes' start order (node-window.ts); an untraced run draws none. Its timestamp, taken when it is delivered,
   * is the one the node's output trace repeats (as in AWS's, docs/behaviour.md#traces).
   */
  action(
    node: PlanNode,
    report: NodeAction | ((requestId: string) => NodeAction),
    lane: Lane | undefined,
    watch: NodeObserver | undefined,
    stamp: (at: string) => void,
  ): void {
    if (!this.trace && !watch) return;
    const call = typeof report === 'function' ? report(this.trace ? this.env.ids.uuid() : '') : report;
    watch?.call(call);
    if (!this.trace) return;
    const requestId = call.requestId || this.env.ids.uuid();
    this.emitFor(lane, () => {
      const timestamp = this.now();
      stamp(timestamp);
      return { kind: 'nodeAction', nodeName: node.name, timestamp, ...call, requestId };
    });
  }

  dependency(node: PlanNode, build: () => readonly AgentTracePart[], lane: Lane | undefined): void {
    if (!this.trace) return;
    // Built now (its ids drawn before the node's first wait), stamped when delivered: each part's eventTime is the
    // trace's own time, so a run draws no more clock readings than it delivers events.
    const parts = build();
    this.emitFor(lane, () => {
      const timestamp = this.now();
      const agentTraces = parts.map((part) => ({ ...part, eventTime: timestamp }));
      return { kind: 'nodeDependency', nodeName: node.name, timestamp, agentTraces };
    });
  }

  flowOutput(node: PlanNode, document: unknown, lane?: Lane): void {
    this.emitFor(lane, () => ({ kind: 'flowOutput', nodeName: node.name, nodeType: node.runtimeType, timestamp: this.now(), document }));
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

  private outputTrace(node: PlanNode, values: Readonly<Record<string, unknown>>, timestamp = this.now()): FlowEvent {
    const fields = node.outputs
      .filter((o) => values[o.name] !== undefined)
      .map((o) => ({ name: o.name, type: o.type, value: values[o.name], next: o.next }));
    return { kind: 'nodeOutput', nodeName: node.name, timestamp, fields };
  }

  private traceOutcome(node: PlanNode, outcome: NodeOutcome, lane: Lane | undefined, ctx: RunContext): void {
    if (outcome.kind === 'branch') {
      this.emitFor(lane, () => ({
        kind: 'conditionResult',
        nodeName: node.name,
        timestamp: this.now(),
        satisfiedConditions: [outcome.condition],
      }));
    } else if (outcome.kind === 'outputs' && node.outputs.length > 0) {
      this.emitFor(lane, () => this.outputTrace(node, outcome.outputs, ctx.actionAt ?? this.now()));
    }
  }
}

/** What one node run may do; handed to its runner. */
class RunContext implements NodeContext {
  /** When the node's last action trace was emitted: its output trace carries the same time. */
  actionAt: string | undefined;
  /** What the node registered to stop its wait. */
  stop: (() => void) | undefined;
  /** The fault a rule injected into this node's call, if one did. */
  fault: CallFault | undefined;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly scope: RunScope,
    readonly node: PlanNode,
    readonly asked: readonly string[],
    private readonly lane: Lane | undefined,
    readonly watch: NodeObserver | undefined,
  ) {}

  get env() {
    return this.scheduler.env;
  }

  get entry() {
    return this.scope.entry;
  }

  authorize(action: string, resource: string): void {
    this.scheduler.authorize(this.node, action, resource, this);
  }

  onStop(stop: () => void): void {
    this.stop = stop;
    if (this.lane) this.lane.stop = stop;
    this.scheduler.onStop(stop);
  }

  action(call: NodeAction | ((requestId: string) => NodeAction)): void {
    this.scheduler.action(this.node, call, this.lane, this.watch, (at) => {
      this.actionAt = at;
    });
  }

  record(call: NodeAction | (() => NodeAction)): void {
    if (this.watch) this.watch.call(typeof call === 'function' ? call() : call);
  }

  dependency(build: () => readonly AgentTracePart[]): void {
    this.scheduler.dependency(this.node, build, this.lane);
  }

  emitFlowOutput(document: unknown): void {
    this.scheduler.flowOutput(this.node, document, this.lane);
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
