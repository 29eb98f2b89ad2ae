import type { GetAgentInput } from '../../generated/types.js';
import type { OperationContext } from '../context.js';
import { agentResponse, findAgent } from './agent-lookup.js';

export function GetAgent(ctx: OperationContext, input: GetAgentInput) {
  return { agent: agentResponse(findAgent(ctx, input.agentId)) };
}
