/**
 * AWS::Bedrock::KnowledgeBase, Agent and AgentAlias (docs: aws-resource-bedrock-agent.html and siblings) as fixture
 * entries: settled resources (knowledge base ACTIVE, agent and aliases PREPARED) with no documents or response
 * rules of their own; a fixture declares those for resources it owns (docs/fixtures.md).
 */
import type { AgentFixture } from '../../fixtures/schema.js';
import { agentAliasArn, agentArn, knowledgeBaseArn } from '../../world/arns.js';
import { addEntry, type Created, physicalId, properties, scopeOf, type Stack, tagMap } from '../stack.js';
import { TemplateError } from '../template-error.js';

const agentsOf = new WeakMap<Stack, Map<string, { entry: AgentFixture; index: number }>>();

export function knowledgeBase(props: Record<string, unknown>, logicalId: string, stack: Stack, path: string): Created {
  const p = properties(props, path);
  const id = physicalId(stack, logicalId);
  const entry: (typeof stack.fixture.knowledgeBases)[number] = { knowledgeBaseId: id, name: p.required('Name') };
  const description = p.string('Description');
  if (description !== undefined) entry.description = description;
  const role = p.string('RoleArn');
  if (role !== undefined) entry.roleArn = role;
  const tags = tagMap(props.Tags, p.at('Tags'));
  if (tags) entry.tags = tags;
  addEntry(stack, 'knowledgeBases', entry, path);
  const arn = knowledgeBaseArn(scopeOf(stack), id);
  return { ref: id, attributes: { KnowledgeBaseArn: arn, KnowledgeBaseId: id, Status: 'ACTIVE' } };
}

export function agent(props: Record<string, unknown>, logicalId: string, stack: Stack, path: string): Created {
  const p = properties(props, path);
  const id = physicalId(stack, logicalId);
  const entry: AgentFixture = { agentId: id, agentName: p.required('AgentName'), aliases: [] };
  const optional = {
    description: 'Description',
    agentResourceRoleArn: 'AgentResourceRoleArn',
    foundationModel: 'FoundationModel',
    instruction: 'Instruction',
  } as const;
  for (const [member, name] of Object.entries(optional)) {
    const value = p.string(name);
    if (value !== undefined) entry[member as keyof typeof optional] = value;
  }
  const tags = tagMap(props.Tags, p.at('Tags'));
  if (tags) entry.tags = tags;
  const index = addEntry(stack, 'agents', entry, path);
  const byId = agentsOf.get(stack) ?? new Map();
  agentsOf.set(stack, byId.set(id, { entry, index }));
  const arn = agentArn(scopeOf(stack), id);
  return { ref: id, attributes: { AgentArn: arn, AgentId: id, AgentStatus: 'PREPARED', AgentVersion: 'DRAFT' } };
}

export function agentAlias(props: Record<string, unknown>, logicalId: string, stack: Stack, path: string): Created {
  const p = properties(props, path);
  const agentId = p.required('AgentId');
  const found = agentsOf.get(stack)?.get(agentId);
  if (!found)
    throw new TemplateError(p.at('AgentId'), `${agentId} is not an agent of this template (aliases of other agents are not modelled)`);
  const aliasId = physicalId(stack, logicalId);
  const alias: NonNullable<AgentFixture['aliases']>[number] = { agentAliasId: aliasId, agentAliasName: p.required('AgentAliasName') };
  const tags = tagMap(props.Tags, p.at('Tags'));
  if (tags) alias.tags = tags;
  const aliases = found.entry.aliases!;
  aliases.push(alias);
  stack.origins.push([`$.agents[${found.index}].aliases[${aliases.length - 1}]`, path]);
  const arn = agentAliasArn(scopeOf(stack), agentId, aliasId);
  return { ref: `${agentId}|${aliasId}`, attributes: { AgentAliasArn: arn, AgentAliasId: aliasId, AgentId: agentId } };
}
