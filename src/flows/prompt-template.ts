/** Prompt template variables: `{{name}}` placeholders, which a Prompt node fills from its inputs of that name. */

const VARIABLE = /\{\{([0-9a-zA-Z_-]+)\}\}/g;

/** The distinct variable names of a template text, in order of first use. */
export function templateVariables(text: string): string[] {
  return [...new Set([...text.matchAll(VARIABLE)].map((m) => m[1]!))];
}

/**
 * Every text of an inline prompt's `templateConfiguration` that may hold variables: the TEXT template, or the
 * CHAT messages and system blocks. Tolerates partial drafts.
 */
export function inlineTemplateTexts(templateConfiguration: unknown): string[] {
  if (!isRecord(templateConfiguration)) return [];
  const { text, chat } = templateConfiguration;
  const chatBlocks = isRecord(chat)
    ? [...list(chat.messages).flatMap((m) => (isRecord(m) ? list(m.content) : [])), ...list(chat.system)]
    : [];
  return [text, ...chatBlocks].flatMap((block) => (isRecord(block) && typeof block.text === 'string' ? [block.text] : []));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
