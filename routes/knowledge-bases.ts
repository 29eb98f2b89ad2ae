import { NO_RESOURCE, defineRoute } from '../src/server/route.js';
import { CreateKnowledgeBase } from '../src/operations/knowledge-bases/CreateKnowledgeBase.js';
import { DeleteKnowledgeBase } from '../src/operations/knowledge-bases/DeleteKnowledgeBase.js';
import { GetKnowledgeBase } from '../src/operations/knowledge-bases/GetKnowledgeBase.js';
import { ListKnowledgeBases } from '../src/operations/knowledge-bases/ListKnowledgeBases.js';
import { UpdateKnowledgeBase } from '../src/operations/knowledge-bases/UpdateKnowledgeBase.js';
import { knowledgeBaseResource } from './resources.js';

export default [
  defineRoute('CreateKnowledgeBase', {
    action: 'bedrock:CreateKnowledgeBase',
    resource: NO_RESOURCE,
    requestTags: (i) => i.tags,
    passRole: (i) => i.roleArn,
    handler: CreateKnowledgeBase,
  }),
  defineRoute('GetKnowledgeBase', { action: 'bedrock:GetKnowledgeBase', resource: knowledgeBaseResource, handler: GetKnowledgeBase }),
  defineRoute('UpdateKnowledgeBase', {
    action: 'bedrock:UpdateKnowledgeBase',
    resource: knowledgeBaseResource,
    // The role is passed again on every update (CloudFormation's KnowledgeBase update handler needs iam:PassRole).
    passRole: (i) => i.roleArn,
    handler: UpdateKnowledgeBase,
  }),
  defineRoute('ListKnowledgeBases', { action: 'bedrock:ListKnowledgeBases', resource: NO_RESOURCE, handler: ListKnowledgeBases }),
  defineRoute('DeleteKnowledgeBase', {
    action: 'bedrock:DeleteKnowledgeBase',
    resource: knowledgeBaseResource,
    handler: DeleteKnowledgeBase,
  }),
];
