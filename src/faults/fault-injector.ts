/**
 * The emulator's fault rules (docs/faults.md): the start-up fixtures' (restored by reset), those of fixtures loaded
 * later, and those POSTed to /_emulator/faults. The server asks it about each request after authorization
 * (src/server/pipeline.ts); flow runs ask it about each downstream call (src/flows/executor/call-faults.ts).
 * With no rules each question is one length check.
 */
import type { Logger } from 'pino';
import type { CallFault, CallFaults } from '../flows/index.js';
import { FixtureError } from '../fixtures/fixture-error.js';
import type { FaultRuleFixture } from '../fixtures/schema.js';
import { OPERATIONS, type OperationName } from '../generated/operations.js';
import { type AwsError, injectedError, internal, MODEL_THROTTLED } from '../protocol/errors.js';
import type { Clock } from '../world/clock.js';
import { seededRandom } from '../world/ids.js';
import { callMatches } from './call-match.js';
import { compileFaultRule, FaultRuleError, type FaultRule } from './fault-rule.js';

export interface RequestFacts {
  readonly operation: OperationName;
  readonly caller: string;
  readonly region: string;
  /** The ARN the request acts on; computed only when a rule names a resource. */
  resource(): string;
}

/** GET /_emulator/faults: each rule as given, with its id, the matches it has left and how often it fired. */
export interface FaultRuleView extends FaultRuleFixture {
  id: string;
  applied: number;
  remaining?: number;
}

/** Bounds what POSTs can pile up (the fixture schema allows 1,000 per document). */
const MAX_RULES = 1_000;

export class FaultInjector implements CallFaults {
  private all: readonly FaultRule[] = [];
  /** The two kinds, apart, so that each question scans only its own. */
  private requestRules: readonly FaultRule[] = [];
  private callRules: readonly FaultRule[] = [];
  private nextId = 1;
  private random: () => number;
  /** Latency timers of requests in flight: close() ends them. */
  private readonly waits = new Set<() => void>();

  constructor(
    private readonly clock: Clock,
    private readonly seed: number | undefined,
    private readonly log: Logger,
  ) {
    this.random = this.source();
  }

  /** Seeded (`--seed`), so that which calls a probability rule hits is the same on every run. */
  private source(): () => number {
    return this.seed === undefined ? Math.random : seededRandom(this.seed ^ 0x5eed_fa17);
  }

  /** Every assignment splits the rules by kind too: forRequest and forCall scan exactly the rules list() shows. */
  private get rules(): readonly FaultRule[] {
    return this.all;
  }

  private set rules(rules: readonly FaultRule[]) {
    this.all = rules;
    this.requestRules = rules.filter((r) => r.kind === 'request');
    this.callRules = rules.filter((r) => r.kind === 'call');
  }

  get hasRequestRules(): boolean {
    return this.requestRules.length > 0;
  }

  get hasCallRules(): boolean {
    return this.callRules.length > 0;
  }

  /** Back to these rules (reset: the start-up fixtures'), with counters, ids and the random sequence restarted. */
  replace(fixtures: readonly { source: string; rules: readonly FaultRuleFixture[] }[]): void {
    this.rules = [];
    this.nextId = 1;
    this.random = this.source();
    for (const { source, rules } of fixtures) this.add(rules, source, '$.faults');
  }

  /** Adds rules all or nothing; throws FixtureError naming the rule and what is wrong with it. */
  add(specs: readonly FaultRuleFixture[], source: string, path = '$.faults'): FaultRuleView[] {
    const now = this.clock.epochMs();
    const ids = new Set(this.rules.map((r) => r.id));
    const added = specs.map((spec, i) => {
      const id = spec.id ?? this.freshId(ids);
      if (ids.has(id)) throw new FixtureError(source, `${path}[${i}].id`, `a fault rule with id '${id}' exists already`);
      ids.add(id);
      try {
        return compileFaultRule(spec, id, now);
      } catch (err) {
        if (err instanceof FaultRuleError)
          throw new FixtureError(source, `${path}[${i}]${err.path === '$' ? '' : `.${err.path}`}`, err.message);
        throw err;
      }
    });
    if (this.rules.length + added.length > MAX_RULES) {
      throw new FixtureError(source, path, `the emulator keeps at most ${MAX_RULES} fault rules; DELETE /_emulator/faults clears them`);
    }
    this.rules = [...this.rules, ...added];
    return added.map(view);
  }

  private freshId(taken: ReadonlySet<string>): string {
    let id: string;
    do id = `fault-${this.nextId++}`;
    while (taken.has(id));
    return id;
  }

