/**
 * A push-fed async iterable: a run pushes as it goes, the HTTP response pulls. When the consumer stops early
 * (client gone), `onReturn` tells the producer to stop too.
 *
 * Backpressure: the queue counts the bytes it holds; above the high-water mark `drained()` hands the producer a
 * promise that settles once the reader has taken the queue back below it (or stopped reading), so a client that
 * never reads pauses the run instead of growing the heap.
 */
export class AsyncQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private ended = false;
  private waiting: ((result: IteratorResult<T>) => void) | undefined;
  private held = 0;
  private drain: { promise: Promise<void>; resolve: () => void } | undefined;

  constructor(
    private readonly onReturn: () => void,
    private readonly sizeOf: (item: T) => number = () => 0,
    private readonly highWater = Infinity,
  ) {}

  /** Bytes pushed but not yet taken by the reader. */
  get bufferedBytes(): number {
    return this.held;
  }

  push(item: T): void {
    if (this.ended) return;
    if (this.waiting) this.resolve({ value: item, done: false });
    else {
      this.items.push(item);
      this.held += this.sizeOf(item);
    }
  }

  end(): void {
    this.ended = true;
    if (this.waiting) this.resolve({ value: undefined, done: true });
    this.release();
  }

  /** Undefined while the reader keeps up (the common case costs no promise); else settles when it has caught up. */
  drained(): Promise<void> | undefined {
    if (this.held <= this.highWater || this.ended) return undefined;
    if (!this.drain) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.drain = { promise, resolve };
    }
    return this.drain.promise;
  }

  private release(): void {
    const drain = this.drain;
    this.drain = undefined;
    drain?.resolve();
  }

  private resolve(result: IteratorResult<T>): void {
    const waiting = this.waiting!;
    this.waiting = undefined;
    waiting(result);
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () => {
        if (this.items.length > 0) {
          const item = this.items.shift()!;
          this.held -= this.sizeOf(item);
          if (this.drain && this.held <= this.highWater) this.release();
          return Promise.resolve({ value: item, done: false });
        }
        if (this.ended) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (this.waiting = resolve));
      },
      return: () => {
        this.items.length = 0;
        this.held = 0;
        this.end();
        this.onReturn();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}
