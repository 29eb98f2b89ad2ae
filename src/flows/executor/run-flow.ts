/**
 * One run of a flow: Bedrock assumes the execution role, then the plan runs from the Input node. Events go to the
 * sink as they happen; the result says how the run ended. A run shares nothing mutable with other runs except
 * the world it acts on (S3 objects a Storage node writes).
 */
import { accessDenied, dependencyFailed, type AwsError } from '../../protocol/errors.js';
import type { ScopePlan } from './plan.js';
import type { RunEnvironment } from './run-environment.js';
import { RunScope } from './run-state.js';
import { Aborted, NodeFailure, Paused, type StopSignal } from './run-signals.js';
import { Scheduler, type MemoEntry, type Resume, type RunOutput } from './scheduler.js';

export type { RunOutput };

export interface RunRequest {
  readonly plan: ScopePlan;
  readonly env: RunEnvironment;
  /** The content of the flow input (the Input node's `document`). */
  readonly document: unknown;
  /** Emit trace events (node inputs and outputs, condition results, downstream calls). */
  readonly trace: boolean;
  /** Checked between nodes: the client went away, or the execution was stopped. */
  readonly signal: StopSignal;
  readonly resume?: Resume;
}

export type RunResult =
  | { readonly kind: 'completed' }
  | {
      readonly kind: 'paused';
      readonly nodeName: string;
      readonly nodeType: string;
      readonly question: string;
      readonly memo: readonly (MemoEntry | undefined)[];
      readonly waitingIndex: number;
      /** Every question the waiting node asked in this exchange, this one last. */
      readonly asked: readonly string[];
    }
  | { readonly kind: 'failed'; readonly nodeName?: string; readonly error: AwsError; readonly timedOut: boolean }
  | { readonly kind: 'aborted' };

/** `output.sink` gets the events as they happen; see RunOutput for the bounds it sets. */
export async function runFlow(request: RunRequest, output: RunOutput): Promise<RunResult> {
  const { env } = request;
  const roleFailure = assumeRole(env);
  if (roleFailure) return { kind: 'failed', error: roleFailure, timedOut: false };
  const scheduler = new Scheduler(env, output, request.trace, request.signal, request.resume);
  const top = new RunScope(request.plan, undefined, [], { document: request.document });
  try {
    await scheduler.runSteps(top, request.plan.steps);
    return { kind: 'completed' };
  } catch (err) {
    if (err instanceof Paused) {
      const before = request.resume?.waitingIndex === err.index ? request.resume.asked : [];
      return {
        kind: 'paused',
        nodeName: err.nodeName,
        nodeType: err.nodeType,
        question: err.question,
        memo: scheduler.memo,
        waitingIndex: err.index,
        asked: [...before, err.question],
      };
    }
    if (err instanceof NodeFailure) {
      return { kind: 'failed', ...(err.nodeName ? { nodeName: err.nodeName } : {}), error: err.error, timedOut: err.timedOut };
    }
    if (err instanceof Aborted) return { kind: 'aborted' };
    throw err;
  }
}

/**
 * Bedrock assumes the execution role (the authorizer decides, as PrepareFlow's check does). When it cannot: an
 * accessDeniedException if the role does not exist, else STS's failure (docs/behaviour.md#failures-during-a-run).
 */
function assumeRole(env: RunEnvironment): AwsError | undefined {
  const assumed = env.authorizer.assumeRole(env.roleArn, env.flowArn);
  if (assumed.ok) return undefined;
  return env.universe.roles.has(env.roleArn) ? dependencyFailed(assumed.message, 'STS') : accessDenied(assumed.message);
}
