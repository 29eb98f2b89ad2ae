/**
 * One fault rule, checked and made ready to match (docs/faults.md). A rule matches either requests (by `operation`,
 * narrowed by caller, resource and region) or what a flow's nodes call (a model, a Lambda function, a knowledge
 * base, an agent alias, a bucket); its effect is an AWS error of a kind that place can answer, added latency, or both.
 */
import type { FaultRuleFixture } from '../fixtures/schema.js';
import { OPERATIONS, type OperationName } from '../generated/operations.js';
import { INJECTABLE_ERRORS } from '../protocol/errors.js';

export const CALL_TARGETS = ['model', 'lambda', 'knowledgeBase', 'agentAlias', 'bucket'] as const;
export type CallTarget = (typeof CALL_TARGETS)[number];

/**
 * Errors every operation may answer though its model does not list them: AWS's common errors
 * (https://docs.aws.amazon.com/bedrock/latest/APIReference/CommonErrors.html); the SDKs retry it as transient.
 */
const COMMON_ERRORS = ['ServiceUnavailableException'];

export interface FaultRule {
  readonly id: string;
  readonly spec: FaultRuleFixture;
  /** `request`: matched in the server pipeline; `call`: matched where a node calls another service. */
  readonly kind: 'request' | 'call';
  readonly target?: { readonly key: CallTarget; readonly value: string };
  /** Matches left; undefined: unlimited. */
  remaining: number | undefined;
  readonly fromMs: number | undefined;
  readonly untilMs: number | undefined;
  /** How many times it was applied. */
  applied: number;
}

/** A rule that cannot mean anything: the reason, as a sentence for a FixtureError. */
export class FaultRuleError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(reason);
  }
}

function time(spec: FaultRuleFixture, key: 'from' | 'until'): number | undefined {
  const text = spec[key];
  if (text === undefined) return undefined;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new FaultRuleError(key, `'${text}' is not an ISO-8601 time`);
  return ms;
}

/** Checks what the schema cannot (one kind of target, an error that place can answer) and compiles the rule. */
export function compileFaultRule(spec: FaultRuleFixture, id: string, nowMs: number): FaultRule {
  const targets = CALL_TARGETS.filter((key) => spec[key] !== undefined);
  if (spec.operation === undefined && targets.length === 0) {
    throw new FaultRuleError('$', `a fault rule names an operation or what a node calls (${CALL_TARGETS.join(', ')})`);
  }
  if (spec.operation !== undefined && targets.length > 0) {
    throw new FaultRuleError(targets[0]!, 'a fault rule matches either an operation or what a node calls, not both');
  }
  if (targets.length > 1) throw new FaultRuleError(targets[1]!, `a fault rule matches one kind of call, not ${targets.join(' and ')}`);
  if (targets.length > 0) {
    const narrowing = (['caller', 'resource', 'region'] as const).find((key) => spec[key] !== undefined);
    if (narrowing) throw new FaultRuleError(narrowing, `${narrowing} narrows an operation rule; a node's call is matched by ${targets[0]}`);
  }
  if (spec.error === undefined && spec.latencyMs === undefined)
    throw new FaultRuleError('$', 'a fault rule needs an error, a latencyMs, or both');
  if (spec.message !== undefined && spec.error === undefined)
    throw new FaultRuleError('message', 'message is the text of an error: set error too');
  if (spec.until !== undefined && spec.durationMs !== undefined)
    throw new FaultRuleError('durationMs', 'give until or durationMs, not both');
  if (spec.operation !== undefined) checkOperationError(spec.operation, spec.error);
  else if (spec.error !== undefined) checkCallError(spec.error);
  const fromMs = time(spec, 'from');
  const untilMs = spec.durationMs !== undefined ? (fromMs ?? nowMs) + spec.durationMs : time(spec, 'until');
  if (fromMs !== undefined && untilMs !== undefined && untilMs <= fromMs) throw new FaultRuleError('until', 'until is not after from');
  const key = targets[0];
  return {
    id,
    spec,
    kind: key ? 'call' : 'request',
    ...(key ? { target: { key, value: spec[key]! } } : {}),
    remaining: spec.count,
    fromMs,
    untilMs,
    applied: 0,
  };
}

function checkOperationError(operation: string, error: string | undefined): void {
  const spec = Object.hasOwn(OPERATIONS, operation) ? OPERATIONS[operation as OperationName] : undefined;
  if (!spec) throw new FaultRuleError('operation', `'${operation}' is not an operation of bedrock-agent or bedrock-agent-runtime`);
  if (error === undefined) return;
  const declared = [...spec.errors, ...COMMON_ERRORS].filter((e) => Object.hasOwn(INJECTABLE_ERRORS, e));
  if (!declared.includes(error))
    throw new FaultRuleError('error', `${operation} does not answer ${error}; it answers ${declared.join(', ')}`);
}

/** What InvokeFlow's stream can carry for a failed downstream call (its output union, api-shapes: InvokeFlow). */
function checkCallError(error: string): void {
  const inStream = Object.keys(INJECTABLE_ERRORS).filter((e) => INJECTABLE_ERRORS[e]!.inStream);
  if (!inStream.includes(error)) {
    throw new FaultRuleError(
      'error',
      `a node's call can fail with ${inStream.join(', ')} (InvokeFlow's in-stream exceptions), not ${error}`,
    );
  }
}
