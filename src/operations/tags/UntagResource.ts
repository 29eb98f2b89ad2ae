import type { UntagResourceInput } from '../../generated/types.js';
import type { OperationContext } from '../context.js';
import { removeTags } from './tag-store.js';
import { requireTaggable } from './taggable.js';

export function UntagResource(ctx: OperationContext, input: UntagResourceInput) {
  requireTaggable(ctx.world, input.resourceArn);
  removeTags(ctx.world, input.resourceArn, input.tagKeys);
  return {};
}
