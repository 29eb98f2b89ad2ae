/**
 * A push-fed async iterable: a run pushes as it goes, the HTTP response pulls. When the consumer stops early
 * (client gone), `onReturn` tells the producer to stop too.
 */
export class AsyncQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private ended = false;
  private waiting: ((result: IteratorResult<T>) => void) | undefined;

  constructor(private readonly onReturn: () => void) {}

  push(item: T): void {
    if (this.ended) return;
    if (this.waiting) this.resolve({ value: item, done: false });
    else this.items.push(item);
  }

  end(): void {
    this.ended = true;
    if (this.waiting) this.resolve({ value: undefined, done: true });
  }

  private resolve(result: IteratorResult<T>): void {
    const waiting = this.waiting!;
    this.waiting = undefined;
    waiting(result);
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () => {
        if (this.items.length > 0) return Promise.resolve({ value: this.items.shift()!, done: false });
        if (this.ended) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (this.waiting = resolve));
      },
      return: () => {
        this.items.length = 0;
        this.end();
        this.onReturn();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}
