import { defineRoute } from '../src/server/route.js';
import { CreateFlowAlias } from '../src/operations/flows/CreateFlowAlias.js';
import { DeleteFlowAlias } from '../src/operations/flows/DeleteFlowAlias.js';
import { GetFlowAlias } from '../src/operations/flows/GetFlowAlias.js';
import { ListFlowAliases } from '../src/operations/flows/ListFlowAliases.js';
import { UpdateFlowAlias } from '../src/operations/flows/UpdateFlowAlias.js';
import { flowAliasResource, flowResource } from './resources.js';

export default [
  defineRoute('CreateFlowAlias', {
    action: 'bedrock:CreateFlowAlias',
    resource: flowResource,
    requestTags: (i) => i.tags,
    handler: CreateFlowAlias,
  }),
  defineRoute('GetFlowAlias', { action: 'bedrock:GetFlowAlias', resource: flowAliasResource, handler: GetFlowAlias }),
  defineRoute('UpdateFlowAlias', { action: 'bedrock:UpdateFlowAlias', resource: flowAliasResource, handler: UpdateFlowAlias }),
  defineRoute('ListFlowAliases', { action: 'bedrock:ListFlowAliases', resource: flowResource, handler: ListFlowAliases }),
  defineRoute('DeleteFlowAlias', { action: 'bedrock:DeleteFlowAlias', resource: flowAliasResource, handler: DeleteFlowAlias }),
];
