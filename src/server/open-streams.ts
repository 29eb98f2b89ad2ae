/**
 * The InvokeFlow streams being written right now, so that shutdown can end each one with an exception frame: a
 * stream that just stops looks like success to the SDK (its `for await` ends without an event or an error).
 */
export class OpenStreams {
  private readonly cuts = new Set<() => void>();

  get size(): number {
    return this.cuts.size;
  }

  /** `cut` ends the stream with an exception frame; the returned function forgets it once it ended by itself. */
  add(cut: () => void): () => void {
    this.cuts.add(cut);
    return () => this.cuts.delete(cut);
  }

  /** Ends every open stream; returns how many there were. */
  cutAll(): number {
    const cuts = [...this.cuts];
    this.cuts.clear();
    for (const cut of cuts) cut();
    return cuts.length;
  }
}
