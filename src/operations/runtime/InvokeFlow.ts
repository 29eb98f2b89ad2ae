/**
 * InvokeFlow: resolves the flow and alias and checks the input (failures there are plain HTTP errors), then
 * streams the run: events as they happen, then the completion, the multi-turn request, or one exception frame.
 * With the `executionId` of a run waiting for a multi-turn answer, that run goes on from where it stopped.
 */
import { AsyncQueue } from '../../flows/executor/async-queue.js';
import { STREAM_HIGH_WATER_BYTES } from '../../flows/executor/limits.js';
import {
  compileFlow,
  runFlow,
  stopRun,
  type FlowDefinition,
  type FlowEvent,
  type ResumeRequest,
  type RunRequest,
  type ScopePlan,
} from '../../flows/index.js';
import type { InvokeFlowInput } from '../../generated/types.js';
import { encodeException } from '../../protocol/eventstream.js';
import { internal, validation } from '../../protocol/errors.js';
import type { StreamedResult } from '../../server/route.js';
import type { OperationContext } from '../context.js';
import { flowInputDocument } from './flow-input.js';
import { resolveTarget, runEnvironment, type FlowTarget } from './flow-target.js';
import { closingFrames, eventFrame, streamOutcome } from './invoke-frames.js';
import { keepPaused, pausedRun } from './paused-invocations.js';

export const EXECUTION_ID_HEADER = 'x-amz-bedrock-flow-execution-id';

/** The input a multi-turn answer goes to (docs: flows-multi-turn-invocation). */
const ANSWER_INPUT = 'agentInputText';

const byteLength = (frame: Uint8Array) => frame.byteLength;

export function InvokeFlow(ctx: OperationContext, input: InvokeFlowInput): StreamedResult {
  const target = resolveTarget(ctx, input.flowIdentifier, input.flowAliasIdentifier);
  const executionId = input.executionId ?? ctx.ids.uuid();
  const run = startOrResume(ctx, target, input, executionId);
  const signal = { aborted: false };
  const frames = new AsyncQueue<Uint8Array>(() => stopRun(signal), byteLength, STREAM_HIGH_WATER_BYTES);
  const request: RunRequest = { plan: run.plan, ...run.from, env: runEnvironment(ctx, run.target), trace: input.enableTrace === true, signal };
  const send = (event: FlowEvent) => {
    const frame = eventFrame(event);
    frames.push(frame);
    return frame.byteLength;
  };
  let outcome: string | undefined;
  runFlow(request, { sink: send, maxBytes: request.env.limits.maxStreamedBytes, backpressure: () => frames.drained() }).then(
    (result) => {
      if (result.kind === 'paused') {
        const { snapshot, flow, alias } = run.target;
        const expiresAt = ctx.clock() + request.env.limits.pausedTtlMs;
        const record = { executionId, flowId: flow.id, aliasId: alias.id, snapshot, waitingNode: result.nodeName, checkpoint: result.checkpoint, expiresAt };
        keepPaused(ctx.world, record, ctx.clock(), ctx.settings.quotas.pausedRunsPerAccount);
      }
      outcome = streamOutcome(result);
      for (const frame of closingFrames(result)) frames.push(frame);
      frames.end();
    },
    (err: Error) => {
      outcome = 'internalServerException';
      frames.push(encodeException(internal(`The flow run failed: ${err.message}`)));
      frames.end();
    },
  );
  return { headers: { [EXECUTION_ID_HEADER]: executionId }, frames, outcome: () => outcome };
}

interface StartOrResume {
  readonly target: FlowTarget;
  readonly plan: ScopePlan;
  /** A new run starts from the flow input; an answered one goes on from its checkpoint. */
  readonly from: { readonly document: unknown } | { readonly resume: ResumeRequest };
}

function startOrResume(ctx: OperationContext, target: FlowTarget, input: InvokeFlowInput, executionId: string): StartOrResume {
  const [flowInput] = input.inputs;
  const paused = input.executionId ? pausedRun(ctx.world, input.executionId, ctx.clock()) : undefined;
  if (!paused || paused.flowId !== target.flow.id || paused.aliasId !== target.alias.id) {
    const plan = compileFlow(target.snapshot.definition as FlowDefinition | undefined);
    if (input.executionId && flowInput!.nodeName !== plan.entry.name) {
      throw validation(`No flow execution ${input.executionId} of this flow alias is waiting for input.`);
    }
    return { target, plan, from: { document: flowInputDocument(plan, flowInput!) } };
  }
  if (flowInput!.nodeName !== paused.waitingNode || flowInput!.nodeInputName !== ANSWER_INPUT) {
    throw validation(
      `Flow execution ${executionId} is waiting for input ${ANSWER_INPUT} of node ${paused.waitingNode}; ` +
        `give nodeName ${paused.waitingNode} and nodeInputName ${ANSWER_INPUT}.`,
    );
  }
  const answer = flowInput!.content.document;
  if (typeof answer !== 'string') throw validation(`The answer to node ${paused.waitingNode} must be a String.`);
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
