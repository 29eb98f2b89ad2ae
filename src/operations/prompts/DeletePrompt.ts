import type { DeletePromptInput } from '../../generated/types.js';
import { notFound, validationException } from '../../protocol/errors.js';
import { promptArn } from '../../world/arns.js';
import type { OperationContext } from '../context.js';
import { dropTags } from '../tags/tag-store.js';
import { findPrompt } from './prompt-lookup.js';

/** Without a version the whole prompt goes; with one, only that version. */
export function DeletePrompt(ctx: OperationContext, input: DeletePromptInput) {
  const { prompt, version } = findPrompt(ctx, input.promptIdentifier, input.promptVersion);
  if (version === 'DRAFT') {
    if (input.promptVersion === 'DRAFT') throw validationException('The DRAFT version of a prompt cannot be deleted on its own.');
    ctx.world.prompts.delete(prompt.id);
    dropTags(ctx.world, prompt.arn);
    return { id: prompt.id };
  }
  if (!prompt.versions[version]) throw notFound();
  delete prompt.versions[version];
  dropTags(ctx.world, promptArn(ctx.world, prompt.id, version));
  return { id: prompt.id, version };
}
