import type { CreatePromptInput } from '../../generated/types.js';
import { quota } from '../../protocol/errors.js';
import { promptArn } from '../../world/arns.js';
import type { PromptRecord } from '../../world/records.js';
import type { OperationContext } from '../context.js';
import { idempotent } from '../idempotency.js';
import { addTags } from '../tags/tag-store.js';
import { promptDraft, promptResponse } from './prompt-lookup.js';

/** `promptId` is for fixtures only. */
export function CreatePrompt(ctx: OperationContext, input: CreatePromptInput, promptId?: string) {
  return idempotent(ctx, 'CreatePrompt', '', input, () => {
    const max = ctx.settings.quotas.promptsPerAccount;
    if (ctx.world.prompts.size >= max) throw quota('CreatePrompt', 'prompts-per-account', max, ctx.world.prompts.size + 1);
    const id = promptId ?? ctx.ids.id10();
    const now = ctx.clock.timestamp();
    const prompt: PromptRecord = {
      id,
      arn: promptArn(ctx.world, id),
      draft: promptDraft(input, now, now),
      versions: {},
      nextVersion: 1,
    };
    ctx.world.prompts.set(id, prompt);
    addTags(ctx.world, prompt.arn, input.tags);
    return promptResponse(ctx, prompt, prompt.draft);
  });
}
