import type { AgentStatus, PrepareAgentInput, PrepareAgentOutput } from '../../generated/types.js';
import { conflict } from '../../protocol/errors.js';
import type { OperationContext } from '../context.js';
import { beginTransition } from '../status-transition.js';
import { findAgent } from './agent-lookup.js';

/** Statuses of work in progress, during which AWS refuses to prepare (terraform-provider-aws #42845). */
const IN_PROGRESS: readonly AgentStatus[] = ['CREATING', 'PREPARING', 'UPDATING', 'VERSIONING', 'DELETING'];

/** An agent without instructions fails preparation, with this reason (two Terraform reports quote it). */
const NO_INSTRUCTION = 'Exception: Agent Instruction cannot be null';

/** Answers PREPARING; PREPARED (FAILED without instructions) from the next read on. */
export function PrepareAgent(ctx: OperationContext, input: PrepareAgentInput): PrepareAgentOutput {
  const agent = findAgent(ctx, input.agentId);
  if (IN_PROGRESS.includes(agent.status)) {
    const state = agent.status.charAt(0) + agent.status.slice(1).toLowerCase();
    throw conflict(`Prepare operation can't be performed on Agent when it is in ${state} state`);
  }
  const preparedAt = ctx.clock.timestamp();
  agent.preparedAt = preparedAt;
  if (agent.draft.instruction === undefined) beginTransition(ctx, agent, 'PREPARING', 'FAILED', { failureReasons: [NO_INSTRUCTION] });
  else beginTransition(ctx, agent, 'PREPARING', 'PREPARED');
  return { agentId: agent.agentId, agentStatus: agent.status, agentVersion: 'DRAFT', preparedAt };
}
