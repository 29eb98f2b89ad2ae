import { NO_RESOURCE, defineRoute } from '../src/server/route.js';
import { CreatePrompt } from '../src/operations/prompts/CreatePrompt.js';
import { CreatePromptVersion } from '../src/operations/prompts/CreatePromptVersion.js';
import { DeletePrompt } from '../src/operations/prompts/DeletePrompt.js';
import { GetPrompt } from '../src/operations/prompts/GetPrompt.js';
import { ListPrompts } from '../src/operations/prompts/ListPrompts.js';
import { UpdatePrompt } from '../src/operations/prompts/UpdatePrompt.js';
import { promptResource } from './resources.js';

export default [
  defineRoute('CreatePrompt', { action: 'bedrock:CreatePrompt', resource: NO_RESOURCE, requestTags: (i) => i.tags, handler: CreatePrompt }),
  defineRoute('GetPrompt', { action: 'bedrock:GetPrompt', resource: promptResource, handler: GetPrompt }),
  defineRoute('UpdatePrompt', { action: 'bedrock:UpdatePrompt', resource: promptResource, handler: UpdatePrompt }),
  defineRoute('ListPrompts', {
    action: 'bedrock:ListPrompts',
    resource: ({ promptIdentifier }, w) => (promptIdentifier ? promptResource({ promptIdentifier }, w) : '*'),
    handler: ListPrompts,
  }),
  defineRoute('DeletePrompt', { action: 'bedrock:DeletePrompt', resource: promptResource, handler: DeletePrompt }),
  defineRoute('CreatePromptVersion', {
    action: 'bedrock:CreatePromptVersion',
    resource: (i, w) => promptResource({ promptIdentifier: i.promptIdentifier }, w),
    requestTags: (i) => i.tags,
    handler: CreatePromptVersion,
  }),
];
