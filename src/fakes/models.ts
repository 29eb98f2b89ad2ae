/**
 * Model completions from the fixture rules (docs/fixtures.md): rule sets for the exact model id win over `*` sets; within
 * them the first rule whose `match` regex finds the prompt text wins. No rule: the first fallback those sets give,
 * else `echo` (the prompt text itself is the completion).
 */
import type { ModelRulesFixture } from '../fixtures/schema.js';
import { ruleRegex } from './rule-regex.js';
import { renderTemplate } from './template.js';

export function complete(
  models: readonly ModelRulesFixture[],
  modelId: string,
  prompt: string,
  values: Readonly<Record<string, unknown>>,
): string {
  const sets = [...models.filter((m) => m.modelId === modelId), ...models.filter((m) => m.modelId === '*')];
  for (const set of sets) {
    const rule = set.rules?.find((r) => ruleRegex(r).test(prompt));
    if (rule) return renderTemplate(rule.completion, values);
  }
  const fallback = sets.find((s) => s.fallback !== undefined)?.fallback ?? 'echo';
  return fallback === 'echo' ? prompt : renderTemplate(fallback.completion, values);
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

/**
 * A Converse call answered by the model rules: the prompt text the rules see is the system text and the messages,
 * one per line. Request and response are shaped like Converse's, for traces.
 */
export function converse(models: readonly ModelRulesFixture[], call: ConverseCall, values: Readonly<Record<string, unknown>>) {
  const prompt = [...(call.system ?? []), ...call.messages.flatMap((m) => m.content)].map((b) => b.text).join('\n');
  const text = complete(models, call.modelId, prompt, values);
  const inputTokens = tokenCount(prompt);
  const outputTokens = tokenCount(text);
  return {
    text,
    response: {
      output: { message: { role: 'assistant', content: [{ text }] } },
      stopReason: 'end_turn',
      usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
      metrics: { latencyMs: 0 },
    },
  };
}
