import { NO_RESOURCE, defineRoute } from '../src/server/route.js';
import { CreateAgent } from '../src/operations/agents/CreateAgent.js';
import { CreateAgentAlias } from '../src/operations/agents/CreateAgentAlias.js';
import { DeleteAgent } from '../src/operations/agents/DeleteAgent.js';
import { DeleteAgentAlias } from '../src/operations/agents/DeleteAgentAlias.js';
import { GetAgent } from '../src/operations/agents/GetAgent.js';
import { GetAgentAlias } from '../src/operations/agents/GetAgentAlias.js';
import { GetAgentVersion } from '../src/operations/agents/GetAgentVersion.js';
import { ListAgentAliases } from '../src/operations/agents/ListAgentAliases.js';
import { ListAgents } from '../src/operations/agents/ListAgents.js';
import { ListAgentVersions } from '../src/operations/agents/ListAgentVersions.js';
import { PrepareAgent } from '../src/operations/agents/PrepareAgent.js';
import { UpdateAgent } from '../src/operations/agents/UpdateAgent.js';
import { UpdateAgentAlias } from '../src/operations/agents/UpdateAgentAlias.js';
import { agentAliasResource, agentResource } from './resources.js';

export default [
  defineRoute('CreateAgent', {
    action: 'bedrock:CreateAgent',
    resource: NO_RESOURCE,
    requestTags: (i) => i.tags,
    passRole: (i) => i.agentResourceRoleArn,
    handler: CreateAgent,
  }),
  defineRoute('GetAgent', { action: 'bedrock:GetAgent', resource: agentResource, handler: GetAgent }),
  defineRoute('UpdateAgent', {
    action: 'bedrock:UpdateAgent',
    resource: agentResource,
    passRole: (i) => i.agentResourceRoleArn,
    handler: UpdateAgent,
  }),
  defineRoute('ListAgents', { action: 'bedrock:ListAgents', resource: NO_RESOURCE, handler: ListAgents }),
  defineRoute('DeleteAgent', { action: 'bedrock:DeleteAgent', resource: agentResource, handler: DeleteAgent }),
  defineRoute('PrepareAgent', { action: 'bedrock:PrepareAgent', resource: agentResource, handler: PrepareAgent }),
  defineRoute('GetAgentVersion', { action: 'bedrock:GetAgentVersion', resource: agentResource, handler: GetAgentVersion }),
  defineRoute('ListAgentVersions', { action: 'bedrock:ListAgentVersions', resource: agentResource, handler: ListAgentVersions }),
  defineRoute('CreateAgentAlias', {
    action: 'bedrock:CreateAgentAlias',
    resource: agentResource,
    requestTags: (i) => i.tags,
    handler: CreateAgentAlias,
  }),
  defineRoute('GetAgentAlias', { action: 'bedrock:GetAgentAlias', resource: agentAliasResource, handler: GetAgentAlias }),
  defineRoute('UpdateAgentAlias', { action: 'bedrock:UpdateAgentAlias', resource: agentAliasResource, handler: UpdateAgentAlias }),
  defineRoute('ListAgentAliases', { action: 'bedrock:ListAgentAliases', resource: agentResource, handler: ListAgentAliases }),
  defineRoute('DeleteAgentAlias', { action: 'bedrock:DeleteAgentAlias', resource: agentAliasResource, handler: DeleteAgentAlias }),
];
