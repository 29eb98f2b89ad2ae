import type { OperationContext } from '../context.js';
import type { CreatePromptInput } from './CreatePrompt.js';
import { findPrompt, promptResponse } from './prompt-lookup.js';

/** A full replacement of the draft; versions are untouched. */
export function UpdatePrompt(
  ctx: OperationContext,
  input: Omit<CreatePromptInput, 'clientToken' | 'tags'> & { promptIdentifier: string },
) {
  const { prompt } = findPrompt(ctx, input.promptIdentifier);
  prompt.draft = {
    name: input.name,
    description: input.description,
    customerEncryptionKeyArn: input.customerEncryptionKeyArn,
    defaultVariant: input.defaultVariant,
    variants: input.variants,
    version: 'DRAFT',
    createdAt: prompt.draft.createdAt,
    updatedAt: ctx.ids.now(),
  };
  return promptResponse(ctx, prompt, prompt.draft);
}
