import type { DeleteKnowledgeBaseInput, DeleteKnowledgeBaseOutput } from '../../generated/types.js';
import { scopedKey } from '../../world/universe.js';
import type { OperationContext } from '../context.js';
import { dropTags } from '../tags/tag-store.js';
import { findKnowledgeBase } from './knowledge-base-lookup.js';

/**
 * Answers DELETING and removes the knowledge base at once, with its tags and the fixture documents behind it:
 * whoever reads the world next (flow preparation, a KnowledgeBase node) finds it gone, no DELETING state to honour.
 */
export function DeleteKnowledgeBase(ctx: OperationContext, input: DeleteKnowledgeBaseInput): DeleteKnowledgeBaseOutput {
  const kb = findKnowledgeBase(ctx, input.knowledgeBaseId);
  ctx.world.knowledgeBases.delete(kb.knowledgeBaseId);
  ctx.universe.knowledgeBaseDocuments.delete(scopedKey(ctx.world.account, ctx.world.region, kb.knowledgeBaseId));
  dropTags(ctx.world, kb.knowledgeBaseArn);
  return { knowledgeBaseId: kb.knowledgeBaseId, status: 'DELETING' };
}
