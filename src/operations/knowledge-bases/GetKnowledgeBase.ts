import type { GetKnowledgeBaseInput } from '../../generated/types.js';
import type { OperationContext } from '../context.js';
import { findKnowledgeBase, knowledgeBaseResponse } from './knowledge-base-lookup.js';

export function GetKnowledgeBase(ctx: OperationContext, input: GetKnowledgeBaseInput) {
  return knowledgeBaseResponse(findKnowledgeBase(ctx, input.knowledgeBaseId));
}
