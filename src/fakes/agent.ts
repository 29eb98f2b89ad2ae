/**
 * Fake Bedrock agent replies from fixture response rules: the first rule whose `match` regex finds the input text
 * answers `text`, or asks the user `askUser` (multi-turn). A question already asked in this exchange is not asked
 * again, so that an answer that still matches moves the conversation on. No rule: a polite refusal.
 */
import type { AgentResponses } from '../world/universe.js';
import { ruleRegex } from './rule-regex.js';
import { renderTemplate } from './template.js';

/** The fixture rule that gave the reply: its place in the agent's list (from 0) and its `match`. */
export interface MatchedRule {
  readonly index: number;
  readonly match: string;
}

export type AgentReply = {
  readonly kind: 'answer' | 'question';
  readonly text: string;
  /** Absent for the no-rule reply. */
  readonly rule?: MatchedRule;
};

export const NO_RULE_REPLY = "Sorry, I can't help with that.";

export function agentReply(
  rules: AgentResponses,
  inputText: string,
  values: Readonly<Record<string, unknown>>,
  asked: readonly string[],
): AgentReply {
  for (const [index, rule] of rules.entries()) {
    if (!ruleRegex(rule).test(inputText)) continue;
    const matched = { index, match: rule.match };
    if (rule.askUser !== undefined) {
      const question = renderTemplate(rule.askUser, values);
      if (!asked.includes(question)) return { kind: 'question', text: question, rule: matched };
    } else if (rule.text !== undefined) {
      return { kind: 'answer', text: renderTemplate(rule.text, values), rule: matched };
    }
  }
  return { kind: 'answer', text: NO_RULE_REPLY };
}
