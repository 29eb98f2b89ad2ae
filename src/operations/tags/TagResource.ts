import type { TagResourceInput } from '../../generated/types.js';
import { validationException } from '../../protocol/errors.js';
import type { OperationContext } from '../context.js';
import { addTags } from './tag-store.js';
import { requireTaggable } from './taggable.js';

const MAX_TAGS = 50;

export function TagResource(ctx: OperationContext, input: TagResourceInput) {
  requireTaggable(ctx.world, input.resourceArn);
  const merged = { ...ctx.world.tags.get(input.resourceArn), ...input.tags };
  if (Object.keys(merged).length > MAX_TAGS) {
    throw validationException(`A resource can have at most ${MAX_TAGS} tags.`);
  }
  addTags(ctx.world, input.resourceArn, input.tags);
  return {};
}
