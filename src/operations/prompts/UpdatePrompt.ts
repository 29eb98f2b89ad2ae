import type { UpdatePromptInput } from '../../generated/types.js';
import type { OperationContext } from '../context.js';
import { findPrompt, promptDraft, promptResponse } from './prompt-lookup.js';

/** A full replacement of the draft; versions are untouched. */
export function UpdatePrompt(ctx: OperationContext, input: UpdatePromptInput) {
  const { prompt } = findPrompt(ctx, input.promptIdentifier);
  prompt.draft = promptDraft(input, prompt.draft.createdAt, ctx.clock.timestamp());
  return promptResponse(ctx, prompt, prompt.draft);
}
