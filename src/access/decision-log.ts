/** The last authorization decisions, for GET /_emulator/decisions: a ring buffer, so memory stays bounded. */
export interface DecisionRecord {
  time: string;
  principal: string;
  action: string;
  resource: string;
  decision: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';
  /** What the emulator did with it: `audit` mode allows would-be denials. */
  enforced: boolean;
  /** The deciding policy and statement, and the context keys the conditions read. */
  explanation: Record<string, unknown>;
}

export class DecisionLog {
  private readonly entries: DecisionRecord[] = [];
  private next = 0;

  constructor(private readonly capacity = 1000) {}

  add(record: DecisionRecord): void {
    if (this.entries.length < this.capacity) this.entries.push(record);
    else this.entries[this.next] = record;
    this.next = (this.next + 1) % this.capacity;
  }

  /** Oldest first. */
  list(): DecisionRecord[] {
    return this.entries.length < this.capacity
      ? [...this.entries]
      : [...this.entries.slice(this.next), ...this.entries.slice(0, this.next)];
  }

  clear(): void {
    this.entries.length = 0;
    this.next = 0;
  }
}
