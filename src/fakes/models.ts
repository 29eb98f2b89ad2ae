/**
 * Model completions from the fixture rules (docs/fixtures.md): rule sets for the exact model id win over `*` sets; within
 * them the first rule whose `match` regex finds the prompt text wins, and a set with a `backend` (docs/models.md)
 * answers everything that reaches it. No rule: the first fallback those sets give, else `echo` (the prompt text
 * itself is the completion).
 */
import type { ModelBackendFixture, ModelRulesFixture } from '../fixtures/schema.js';
import { ruleRegex } from './rule-regex.js';
import { renderTemplate } from './template.js';

/** Who answers a prompt: a completion the rules give, or a real model to ask. */
export type ModelSource = { readonly text: string } | { readonly backend: ModelBackendFixture };

export function modelSource(
  models: readonly ModelRulesFixture[],
  modelId: string,
  prompt: string,
  values: Readonly<Record<string, unknown>>,
): ModelSource {
  const sets = [...models.filter((m) => m.modelId === modelId), ...models.filter((m) => m.modelId === '*')];
  for (const set of sets) {
    if (set.backend) return { backend: set.backend };
    const rule = set.rules?.find((r) => ruleRegex(r).test(prompt));
    if (rule) return { text: rule.verbatim ? rule.completion : renderTemplate(rule.completion, values) };
  }
  const fallback = sets.find((s) => s.fallback !== undefined)?.fallback ?? 'echo';
  return { text: fallback === 'echo' ? prompt : renderTemplate(fallback.completion, values) };
}

/** A rough token count for usage figures in traces: about four characters a token. */
const tokenCount = (text: string) => Math.max(1, Math.ceil(text.length / 4));

/** The resource of bedrock:InvokeModel: the model's ARN, or the foundation-model ARN of a model id. */
export const modelArn = (region: string, modelId: string) =>
  modelId.startsWith('arn:') ? modelId : `arn:aws:bedrock:${region}::foundation-model/${modelId}`;

export interface ConverseMessage {
  role: 'user' | 'assistant';
  content: { text: string }[];
}

export interface ConverseCall {
  modelId: string;
  messages: ConverseMessage[];
  system?: { text: string }[];
}

/** The prompt text the rules see (and a recording matches): the system text and the messages, one per line. */
export const promptText = (call: Pick<ConverseCall, 'messages' | 'system'>) =>
  [...(call.system ?? []), ...call.messages.flatMap((m) => m.content)].map((b) => b.text).join('\n');

/** Converse's answer as traces show it: text, stop reason, usage (estimated where the model gave none), latency. */
export interface ModelAnswer {
  readonly text: string;
  readonly stopReason: string;
  readonly usage: { readonly inputTokens: number; readonly outputTokens: number; readonly totalTokens: number };
  readonly latencyMs: number;
}

/** An answer with its usage: the model's own counts where it gave them, else estimates (about four characters a token). */
export function modelAnswer(
  prompt: string,
  text: string,
  measured: { stopReason?: string; inputTokens?: number | undefined; outputTokens?: number | undefined; latencyMs?: number } = {},
): ModelAnswer {
  const inputTokens = measured.inputTokens ?? tokenCount(prompt);
  const outputTokens = measured.outputTokens ?? tokenCount(text);
  return {
    text,
    stopReason: measured.stopReason ?? 'end_turn',
    usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
    latencyMs: measured.latencyMs ?? 0,
  };
}
