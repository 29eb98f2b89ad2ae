/**
 * The last authorization decisions, for GET /_emulator/decisions: a ring buffer, so memory stays bounded. Every
 * decision of every request lands here (an InvokeFlow makes one per node call), so adding one only keeps the
 * evaluator's result; the readable record is built when somebody asks for the list.
 */
import type { Decision } from '../iam/index.js';

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
  /** An execution role's decision: the run (GET /_emulator/runs/{executionId}) and node it was made for. */
  executionId?: string;
  nodeName?: string;
}

interface Entry {
  at: number;
  principal: string;
  action: string;
  resource: string;
  decision: Decision;
  enforced: boolean;
  executionId: string | undefined;
  nodeName: string | undefined;
}

export class DecisionLog {
  private readonly entries: Entry[] = [];
  private next = 0;

  constructor(private readonly capacity = 1000) {}

  add(
    principal: string,
    action: string,
    resource: string,
    decision: Decision,
    enforced: boolean,
    executionId?: string,
    nodeName?: string,
  ): void {
    const entry: Entry = { at: Date.now(), principal, action, resource, decision, enforced, executionId, nodeName };
    if (this.entries.length < this.capacity) this.entries.push(entry);
    else this.entries[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
  }

  /** Oldest first. */
  list(): DecisionRecord[] {
    const ordered =
      this.entries.length < this.capacity ? this.entries : [...this.entries.slice(this.next), ...this.entries.slice(0, this.next)];
    return ordered.map(record);
  }

  clear(): void {
    this.entries.length = 0;
    this.next = 0;
  }
}

function record(e: Entry): DecisionRecord {
  return {
    time: new Date(e.at).toISOString(),
    principal: e.principal,
    action: e.action,
    resource: e.resource,
    decision: e.decision.decision,
    enforced: e.enforced,
    explanation: explanation(e.decision),
    ...(e.executionId !== undefined ? { executionId: e.executionId } : {}),
    ...(e.nodeName !== undefined ? { nodeName: e.nodeName } : {}),
  };
}

function explanation(decision: Decision): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (decision.decidedBy) out.statement = decision.decidedBy;
  if (decision.deniedBy) out.deniedBy = decision.deniedBy;
  out.contextKeysRead = decision.contextKeysRead;
  if (decision.note) out.note = decision.note;
  return out;
}
