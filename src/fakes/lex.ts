/**
 * Fake Lex V2 RecognizeUtterance: the intent whose utterances best match the text, by the Dice coefficient of
 * their word sets; below 0.5 nothing matches and Lex answers its built-in FallbackIntent.
 */
import type { LexBot } from '../world/universe.js';

export const FALLBACK_INTENT = 'FallbackIntent';
const THRESHOLD = 0.5;

export interface Recognition {
  intent: string;
  /** Lex's nluConfidence for the chosen intent (0 for the fallback). */
  confidence: number;
}

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []);

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}

export function recognizeIntent(bot: LexBot, text: string): Recognition {
  const said = words(text);
  let best: Recognition = { intent: FALLBACK_INTENT, confidence: 0 };
  for (const intent of bot.intents) {
    for (const utterance of intent.utterances) {
      const score = dice(said, words(utterance));
      if (score >= THRESHOLD && score > best.confidence) best = { intent: intent.name, confidence: score };
    }
  }
  return best;
}
