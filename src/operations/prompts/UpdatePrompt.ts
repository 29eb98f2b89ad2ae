import type { OperationContext } from '../context.js';
import type { CreatePromptInput } from './CreatePrompt.js';
import { findPrompt, promptDraft, promptResponse } from './prompt-lookup.js';

/** A full replacement of the draft; versions are untouched. */
export function UpdatePrompt(
  ctx: OperationContext,
  input: Omit<CreatePromptInput, 'clientToken' | 'tags'> & { promptIdentifier: string },
) {
  const { prompt } = findPrompt(ctx, input.promptIdentifier);
  prompt.draft = promptDraft(input, prompt.draft.createdAt, ctx.ids.now());
  return promptResponse(ctx, prompt, prompt.draft);
}
