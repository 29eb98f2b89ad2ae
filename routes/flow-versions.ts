import { defineRoute } from '../src/server/route.js';
import { CreateFlowVersion } from '../src/operations/flows/CreateFlowVersion.js';
import { DeleteFlowVersion } from '../src/operations/flows/DeleteFlowVersion.js';
import { GetFlowVersion } from '../src/operations/flows/GetFlowVersion.js';
import { ListFlowVersions } from '../src/operations/flows/ListFlowVersions.js';
import { flowResource } from './resources.js';

export default [
  defineRoute('CreateFlowVersion', { action: 'bedrock:CreateFlowVersion', resource: flowResource, handler: CreateFlowVersion }),
  defineRoute('GetFlowVersion', { action: 'bedrock:GetFlowVersion', resource: flowResource, handler: GetFlowVersion }),
  defineRoute('ListFlowVersions', { action: 'bedrock:ListFlowVersions', resource: flowResource, handler: ListFlowVersions }),
  defineRoute('DeleteFlowVersion', { action: 'bedrock:DeleteFlowVersion', resource: flowResource, handler: DeleteFlowVersion }),
];
