/**
 * The `python3` children of one emulator: at most `maxRunning` at once, up to `maxWaiting` more runs queued for a
 * slot, and the rest refused. Each emulator owns one, so that its close() ends its own children and no others.
 * A child outliving its run would keep burning CPU: cancelling a run, its timeout and close() all kill it.
 */
import type { Clock } from '../world/clock.js';
import { startPython, type PythonChild, type PythonLimits, type PythonResult } from './inline-python.js';

export interface PythonProcessLimits {
  /** Children running at once. */
  maxRunning: number;
  /** Runs waiting for a free child slot; more are refused at once. */
  maxWaiting: number;
}

export const DEFAULT_PYTHON_PROCESS_LIMITS: PythonProcessLimits = { maxRunning: 4, maxWaiting: 64 };

/** Why a run never got a child: the queue was full, or the emulator is stopping. */
export type PoolRefusal = { readonly ok: false; readonly reason: 'busy' | 'stopped'; readonly message: string };

export type PooledResult = PythonResult | PoolRefusal;

/** Lets the caller stop a run it started (the flow run was cancelled): call the returned function. */
export type OnCancel = (cancel: () => void) => void;

interface Waiter {
  start(): void;
  refuse(r: PoolRefusal): void;
}

export class PythonProcesses {
  private readonly live = new Set<PythonChild>();
  private readonly waiting = new Set<Waiter>();
  private closed = false;
  /** Registered only while children live: process.exit() (the CLI's drain deadline) must not leave them behind. */
  private readonly killOnExit = () => this.killAll('The emulator process is exiting.');

  constructor(
    private readonly clock: Clock,
    readonly limits: PythonProcessLimits = DEFAULT_PYTHON_PROCESS_LIMITS,
  ) {}

  /** Process ids of the children running now. */
  get pids(): number[] {
    return [...this.live].flatMap((c) => (c.pid === undefined ? [] : [c.pid]));
  }

  get queued(): number {
    return this.waiting.size;
  }

  /**
   * Runs the code in a child as soon as a slot is free. The timeout counts from this call, so that a queued run
   * waits no longer than a running one may run.
   */
  run(code: string, variables: Readonly<Record<string, unknown>>, limits: PythonLimits, onCancel?: OnCancel): Promise<PooledResult> {
    if (this.closed) return Promise.resolve(STOPPED);
    if (this.live.size < this.limits.maxRunning) return this.spawn(code, variables, limits, onCancel);
    if (this.waiting.size >= this.limits.maxWaiting) {
      const { maxRunning, maxWaiting } = this.limits;
      return Promise.resolve({
        ok: false,
        reason: 'busy',
        message: `${maxRunning} InlineCode runs are running and ${maxWaiting} are waiting, the most this emulator allows.`,
      });
    }
    const queuedAt = this.clock.monotonicMs();
    return new Promise<PooledResult>((resolve) => {
      const dequeue = () => {
        clearTimeout(timer);
        this.waiting.delete(waiter);
      };
      const leave = (r: PooledResult) => {
        dequeue();
        resolve(r);
      };
      const waiter: Waiter = {
        start: () => {
          dequeue();
          const left = Math.max(1, limits.timeoutMs - (this.clock.monotonicMs() - queuedAt));
          resolve(this.spawn(code, variables, { ...limits, timeoutMs: left }, onCancel, limits.timeoutMs));
        },
        refuse: leave,
      };
      const timer = setTimeout(
        () =>
          leave({
            ok: false,
            reason: 'timeout',
            message: `The code did not start within ${limits.timeoutMs / 1000} seconds: every python3 slot was busy.`,
          }),
        limits.timeoutMs,
      );
      this.waiting.add(waiter);
      onCancel?.(() => leave({ ok: false, reason: 'cancelled', message: 'The run was cancelled.' }));
    });
  }

  /** Kills every child and refuses every queued and later run; resolves once the killed children have exited. */
  close(): Promise<void> {
    this.closed = true;
    const children = [...this.live];
    this.killAll('The emulator is stopping.');
    return Promise.all(children.map((child) => child.exited)).then(() => undefined);
  }

  private killAll(message: string): void {
    for (const waiter of [...this.waiting]) waiter.refuse({ ...STOPPED, message });
    for (const child of [...this.live]) child.cancel('stopped', message);
  }

  private spawn(
    code: string,
    variables: Readonly<Record<string, unknown>>,
    limits: PythonLimits,
    onCancel: OnCancel | undefined,
    timeoutShown = limits.timeoutMs,
  ): Promise<PooledResult> {
    let child: PythonChild;
    try {
      child = startPython(code, variables, limits);
    } catch (err) {
      this.next(); // the slot this run would have used is still free
      return Promise.resolve({ ok: false, reason: 'error', message: (err as Error).message });
    }
    if (this.live.size === 0) process.on('exit', this.killOnExit);
    this.live.add(child);
    onCancel?.(() => child.cancel('cancelled', 'The run was cancelled.'));
    return child.result.then((r) => {
      this.live.delete(child);
      if (this.live.size === 0) process.off('exit', this.killOnExit);
      this.next();
      // A queued run's timeout message names the node's whole limit, not what was left of it.
      return r.ok || r.reason !== 'timeout' ? r : { ...r, message: `The code did not finish within ${timeoutShown / 1000} seconds.` };
    });
  }

  private next(): void {
    const first = this.waiting.values().next();
    if (!first.done && !this.closed) first.value.start();
  }
}

const STOPPED: PoolRefusal = { ok: false, reason: 'stopped', message: 'The emulator is stopping.' };
