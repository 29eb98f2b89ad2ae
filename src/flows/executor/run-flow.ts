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
import { Scheduler, type Resume, type RunOutput } from './scheduler.js';
import type { RunObserver } from './observer.js';
import { makeCheckpoint, readCheckpoint, type RunCheckpoint } from './checkpoint.js';

export type { RunOutput };

interface RunBase {
  readonly plan: ScopePlan;
  readonly env: RunEnvironment;
  /** Emit trace events (node inputs and outputs, condition results, downstream calls). */
  readonly trace: boolean;
  /** Checked between nodes: the client went away, or the execution was stopped. */
  readonly signal: StopSignal;
  /** Sees every node run whether or not `trace` is on (the emulator's run records). */
  readonly observer?: RunObserver;
}

/** The user's answer to the question a paused run asked, and the checkpoint it paused with. */
export interface ResumeRequest {
  readonly checkpoint: RunCheckpoint;
  /** The input of the waiting node that the answer replaces (agentInputText). */
  readonly inputName: string;
  readonly answer: unknown;
}

/** A new run starts from the flow input's content (the Input node's `document`); a resumed one from its checkpoint. */
export type RunRequest = RunBase &
  ({ readonly document: unknown; readonly resume?: undefined } | { readonly resume: ResumeRequest; readonly document?: undefined });

export type RunResult =
  | { readonly kind: 'completed' }
  | {
      readonly kind: 'paused';
      readonly nodeName: string;
      readonly nodeType: string;
      readonly question: string;
      /** What resumes the run once the user answers (ResumeRequest). */
      readonly checkpoint: RunCheckpoint;
    }
  | { readonly kind: 'failed'; readonly nodeName?: string; readonly error: AwsError; readonly timedOut: boolean }
  | { readonly kind: 'aborted' };

/** `output.sink` gets the events as they happen; see RunOutput for the bounds it sets. */
export async function runFlow(request: RunRequest, output: RunOutput): Promise<RunResult> {
  const { env } = request;
  const roleFailure = assumeRole(env);
  if (roleFailure) return { kind: 'failed', error: roleFailure, timedOut: false };
  let resume: Resume | undefined;
  let document = request.document;
  if (request.resume) {
    const { checkpoint, inputName, answer } = request.resume;
    let kept: ReturnType<typeof readCheckpoint>;
    try {
      kept = readCheckpoint(checkpoint);
    } catch (err) {
      return { kind: 'failed', error: err as AwsError, timedOut: false };
    }
    document = kept.document;
    resume = { memo: kept.memo, waitingIndex: kept.waitingIndex, asked: kept.asked, inputName, answer };
    const { concurrency } = kept;
    if (typeof concurrency === 'number' && Number.isSafeInteger(concurrency) && concurrency >= 1) resume = { ...resume, concurrency };
  }
  const scheduler = new Scheduler(env, output, request.trace, request.signal, resume, request.observer);
  const top = new RunScope(request.plan, undefined, [], { document });
  try {
    await scheduler.runSteps(top, request.plan.steps);
    return { kind: 'completed' };
  } catch (err) {
    if (err instanceof Paused) {
      const before = resume?.waitingIndex === err.index ? resume.asked : [];
      const checkpoint = makeCheckpoint({
        document,
        // Plain JSON: the memo's holes (runs inside a Loop's span, skipped nodes) become null.
        memo: Array.from(scheduler.memo, (entry) => entry ?? null),
        waitingIndex: err.index,
        asked: [...before, err.question],
        concurrency: scheduler.concurrency,
      });
      return { kind: 'paused', nodeName: err.nodeName, nodeType: err.nodeType, question: err.question, checkpoint };
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
