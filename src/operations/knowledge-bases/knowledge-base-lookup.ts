/** Finding knowledge bases by id (the API takes no ARN here), and shaping them for responses. */
import type { KnowledgeBase, KnowledgeBaseSummary } from '../../generated/types.js';
import { notFound } from '../../protocol/errors.js';
import type { KnowledgeBaseRecord } from '../../world/records.js';
import type { OperationContext } from '../context.js';
import { settle } from '../status-transition.js';

export function findKnowledgeBase(ctx: OperationContext, knowledgeBaseId: string): KnowledgeBaseRecord {
  const kb = ctx.world.knowledgeBases.get(knowledgeBaseId);
  if (!kb) throw notFound();
  settle(ctx, kb);
  return kb;
}

export const knowledgeBaseResponse = (kb: KnowledgeBaseRecord): { knowledgeBase: KnowledgeBase } => ({
  knowledgeBase: {
    knowledgeBaseId: kb.knowledgeBaseId,
    name: kb.name,
    knowledgeBaseArn: kb.knowledgeBaseArn,
    description: kb.description,
    roleArn: kb.roleArn,
    knowledgeBaseConfiguration: kb.knowledgeBaseConfiguration,
    storageConfiguration: kb.storageConfiguration,
    status: kb.status,
    createdAt: kb.createdAt,
    updatedAt: kb.updatedAt,
    failureReasons: kb.failureReasons,
  },
});

export const knowledgeBaseSummary = (kb: KnowledgeBaseRecord): KnowledgeBaseSummary => ({
  knowledgeBaseId: kb.knowledgeBaseId,
  name: kb.name,
  description: kb.description,
  status: kb.status,
  updatedAt: kb.updatedAt,
});
