/**
 * The two wire formats a model backend speaks: OpenAI's chat completions
 * (https://platform.openai.com/docs/api-reference/chat/create), which llama.cpp's server, vLLM, LM Studio and
 * Ollama's /v1 also serve, and Ollama's own /api/chat (https://github.com/ollama/ollama/blob/main/docs/api.md).
 * Requests carry what a Converse call would (messages, system text, inferenceConfig); answers come back as
 * Converse's text, stopReason and usage.
 */
import type { ConverseMessage } from './models.js';

export type BackendType = 'openai' | 'ollama';

/** Converse's InferenceConfiguration members a prompt may set. */
export interface InferenceSettings {
  readonly maxTokens?: number;
  readonly temperature?: number;
  readonly topP?: number;
  readonly stopSequences?: readonly string[];
}

export interface BackendRequest {
  readonly messages: readonly ConverseMessage[];
  readonly system: readonly { readonly text: string }[];
  readonly inference: InferenceSettings;
}

export interface BackendAnswer {
  readonly text: string;
  /** Converse's StopReason. */
  readonly stopReason: string;
  readonly inputTokens?: number;
  readonly outputTokens?: number;
}

/** The path each type answers on, after the fixture's base URL. */
export const CHAT_PATH: Record<BackendType, string> = { openai: '/chat/completions', ollama: '/api/chat' };

const joined = (blocks: readonly { readonly text: string }[]) => blocks.map((b) => b.text).join('\n');

function chatMessages(request: BackendRequest) {
  const system = request.system.length > 0 ? [{ role: 'system', content: joined(request.system) }] : [];
  return [...system, ...request.messages.map((m) => ({ role: m.role, content: joined(m.content) }))];
}

/** Only the settings the prompt sets: the backend's own defaults stand for the others. */
function defined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
}

export function requestBody(type: BackendType, model: string, request: BackendRequest): unknown {
  const { maxTokens, temperature, topP, stopSequences } = request.inference;
  if (type === 'openai') {
    return {
      model,
      messages: chatMessages(request),
      stream: false,
      ...defined({ max_tokens: maxTokens, temperature, top_p: topP, stop: stopSequences }),
    };
  }
  const options = defined({ num_predict: maxTokens, temperature, top_p: topP, stop: stopSequences });
  return { model, messages: chatMessages(request), stream: false, ...(Object.keys(options).length > 0 ? { options } : {}) };
}

/** OpenAI's finish_reason and Ollama's done_reason, as Converse's stopReason. */
const STOP_REASONS: Record<string, string> = {
  stop: 'end_turn',
  length: 'max_tokens',
  content_filter: 'content_filtered',
  tool_calls: 'tool_use',
};

const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined);

/** A member deep in parsed JSON, or undefined where the path breaks. */
function at(value: unknown, ...path: (string | number)[]): unknown {
  let here = value;
  for (const key of path) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as Record<string | number, unknown>)[key];
  }
  return here;
}

/** The answer in a backend's reply, or a sentence saying what is wrong with it. */
export function parseAnswer(type: BackendType, reply: unknown): BackendAnswer | string {
  const openai = type === 'openai';
  const text = openai ? at(reply, 'choices', 0, 'message', 'content') : at(reply, 'message', 'content');
  if (typeof text !== 'string') {
    return `the reply has no ${openai ? 'choices[0].message.content' : 'message.content'} string`;
  }
  const reason = openai ? at(reply, 'choices', 0, 'finish_reason') : at(reply, 'done_reason');
  const stopReason = typeof reason === 'string' && Object.hasOwn(STOP_REASONS, reason) ? STOP_REASONS[reason]! : 'end_turn';
  const inputTokens = count(openai ? at(reply, 'usage', 'prompt_tokens') : at(reply, 'prompt_eval_count'));
  const outputTokens = count(openai ? at(reply, 'usage', 'completion_tokens') : at(reply, 'eval_count'));
  return {
    text,
    stopReason,
    ...(inputTokens !== undefined ? { inputTokens } : {}),
    ...(outputTokens !== undefined ? { outputTokens } : {}),
  };
}
