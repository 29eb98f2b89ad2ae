/**
 * The last authorization decisions, for GET /_emulator/decisions: a ring buffer, so memory stays bounded. Every
 * decision of every request lands here (an InvokeFlow makes one per node call), so adding one only keeps the
 * evaluator's result; the readable record is built when somebody asks for the list.
 */
import { explainDenial, type AuthorizationRequest, type Decision, type DenialExplanation } from '../iam/index.js';
import type { Clock } from '../world/clock.js';

export interface DecisionRecord {
  time: string;
  principal: string;
  action: string;
  resource: string;
  decision: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';
  /** What the emulator did with it: `audit` mode allows would-be denials. */
  enforced: boolean;
  /**
   * The deciding policy and statement, and the context keys the conditions read; for a denial also `why` (in a
   * user's terms: src/iam/explain.ts) and `fix`, the smallest statement that would allow the request.
   */
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
  denial: DenialExplanation | undefined;
  executionId: string | undefined;
  nodeName: string | undefined;
}

export class DecisionLog {
  private readonly entries: Entry[] = [];
  private next = 0;

  constructor(
    /** The emulator's clock: a decision is stamped with its wall time (real, also under a seed, as requests are). */
    private readonly clock: Clock,
    private readonly capacity = 1000,
  ) {}

  /**
   * Records the decision on `request`. A denial is explained, and the explanation returned for the caller's
   * message and log line; an Allow is not: the walk over the policies costs more than the decision did.
   */
  record(
    request: AuthorizationRequest,
    decision: Decision,
    enforced: boolean,
    extra?: { executionId?: string; nodeName?: string },
  ): DenialExplanation | undefined {
    const denial = decision.decision === 'Allow' ? undefined : explainDenial(request, decision);
    const entry: Entry = {
      at: this.clock.epochMs(),
      principal: request.principal.arn,
      action: request.action,
      resource: request.resource,
      decision,
      enforced,
      denial,
      executionId: extra?.executionId,
      nodeName: extra?.nodeName,
    };
    if (this.entries.length < this.capacity) this.entries.push(entry);
    else this.entries[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
    return denial;
  }

  /** Oldest first. */
  list(): DecisionRecord[] {
    const ordered =
      this.entries.length < this.capacity ? this.entries : [...this.entries.slice(this.next), ...this.entries.slice(0, this.next)];
    return ordered.map(record);
  }

  /** What the principals `matches` accepts asked to do, allowed or denied, oldest first (no readable records built). */
  requests(matches: (principal: string) => boolean): { action: string; resource: string }[] {
    const out: { action: string; resource: string }[] = [];
    for (const e of this.entries) if (matches(e.principal)) out.push({ action: e.action, resource: e.resource });
    return out;
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
    explanation: explanation(e.decision, e.denial),
    ...(e.executionId !== undefined ? { executionId: e.executionId } : {}),
    ...(e.nodeName !== undefined ? { nodeName: e.nodeName } : {}),
  };
}

function explanation(decision: Decision, denial: DenialExplanation | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (decision.decidedBy) out.statement = decision.decidedBy;
  if (decision.deniedBy) out.deniedBy = decision.deniedBy;
  out.contextKeysRead = decision.contextKeysRead;
  if (decision.note) out.note = decision.note;
  if (denial) {
    const { suggestion, ...why } = denial;
    out.why = why;
    out.fix = suggestion;
  }
  return out;
}
