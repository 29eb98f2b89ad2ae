/**
 * InvokeFlow: resolves the flow and alias and checks the input (failures there are plain HTTP errors), then hands
 * back the run, ready to start: the server streams the events it reports and how it ends (the event-stream framing
 * and the execution-id header are the server's, src/server/invoke-flow-stream.ts). With the `executionId` of a run
 * waiting for a multi-turn answer, that run goes on from where it stopped.
 */
import {
  compileFlow,
  runFlow,
  type FlowDefinition,
  type ResumeRequest,
  type RunOutput,
  type RunResult,
  type ScopePlan,
  type StopSignal,
} from '../../flows/index.js';
import type { InvokeFlowInput } from '../../generated/types.js';
import { flowRunCrashed, validationException } from '../../protocol/errors.js';
import type { RunRecording } from '../../runs/index.js';
import type { OperationContext } from '../context.js';
import { flowInputDocument } from './flow-input.js';
import { resolveTarget, runEnvironment, runIdentity, type FlowTarget } from './flow-target.js';
import { keepPaused, pausedRun } from './paused-invocations.js';

/** The input a multi-turn answer goes to (docs: flows-multi-turn-invocation). */
const ANSWER_INPUT = 'agentInputText';

/** A checked InvokeFlow request: the run it starts (or resumes), not yet running. */
export interface InvokeFlowRun {
  /** The id a multi-turn answer resumes the run with (given in the request, or new). */
  readonly executionId: string;
  /**
   * Runs the flow: events go to `output.sink` as they happen (its return value counts against the run's byte cap);
   * settles with how the run ended. A run that pauses for the user's answer is kept for its executionId.
   */
  start(output: Omit<RunOutput, 'maxBytes'>, signal: StopSignal): Promise<RunResult>;
}

export function InvokeFlow(ctx: OperationContext, input: InvokeFlowInput): InvokeFlowRun {
  const target = resolveTarget(ctx, input.flowIdentifier, input.flowAliasIdentifier);
  const executionId = input.executionId ?? ctx.ids.uuid();
  const run = startOrResume(ctx, target, input, executionId);
  const env = runEnvironment(ctx, run.target, input.modelPerformanceConfiguration, executionId);
  const trace = input.enableTrace === true;
  const start = async (output: Omit<RunOutput, 'maxBytes'>, signal: StopSignal): Promise<RunResult> => {
    const recording = record(ctx, run, executionId);
    let result: RunResult;
    try {
      const request = { plan: run.plan, env, trace, signal, ...run.from, ...(recording ? { observer: recording } : {}) };
      result = await runFlow(request, { ...output, maxBytes: env.limits.maxStreamedBytes });
    } catch (err) {
      recording?.crashed(flowRunCrashed(err as Error));
      throw err;
    }
    recording?.end(result);
    if (result.kind === 'paused') {
      const { snapshot, flow, alias } = run.target;
      const { nodeName: waitingNode, checkpoint } = result;
      const expiresAt = ctx.clock.epochMs() + env.limits.pausedTtlMs;
      const record = { executionId, flowId: flow.id, aliasId: alias.id, snapshot, waitingNode, checkpoint, expiresAt };
      keepPaused(ctx.world, record, ctx.clock.epochMs(), ctx.settings.quotas.pausedRunsPerAccount);
    }
    return result;
  };
  return { executionId, start };
}

/** The run's record (GET /_emulator/runs): a new one, or the paused run's, which an answer continues. */
function record(ctx: OperationContext, run: StartOrResume, executionId: string): RunRecording | undefined {
  const resumes = 'resume' in run.from;
  return ctx.runs?.begin({
    kind: 'InvokeFlow',
    executionId,
    ...runIdentity(ctx, run.target),
    input: resumes ? undefined : run.from.document,
    resumes,
  });
}

interface StartOrResume {
  readonly target: FlowTarget;
  readonly plan: ScopePlan;
  /** A new run starts from the flow input; an answered one goes on from its checkpoint. */
  readonly from: { readonly document: unknown } | { readonly resume: ResumeRequest };
}

function startOrResume(ctx: OperationContext, target: FlowTarget, input: InvokeFlowInput, executionId: string): StartOrResume {
  const [flowInput] = input.inputs;
  const paused = input.executionId ? pausedRun(ctx.world, input.executionId, ctx.clock.epochMs()) : undefined;
  if (!paused || paused.flowId !== target.flow.id || paused.aliasId !== target.alias.id) {
    const plan = compileFlow(target.snapshot.definition as FlowDefinition | undefined);
    if (input.executionId && flowInput!.nodeName !== plan.entry.name) {
      throw validationException(`No flow execution ${input.executionId} of this flow alias is waiting for input.`);
    }
    return { target, plan, from: { document: flowInputDocument(plan, flowInput!) } };
  }
  if (flowInput!.nodeName !== paused.waitingNode || flowInput!.nodeInputName !== ANSWER_INPUT) {
    throw validationException(
      `Flow execution ${executionId} is waiting for input ${ANSWER_INPUT} of node ${paused.waitingNode}; ` +
        `give nodeName ${paused.waitingNode} and nodeInputName ${ANSWER_INPUT}.`,
    );
  }
  const answer = flowInput!.content.document;
  if (typeof answer !== 'string') throw validationException(`The answer to node ${paused.waitingNode} must be a String.`);
  // Answered: a run that asks again is kept anew when it pauses.
  ctx.world.executions.paused.delete(executionId);
  // The paused run goes on with the definition it started with, even if the alias moved since.
  const resumed = { ...target, snapshot: paused.snapshot };
  return {
    target: resumed,
    plan: compileFlow(paused.snapshot.definition as FlowDefinition | undefined),
    from: { resume: { checkpoint: paused.checkpoint, inputName: ANSWER_INPUT, answer } },
  };
}
