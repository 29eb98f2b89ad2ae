import type { CreatePromptVersionInput } from '../../generated/types.js';
import { quota } from '../../protocol/errors.js';
import { promptArn } from '../../world/arns.js';
import type { OperationContext } from '../context.js';
import { idempotent } from '../idempotency.js';
import { addTags } from '../tags/tag-store.js';
import { findPrompt, promptResponse } from './prompt-lookup.js';

export function CreatePromptVersion(ctx: OperationContext, input: CreatePromptVersionInput) {
  const { prompt } = findPrompt(ctx, input.promptIdentifier);
  const { promptIdentifier: _, ...request } = input;
  return idempotent(ctx, 'CreatePromptVersion', prompt.id, request, () => {
    const count = Object.keys(prompt.versions).length;
    const max = ctx.settings.quotas.versionsPerPrompt;
    if (count >= max) throw quota('CreatePromptVersion', 'versions-per-prompt', max, count + 1);
    const now = ctx.clock.timestamp();
    const version = String(prompt.nextVersion++);
    const record = {
      ...structuredClone(prompt.draft),
      description: input.description ?? prompt.draft.description,
      version,
      createdAt: now,
      updatedAt: now,
    };
    prompt.versions[version] = record;
    addTags(ctx.world, promptArn(ctx.world, prompt.id, version), input.tags);
    return promptResponse(ctx, prompt, record);
  });
}
