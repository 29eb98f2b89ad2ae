/**
 * Nodes of one step list running at once, for an alias whose concurrencyConfiguration allows it
 * (docs/behaviour.md#concurrent-nodes). Nodes *start* in plan order, each once its sources have run and a slot is
 * free, so run indices, skip decisions and the ids a node draws as it starts are those of a one-at-a-time run. Their
 * events are *delivered* in plan order: the earliest unfinished node (the head) emits at once, a later one keeps its
 * events (unstamped) until every node before it has ended. A failure or question ends the run where a
 * one-at-a-time run would have ended it: at the earliest node in plan order that failed, once the nodes before it
 * have ended. So a run's events are the same whatever the timing, and the same as with one node at a time; only
 * wall time and the calls of nodes after a failure differ.
 */
import type { FlowEvent } from './events.js';
import type { PlanNode } from './plan.js';
import type { RunScope } from './run-state.js';

/** One node run in a window. */
export class Lane {
  /** Events waiting for the nodes before this one, built when delivered (their timestamps then); null once head. */
  pending: (() => FlowEvent)[] | null = [];
  /** The run ended before this node's turn: what it still does is not reported. */
  abandoned = false;
  /** What stops the node's wait (an InlineCode child), if it registered one. */
  stop: (() => void) | undefined;
  ended = false;
  failure: { readonly error: unknown } | undefined;

  constructor(readonly node: PlanNode) {}
}

/** What the window needs from the scheduler. */
export interface WindowHost {
  /** Starts the node: synchronously up to its first wait (index, skip decision, input trace, the runner's start). */
  start(scope: RunScope, node: PlanNode, lane: Lane): Promise<void>;
  /** Resolves when the run may go on (the reader caught up, the event loop had its turn), or undefined at once. */
  pace(): Promise<void> | undefined;
  /** Delivers one event (may throw: the run's byte cap). */
  deliver(event: FlowEvent): void;
}

export class NodeWindow {
  /** Started and not yet delivered, in plan order; the first is the head. */
  private readonly lanes: Lane[] = [];
  private readonly byName = new Map<string, Lane>();
  private running = 0;
  private failure: { readonly error: unknown } | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly host: WindowHost,
    private readonly limit: number,
  ) {}

  /** Starts the node once its sources in this window have run and fewer than `limit` nodes run. */
  async admit(scope: RunScope, node: PlanNode): Promise<void> {
    while (this.blocked(node)) await this.changed();
    const wait = this.host.pace();
    if (wait) await wait;
    this.check();
    const lane = new Lane(node);
    if (this.lanes.length === 0) lane.pending = null;
    this.lanes.push(lane);
    this.byName.set(node.name, lane);
    this.running++;
    void this.host.start(scope, node, lane).then(
      () => this.end(lane, undefined),
      (error: unknown) => this.end(lane, { error }),
    );
  }

  /** Waits for every started node to end and be delivered; throws the run's failure, if any. */
  async drain(): Promise<void> {
    while (this.lanes.length > 0) {
      this.check();
      await this.changed();
    }
    this.check();
  }

  /** The run ends early (a failure, a stop): nodes still running are told to stop and report nothing more. */
  abandon(): void {
    for (const lane of this.lanes) {
      lane.abandoned = true;
      lane.pending = [];
      lane.stop?.();
    }
    this.lanes.length = 0;
  }

  private blocked(node: PlanNode): boolean {
    this.check();
    if (this.running >= this.limit) return true;
    for (const input of node.inputs) if (this.unfinished(input.source.node)) return true;
    for (const gate of node.gates) if (this.unfinished(gate.node)) return true;
    return false;
  }

  /** A source still running, or one that failed (its failure surfaces in plan order: wait for it). */
  private unfinished(name: string): boolean {
    const lane = this.byName.get(name);
    return lane !== undefined && (!lane.ended || lane.failure !== undefined);
  }

  private check(): void {
    if (this.failure) throw this.failure.error;
  }

  private changed(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  private end(lane: Lane, failure: { readonly error: unknown } | undefined): void {
    this.running--;
    lane.ended = true;
    lane.failure = failure;
    if (!lane.abandoned) this.deliverEnded();
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** Delivers the ended nodes at the head, in order, and hands the head to the next one. */
  private deliverEnded(): void {
    try {
      while (!this.failure && this.lanes[0]?.ended) {
        const lane = this.lanes.shift()!;
        if (lane.failure) {
          this.failure = lane.failure;
          return;
        }
        const next = this.lanes[0];
        if (next?.pending) {
          const pending = next.pending;
          next.pending = null;
          for (const build of pending) this.host.deliver(build());
        }
      }
    } catch (error) {
      this.failure = { error };
    }
  }
}
