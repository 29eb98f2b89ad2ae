import type { OperationContext } from '../context.js';
import { requireTaggable } from './taggable.js';

export function ListTagsForResource(ctx: OperationContext, input: { resourceArn: string }) {
  requireTaggable(ctx.world, input.resourceArn);
  return { tags: { ...ctx.world.tags.get(input.resourceArn) } };
}
