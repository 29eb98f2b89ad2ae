import { NO_RESOURCE, defineRoute } from '../src/server/route.js';
import { CreateFlow } from '../src/operations/flows/CreateFlow.js';
import { DeleteFlow } from '../src/operations/flows/DeleteFlow.js';
import { GetFlow } from '../src/operations/flows/GetFlow.js';
import { ListFlows } from '../src/operations/flows/ListFlows.js';
import { PrepareFlow } from '../src/operations/flows/PrepareFlow.js';
import { UpdateFlow } from '../src/operations/flows/UpdateFlow.js';
import { ValidateFlowDefinition } from '../src/operations/flows/ValidateFlowDefinition.js';
import { flowResource } from './resources.js';

export default [
  defineRoute('CreateFlow', {
    action: 'bedrock:CreateFlow',
    resource: NO_RESOURCE,
    requestTags: (i) => i.tags,
    passRole: (i) => i.executionRoleArn,
    handler: CreateFlow,
  }),
  defineRoute('GetFlow', { action: 'bedrock:GetFlow', resource: flowResource, handler: GetFlow }),
  defineRoute('UpdateFlow', {
    action: 'bedrock:UpdateFlow',
    resource: flowResource,
    passRole: (i) => i.executionRoleArn,
    handler: UpdateFlow,
  }),
  defineRoute('DeleteFlow', { action: 'bedrock:DeleteFlow', resource: flowResource, handler: DeleteFlow }),
  defineRoute('ListFlows', { action: 'bedrock:ListFlows', resource: NO_RESOURCE, handler: ListFlows }),
  defineRoute('PrepareFlow', { action: 'bedrock:PrepareFlow', resource: flowResource, handler: PrepareFlow }),
  defineRoute('ValidateFlowDefinition', {
    action: 'bedrock:ValidateFlowDefinition',
    resource: NO_RESOURCE,
    handler: ValidateFlowDefinition,
  }),
];
