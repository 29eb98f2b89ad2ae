import type { UpdateAgentInput } from '../../generated/types.js';
import type { OperationContext } from '../context.js';
import { beginTransition } from '../status-transition.js';
import { agentDraft } from './agent-draft.js';
import { agentResponse, findAgent } from './agent-lookup.js';

/** A full replacement of the draft; answers UPDATING, and the draft needs preparing again (NOT_PREPARED). */
export function UpdateAgent(ctx: OperationContext, input: UpdateAgentInput) {
  const agent = findAgent(ctx, input.agentId);
  const { agentId: _, ...draft } = input;
  agent.draft = agentDraft(ctx.world, agent.agentId, draft);
  agent.updatedAt = ctx.clock.timestamp();
  beginTransition(ctx, agent, 'UPDATING', 'NOT_PREPARED');
  return { agent: agentResponse(agent) };
}
