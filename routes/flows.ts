import { NO_RESOURCE, defineRoutes } from '../src/server/route.js';
import { CreateFlow } from '../src/operations/flows/CreateFlow.js';
import { DeleteFlow } from '../src/operations/flows/DeleteFlow.js';
import { GetFlow } from '../src/operations/flows/GetFlow.js';
import { ListFlows } from '../src/operations/flows/ListFlows.js';
import { PrepareFlow } from '../src/operations/flows/PrepareFlow.js';
import { UpdateFlow } from '../src/operations/flows/UpdateFlow.js';
import { ValidateFlowDefinition } from '../src/operations/flows/ValidateFlowDefinition.js';
import { flowResource } from './resources.js';

export default defineRoutes([
  {
    operation: 'CreateFlow',
    action: 'bedrock:CreateFlow',
    resource: NO_RESOURCE,
    requestTags: (i) => i.tags,
    passRole: (i) => i.executionRoleArn,
    handler: CreateFlow,
  },
  { operation: 'GetFlow', action: 'bedrock:GetFlow', resource: flowResource, handler: GetFlow },
  {
    operation: 'UpdateFlow',
    action: 'bedrock:UpdateFlow',
    resource: flowResource,
    passRole: (i) => i.executionRoleArn,
    handler: UpdateFlow,
  },
  { operation: 'DeleteFlow', action: 'bedrock:DeleteFlow', resource: flowResource, handler: DeleteFlow },
  { operation: 'ListFlows', action: 'bedrock:ListFlows', resource: NO_RESOURCE, handler: ListFlows },
  { operation: 'PrepareFlow', action: 'bedrock:PrepareFlow', resource: flowResource, handler: PrepareFlow },
  {
    operation: 'ValidateFlowDefinition',
    action: 'bedrock:ValidateFlowDefinition',
    resource: NO_RESOURCE,
    handler: ValidateFlowDefinition,
  },
]);
