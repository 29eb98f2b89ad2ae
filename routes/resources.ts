/** Resource ARNs that routes are authorized on, built from the identifiers in their input. */
import {
  agentAliasArn,
  agentArn,
  aliasIdFromIdentifier,
  flowAliasArn,
  flowArn,
  idFromIdentifier,
  knowledgeBaseArn,
  promptArn,
} from '../src/world/arns.js';
import type { World } from '../src/world/world.js';

const flowId = (identifier: string, w: World) => idFromIdentifier(identifier, w, 'flow');

export const flowResource = (i: { flowIdentifier: string }, w: World) => flowArn(w, flowId(i.flowIdentifier, w));

export const flowAliasResource = (i: { flowIdentifier: string; aliasIdentifier?: string; flowAliasIdentifier?: string }, w: World) => {
  const id = flowId(i.flowIdentifier, w);
  return flowAliasArn(w, id, aliasIdFromIdentifier(i.aliasIdentifier ?? i.flowAliasIdentifier ?? '', w, id));
};

/** A prompt, or the prompt version that the query or the identifier's `:N` suffix names (IAM type prompt-version). */
export const promptResource = (i: { promptIdentifier: string; promptVersion?: string }, w: World) => {
  const [id, arnVersion] = idFromIdentifier(i.promptIdentifier, w, 'prompt').split(':') as [string, string?];
  return promptArn(w, id, i.promptVersion ?? arnVersion);
};

export const taggedResource = (i: { resourceArn: string }) => i.resourceArn;

/** Knowledge bases and agents are named by id only in their paths (no ARN forms). */
export const knowledgeBaseResource = (i: { knowledgeBaseId: string }, w: World) => knowledgeBaseArn(w, i.knowledgeBaseId);

export const agentResource = (i: { agentId: string }, w: World) => agentArn(w, i.agentId);

export const agentAliasResource = (i: { agentId: string; agentAliasId: string }, w: World) => agentAliasArn(w, i.agentId, i.agentAliasId);
