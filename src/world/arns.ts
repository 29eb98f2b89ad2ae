/**
 * ARN builders and parsers for the Bedrock resources the emulator serves (formats: the Service Authorization
 * Reference, https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html).
 */
import { notFound, validationException } from '../protocol/errors.js';

export interface Scope {
  account: string;
  region: string;
  partition?: string;
}

const base = (s: Scope, service = 'bedrock') => `arn:${s.partition ?? 'aws'}:${service}:${s.region}:${s.account}`;

export const flowArn = (s: Scope, flowId: string) => `${base(s)}:flow/${flowId}`;
export const flowAliasArn = (s: Scope, flowId: string, aliasId: string) => `${base(s)}:flow/${flowId}/alias/${aliasId}`;
export const flowExecutionArn = (s: Scope, flowId: string, aliasId: string, executionId: string) =>
  `${flowAliasArn(s, flowId, aliasId)}/execution/${executionId}`;
export const promptArn = (s: Scope, promptId: string, version?: string) =>
  `${base(s)}:prompt/${promptId}${version && version !== 'DRAFT' ? `:${version}` : ''}`;
export const knowledgeBaseArn = (s: Scope, kbId: string) => `${base(s)}:knowledge-base/${kbId}`;
export const agentArn = (s: Scope, agentId: string) => `${base(s)}:agent/${agentId}`;
export const agentAliasArn = (s: Scope, agentId: string, aliasId: string) => `${base(s)}:agent-alias/${agentId}/${aliasId}`;
export const lambdaArn = (s: Scope, name: string) => `${base(s, 'lambda')}:function:${name}`;
export const lexBotAliasArn = (s: Scope, botId: string, aliasId: string) => `${base(s, 'lex')}:bot-alias/${botId}/${aliasId}`;

export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

export function parseArn(arn: string): ParsedArn | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition, service, region, account] = parts as [string, string, string, string, string];
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
}

/**
 * An identifier path label may be the resource id or its ARN. An ARN of another account or region names a resource
 * this world cannot see: not found, as AWS answers.
 */
export function idFromIdentifier(identifier: string, scope: Scope, resourcePrefix: string): string {
  if (!identifier.startsWith('arn:')) return identifier;
  const arn = parseArn(identifier);
  if (arn?.service !== 'bedrock' || !arn.resource.startsWith(`${resourcePrefix}/`)) {
    throw validationException(`Invalid ARN: ${identifier}`);
  }
  if (arn.account !== scope.account || arn.region !== scope.region) throw notFound();
  return arn.resource.slice(resourcePrefix.length + 1);
}

/** Flow alias identifiers: `TSTALIASID`, a 10-character id, or the alias ARN (whose flow must be the same flow). */
export function aliasIdFromIdentifier(identifier: string, scope: Scope, flowId: string): string {
  if (!identifier.startsWith('arn:')) return identifier;
  const rest = idFromIdentifier(identifier, scope, 'flow');
  const [arnFlowId, word, aliasId] = rest.split('/');
  if (word !== 'alias' || !aliasId) throw validationException(`Invalid ARN: ${identifier}`);
  if (arnFlowId !== flowId) throw notFound();
  return aliasId;
}
