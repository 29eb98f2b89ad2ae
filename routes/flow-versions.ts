import { defineRoutes } from '../src/server/route.js';
import { CreateFlowVersion } from '../src/operations/flows/CreateFlowVersion.js';
import { DeleteFlowVersion } from '../src/operations/flows/DeleteFlowVersion.js';
import { GetFlowVersion } from '../src/operations/flows/GetFlowVersion.js';
import { ListFlowVersions } from '../src/operations/flows/ListFlowVersions.js';
import { flowResource } from './resources.js';

export default defineRoutes([
  { operation: 'CreateFlowVersion', action: 'bedrock:CreateFlowVersion', resource: flowResource, handler: CreateFlowVersion },
  { operation: 'GetFlowVersion', action: 'bedrock:GetFlowVersion', resource: flowResource, handler: GetFlowVersion },
  { operation: 'ListFlowVersions', action: 'bedrock:ListFlowVersions', resource: flowResource, handler: ListFlowVersions },
  { operation: 'DeleteFlowVersion', action: 'bedrock:DeleteFlowVersion', resource: flowResource, handler: DeleteFlowVersion },
]);
