import type { GetAgentVersionInput } from '../../generated/types.js';
import type { OperationContext } from '../context.js';
import { agentVersionResponse, findAgent, findAgentVersion } from './agent-lookup.js';

/** Numbered versions only: the model's NumericalVersion path pattern refuses DRAFT (GetAgent serves the draft). */
export function GetAgentVersion(ctx: OperationContext, input: GetAgentVersionInput) {
  const agent = findAgent(ctx, input.agentId);
  return { agentVersion: agentVersionResponse(agent, findAgentVersion(agent, input.agentVersion)) };
}
