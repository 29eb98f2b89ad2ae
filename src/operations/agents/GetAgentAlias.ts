import type { GetAgentAliasInput } from '../../generated/types.js';
import type { OperationContext } from '../context.js';
import { agentAliasResponse, findAgentAlias } from './agent-alias-lookup.js';
import { findAgent } from './agent-lookup.js';

export function GetAgentAlias(ctx: OperationContext, input: GetAgentAliasInput) {
  return agentAliasResponse(findAgentAlias(ctx, findAgent(ctx, input.agentId), input.agentAliasId));
}
