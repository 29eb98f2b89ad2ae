import { NO_RESOURCE, defineRoutes } from '../src/server/route.js';
import { CreatePrompt } from '../src/operations/prompts/CreatePrompt.js';
import { CreatePromptVersion } from '../src/operations/prompts/CreatePromptVersion.js';
import { DeletePrompt } from '../src/operations/prompts/DeletePrompt.js';
import { GetPrompt } from '../src/operations/prompts/GetPrompt.js';
import { ListPrompts } from '../src/operations/prompts/ListPrompts.js';
import { UpdatePrompt } from '../src/operations/prompts/UpdatePrompt.js';
import { promptResource } from './resources.js';

export default defineRoutes([
  { operation: 'CreatePrompt', action: 'bedrock:CreatePrompt', resource: NO_RESOURCE, requestTags: (i) => i.tags, handler: CreatePrompt },
  { operation: 'GetPrompt', action: 'bedrock:GetPrompt', resource: promptResource, handler: GetPrompt },
  { operation: 'UpdatePrompt', action: 'bedrock:UpdatePrompt', resource: promptResource, handler: UpdatePrompt },
  {
    operation: 'ListPrompts',
    action: 'bedrock:ListPrompts',
    resource: (i, w) => (i.promptIdentifier ? promptResource(i, w) : '*'),
    handler: ListPrompts,
  },
  { operation: 'DeletePrompt', action: 'bedrock:DeletePrompt', resource: promptResource, handler: DeletePrompt },
  {
    operation: 'CreatePromptVersion',
    action: 'bedrock:CreatePromptVersion',
    resource: (i, w) => promptResource({ promptIdentifier: i.promptIdentifier }, w),
    requestTags: (i) => i.tags,
    handler: CreatePromptVersion,
  },
]);
