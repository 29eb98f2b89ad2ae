/**
 * Nodes of one step list running at once, for an alias whose concurrencyConfiguration allows it
 * (docs/behaviour.md#concurrent-nodes). Nodes *start* in a fixed order (startOrder), each once its sources have run
 * and a slot is free, so run indices, skip decisions and the ids a node draws as it starts never depend on timing.
 * Their events are *delivered* in plan order: the earliest unfinished node (the head) emits at once, a later one keeps its
 * events (unstamped) until every node before it has ended. A failure or question ends the run where a
 * one-at-a-time run would have ended it: at the earliest node in plan order that failed, once the nodes before it
 * have ended. So a run's events are the same whatever the timing, and those of a one-at-a-time run but for the
 * seeded ids when the start order differs; the wall time and the calls of nodes after a failure differ.
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
  /** Its run index, once it started (and was not skipped). */
  index: number | undefined;
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
  /** Drops a node run's memo entry: a paused run's checkpoint keeps only what was delivered. */
  forget(index: number): void;
}

/**
 * The order a window starts its nodes in: by depth (a node after every source it has in the window), plan order
 * among equals. Fixed by the definition, so run indices and seeded ids do not depend on timing; branches declared
 * one after the other still start side by side.
 */
export function startOrder(nodes: readonly PlanNode[]): readonly PlanNode[] {
  const depth = new Map<string, number>();
  for (const node of nodes) {
    let d = 0;
    for (const source of sourcesOf(node)) d = Math.max(d, (depth.get(source) ?? -1) + 1);
    depth.set(node.name, d);
  }
  return nodes
    .map((node, position) => ({ node, position, depth: depth.get(node.name)! }))
    .sort((a, b) => a.depth - b.depth || a.position - b.position)
    .map((entry) => entry.node);
}

function sourcesOf(node: PlanNode): string[] {
  return [...node.inputs.map((i) => i.source.node), ...node.gates.map((g) => g.node)];
}

/** Runs consecutive nodes of a step list (plan order), up to `limit` at once. */
export class NodeWindow {
  /** In plan order; `head` is the first not yet delivered. */
  private readonly lanes: Lane[];
  private readonly byName = new Map<string, Lane>();
  private head = 0;
  private running = 0;
  private failure: { readonly error: unknown } | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly host: WindowHost,
    private readonly limit: number,
    private readonly nodes: readonly PlanNode[],
  ) {
    this.lanes = nodes.map((node) => new Lane(node));
    for (const lane of this.lanes) this.byName.set(lane.node.name, lane);
    if (this.lanes[0]) this.lanes[0].pending = null;
  }

  /** Runs every node; throws the failure of the earliest node in plan order that failed, once those before it ended. */
  async run(scope: RunScope): Promise<void> {
    try {
      for (const node of startOrder(this.nodes)) {
        const lane = this.byName.get(node.name)!;
        while (this.blocked(lane)) await this.changed();
        const failed = this.failedSource(lane);
        if (failed) {
          // It can never run; a failure before it in plan order ends the run first.
          this.running++;
          this.end(lane, failed);
          continue;
        }
        const wait = this.host.pace();
        if (wait) await wait;
        this.check();
        this.running++;
        void this.host.start(scope, node, lane).then(
          () => this.end(lane, undefined),
          (error: unknown) => this.end(lane, { error }),
        );
      }
      while (this.head < this.lanes.length) {
        this.check();
        await this.changed();
      }
      this.check();
    } finally {
      this.abandon();
    }
  }

  /** The run ends early (a failure, a stop): nodes still running are told to stop and report nothing more. */
  private abandon(): void {
    for (let i = this.head; i < this.lanes.length; i++) {
      const lane = this.lanes[i]!;
      lane.abandoned = true;
      lane.pending = [];
      if (lane.index !== undefined) this.host.forget(lane.index);
      lane.stop?.();
    }
    this.head = this.lanes.length;
  }

  /** Waits while all slots are taken or a source of the node still runs. */
  private blocked(lane: Lane): boolean {
    this.check();
    if (this.running >= this.limit) return true;
    return sourcesOf(lane.node).some((name) => {
      const source = this.byName.get(name);
      return source !== undefined && !source.ended;
    });
  }

  private failedSource(lane: Lane): { readonly error: unknown } | undefined {
    for (const name of sourcesOf(lane.node)) {
      const failure = this.byName.get(name)?.failure;
      if (failure) return failure;
    }
    return undefined;
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

  /** Delivers the ended nodes at the head, in plan order, and hands the head to the next one. */
  private deliverEnded(): void {
    try {
      while (!this.failure && this.lanes[this.head]?.ended) {
        const lane = this.lanes[this.head]!;
        if (lane.failure) {
          this.failure = lane.failure;
          return;
        }
        const next = this.lanes[++this.head];
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
