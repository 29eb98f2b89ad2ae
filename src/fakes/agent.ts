/**
 * Fake Bedrock agent replies from fixture response rules: the first rule whose `match` regex finds the input text
 * answers `text`, or asks the user `askUser` (multi-turn). A question already asked in this exchange is not asked
 * again, so that an answer that still matches moves the conversation on. No rule: a polite refusal.
 */
import type { AgentResponses } from '../world/universe.js';
import { ruleRegex } from './rule-regex.js';
import { renderTemplate } from './template.js';

export type AgentReply = { readonly kind: 'answer'; readonly text: string } | { readonly kind: 'question'; readonly text: string };

export const NO_RULE_REPLY = "Sorry, I can't help with that.";

export function agentReply(
  rules: AgentResponses,
  inputText: string,
  values: Readonly<Record<string, unknown>>,
  asked: readonly string[],
): AgentReply {
  for (const rule of rules) {
    if (!ruleRegex(rule).test(inputText)) continue;
    if (rule.askUser !== undefined) {
      const question = renderTemplate(rule.askUser, values);
      if (!asked.includes(question)) return { kind: 'question', text: question };
    } else if (rule.text !== undefined) {
      return { kind: 'answer', text: renderTemplate(rule.text, values) };
    }
  }
  return { kind: 'answer', text: NO_RULE_REPLY };
}
