import type { CreateKnowledgeBaseInput } from '../../generated/types.js';
import { quota } from '../../protocol/errors.js';
import { knowledgeBaseArn } from '../../world/arns.js';
import type { KnowledgeBaseRecord } from '../../world/records.js';
import type { OperationContext } from '../context.js';
import { idempotent } from '../idempotency.js';
import { addTags } from '../tags/tag-store.js';
import { knowledgeBaseResponse } from './knowledge-base-lookup.js';
import { beginTransition } from '../status-transition.js';

/** Answers CREATING; the knowledge base is ACTIVE from the next read on. `knowledgeBaseId` is for fixtures only. */
export function CreateKnowledgeBase(ctx: OperationContext, input: CreateKnowledgeBaseInput, knowledgeBaseId?: string) {
  return idempotent(ctx, 'CreateKnowledgeBase', '', input, () => {
    const max = ctx.settings.quotas.knowledgeBasesPerAccount;
    const count = ctx.world.knowledgeBases.size;
    if (count >= max) throw quota('CreateKnowledgeBase', 'knowledge-bases-per-account', max, count + 1);
    const id = knowledgeBaseId ?? ctx.ids.id10();
    const now = ctx.clock.timestamp();
    const kb: KnowledgeBaseRecord = {
      knowledgeBaseId: id,
      knowledgeBaseArn: knowledgeBaseArn(ctx.world, id),
      name: input.name,
      description: input.description,
      roleArn: input.roleArn,
      knowledgeBaseConfiguration: input.knowledgeBaseConfiguration,
      storageConfiguration: input.storageConfiguration,
      status: 'CREATING',
      createdAt: now,
      updatedAt: now,
    };
    beginTransition(ctx, kb, 'CREATING', 'ACTIVE');
    ctx.world.knowledgeBases.set(id, kb);
    addTags(ctx.world, kb.knowledgeBaseArn, input.tags);
    return knowledgeBaseResponse(kb);
  });
}
