import type { ListTagsForResourceInput } from '../../generated/types.js';
import type { OperationContext } from '../context.js';
import { requireTaggable } from './taggable.js';

export function ListTagsForResource(ctx: OperationContext, input: ListTagsForResourceInput) {
  requireTaggable(ctx.world, input.resourceArn);
  return { tags: { ...ctx.world.tags.get(input.resourceArn) } };
}