  /** All rules, or the one named `id`; answers whether any was removed. */
  remove(id?: string): boolean {
    const before = this.rules.length;
    this.rules = id === undefined ? [] : this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  /** The rules as given, with their ids: what a saved state keeps. */
  specs(): FaultRuleFixture[] {
    return this.rules.map((rule) => ({ ...rule.spec, id: rule.id }));
  }

  list(): FaultRuleView[] {
    return this.rules.map(view);
  }

  /** The fault for a request that passed authentication and authorization, if a rule fires for it. */
  forRequest(facts: RequestFacts): CallFault | undefined {
    if (this.requestRules.length === 0) return undefined;
    let resource: string | undefined;
    for (const rule of this.requestRules) {
      const { spec } = rule;
      if (spec.operation !== facts.operation) continue;
      if (spec.caller !== undefined && spec.caller !== facts.caller) continue;
      if (spec.region !== undefined && spec.region !== facts.region) continue;
      if (spec.resource !== undefined) {
        resource ??= safely(facts.resource);
        if (resource !== spec.resource && !resource.endsWith(`/${spec.resource}`)) continue;
      }
      if (!this.fires(rule)) continue;
      const runtime = OPERATIONS[facts.operation].service === 'bedrock-agent-runtime';
      this.log.info({ fault: rule.id, operation: facts.operation }, `fault ${rule.id}: ${describe(rule)} on ${facts.operation}`);
      return hit(rule, spec.error === undefined ? undefined : injectedError(spec.error, runtime, spec.message));
    }
    return undefined;
  }

  forCall(action: string, resource: string): CallFault | undefined {
    if (this.callRules.length === 0) return undefined;
    for (const rule of this.callRules) {
      const { key, value } = rule.target!;
      if (!callMatches(key, value, action, resource) || !this.fires(rule)) continue;
      this.log.info({ fault: rule.id, action, resource }, `fault ${rule.id}: ${describe(rule)} on ${action} ${resource}`);
      const { error, message } = rule.spec;
      if (error === undefined) return hit(rule, undefined);
      const text = message ?? (error === 'ThrottlingException' && key === 'model' ? MODEL_THROTTLED : undefined);
      return hit(rule, injectedError(error, true, text, resource));
    }
    return undefined;
  }

  /** The same rules, telling `note` which fired (the request log line of the run's request). */
  noting(note: (ruleId: string) => void): CallFaults {
    return {
      forCall: (action, resource) => {
        const fault = this.forCall(action, resource);
        if (fault) note(fault.ruleId);
        return fault;
      },
    };
  }

  /** In its window, with matches left, and (for a probability rule) drawn; a rule that fires uses up one match. */
  private fires(rule: FaultRule): boolean {
    if (rule.remaining === 0) return false;
    if (rule.fromMs !== undefined || rule.untilMs !== undefined) {
      const now = this.clock.epochMs();
      if ((rule.fromMs !== undefined && now < rule.fromMs) || (rule.untilMs !== undefined && now >= rule.untilMs)) return false;
    }
    if (rule.spec.probability !== undefined && this.random() >= rule.spec.probability) return false;
    if (rule.remaining !== undefined) rule.remaining--;
    rule.applied++;
    return true;
  }

  /**
   * A request's added latency: a timer, so the event loop runs on meanwhile. `gone` is called back if the client
   * leaves (the caller wires it to the socket's close): the wait ends at once, as does every wait on close().
   */
  wait(ms: number, onGone: (cancel: () => void) => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const end = () => {
        clearTimeout(timer);
        this.waits.delete(end);
        reject(internal('The emulator is shutting down; the request was not answered.'));
      };
      const timer = setTimeout(() => {
        this.waits.delete(end);
        resolve();
      }, ms);
      this.waits.add(end);
      onGone(end);
    });
  }

  /** Ends the latency waits of requests in flight (Emulator.close). */
  close(): void {
    for (const end of [...this.waits]) end();
  }
}

function safely(resource: () => string): string {
  try {
    return resource();
  } catch {
    return '';
  }
}

function hit(rule: FaultRule, error: AwsError | undefined): CallFault {
  const { latencyMs } = rule.spec;
  return { ruleId: rule.id, ...(error ? { error } : {}), ...(latencyMs !== undefined ? { latencyMs } : {}) };
}

function describe(rule: FaultRule): string {
  const { error, latencyMs } = rule.spec;
  return [latencyMs !== undefined ? `+${latencyMs} ms` : '', error ?? ''].filter(Boolean).join(' then ');
}

function view(rule: FaultRule): FaultRuleView {
  return { ...rule.spec, id: rule.id, applied: rule.applied, ...(rule.remaining !== undefined ? { remaining: rule.remaining } : {}) };
}
