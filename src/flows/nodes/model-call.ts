/**
 * One model call of a Prompt node or a knowledge base's generation: the fixture rules answer at once (the run
 * stays synchronous and fast), a backend (docs/models.md) only through a promise. A backend's failure is the
 * in-stream error AWS gives a failed model call; a stopped run aborts the HTTP request.
 */
import { modelFailed, modelThrottled, modelTimedOut } from '../../protocol/errors.js';
import { callModelBackend } from '../../fakes/model-backend.js';
import type { BackendRequest, InferenceSettings } from '../../fakes/model-backend-wire.js';
import type { ModelBackendFixture } from '../../fixtures/schema.js';
import { modelAnswer, modelArn, modelSource, type ModelAnswer } from '../../fakes/models.js';
import { Aborted } from '../executor/run-signals.js';
import type { NodeContext } from '../executor/runner.js';

export interface ModelCall extends Omit<BackendRequest, 'inference'> {
  readonly modelId: string;
  /** The text the rules match (and a recording keys on). */
  readonly prompt: string;
  /** The prompt's `inferenceConfiguration.text`, read only when a backend answers. */
  readonly inference: unknown;
}

export function callModel(
  ctx: NodeContext<unknown>,
  call: ModelCall,
  values: Readonly<Record<string, unknown>>,
): ModelAnswer | Promise<ModelAnswer> {
  const source = modelSource(ctx.env.universe.models, call.modelId, call.prompt, values);
  if ('text' in source) return modelAnswer(call.prompt, source.text);
  return askBackend(ctx, call, source.backend);
}

async function askBackend(ctx: NodeContext<unknown>, call: ModelCall, backend: ModelBackendFixture) {
  const stop = new AbortController();
  ctx.onStop(() => stop.abort());
  const { clock, world, modelRecorder } = ctx.env;
  const request = { messages: call.messages, system: call.system, inference: inferenceSettings(call.inference) };
  const result = await callModelBackend(backend, request, stop.signal, () => clock.monotonicMs());
  if (!result.ok) {
    const arn = modelArn(world.region, call.modelId);
    if (result.reason === 'stopped') throw new Aborted();
    if (result.reason === 'timeout') throw modelTimedOut(arn, result.detail);
    if (result.reason === 'throttled') throw modelThrottled(result.detail);
    throw modelFailed(arn, result.detail);
  }
  const { answer, latencyMs } = result;
  modelRecorder?.record(call.modelId, call.prompt, answer.text);
  return modelAnswer(call.prompt, answer.text, { ...answer, latencyMs });
}

/** Converse's inferenceConfig members from a prompt's `inferenceConfiguration.text`, those of the right type only. */
export function inferenceSettings(text: unknown): InferenceSettings {
  const set = (typeof text === 'object' && text !== null ? text : {}) as Record<string, unknown>;
  const number = (key: string, shape: (n: number) => number = (n) => n) =>
    typeof set[key] === 'number' ? { [key]: shape(set[key] as number) } : {};
  const stops = set.stopSequences;
  return {
    ...number('maxTokens'),
    ...number('temperature', shortestFloat32),
    ...number('topP', shortestFloat32),
    ...(Array.isArray(stops) && stops.every((s) => typeof s === 'string') ? { stopSequences: stops as string[] } : {}),
  };
}

/**
 * Bedrock keeps temperature and topP as float32 (a stored 0.9 reads back 0.8999999761581421): the backend gets the
 * shortest decimal with the same float32 value, the number the prompt's author wrote.
 */
function shortestFloat32(value: number): number {
  const target = Math.fround(value);
  for (let digits = 1; digits < 10; digits++) {
    const candidate = Number(value.toPrecision(digits));
    if (Math.fround(candidate) === target) return candidate;
  }
  return value;
}
