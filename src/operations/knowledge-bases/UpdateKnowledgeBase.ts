import { isDeepStrictEqual } from 'node:util';
import type { UpdateKnowledgeBaseInput } from '../../generated/types.js';
import { validationException } from '../../protocol/errors.js';
import type { OperationContext } from '../context.js';
import { findKnowledgeBase, knowledgeBaseResponse } from './knowledge-base-lookup.js';
import { beginTransition } from '../status-transition.js';

/**
 * A full replacement of name, description and role; the two configurations must be sent unchanged (the API
 * reference: "You can't change the knowledgeBaseConfiguration or storageConfiguration fields"). Answers UPDATING;
 * ACTIVE from the next read on.
 */
export function UpdateKnowledgeBase(ctx: OperationContext, input: UpdateKnowledgeBaseInput) {
  const kb = findKnowledgeBase(ctx, input.knowledgeBaseId);
  for (const member of ['knowledgeBaseConfiguration', 'storageConfiguration'] as const) {
    if (!isDeepStrictEqual(input[member], kb[member])) {
      throw validationException(`The ${member} of a knowledge base can't be changed. Send the one the knowledge base was created with.`);
    }
  }
  kb.name = input.name;
  kb.description = input.description;
  kb.roleArn = input.roleArn;
  kb.updatedAt = ctx.clock.timestamp();
  beginTransition(ctx, kb, 'UPDATING', 'ACTIVE');
  return knowledgeBaseResponse(kb);
}
