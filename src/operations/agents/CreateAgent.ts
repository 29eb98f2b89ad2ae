import type { CreateAgentInput } from '../../generated/types.js';
import { quota } from '../../protocol/errors.js';
import { agentAliasArn, agentArn } from '../../world/arns.js';
import type { AgentAliasRecord, AgentRecord } from '../../world/records.js';
import type { OperationContext } from '../context.js';
import { idempotent } from '../idempotency.js';
import { beginTransition } from '../status-transition.js';
import { addTags } from '../tags/tag-store.js';
import { agentDraft } from './agent-draft.js';
import { agentResponse, TEST_ALIAS_ID } from './agent-lookup.js';
import { applyAgentAliasRouting } from './agent-alias-routing.js';

/** AWS accepts a second agent of the same name and fails it afterwards, saying why (quoted in a Terraform log). */
const NAME_TAKEN = 'Cannot create a new agent as an agent with the same name already exists.';

/** Answers CREATING; NOT_PREPARED (or FAILED) from the next read on. `agentId` is for fixtures only. */
export function CreateAgent(ctx: OperationContext, input: CreateAgentInput, agentId?: string) {
  return idempotent(ctx, 'CreateAgent', '', input, () => {
    const max = ctx.settings.quotas.agentsPerAccount;
    const count = ctx.world.agents.size;
    if (count >= max) throw quota('CreateAgent', 'agents-per-account', max, count + 1);
    const id = agentId ?? ctx.ids.id10();
    const now = ctx.clock.timestamp();
    const { clientToken, tags, ...draft } = input;
    const nameTaken = [...ctx.world.agents.values()].some((a) => a.draft.agentName === input.agentName);
    const agent: AgentRecord = {
      agentId: id,
      agentArn: agentArn(ctx.world, id),
      clientToken,
      draft: agentDraft(ctx.world, id, draft),
      status: 'CREATING',
      createdAt: now,
      updatedAt: now,
      versions: {},
      nextVersion: 1,
      aliases: { [TEST_ALIAS_ID]: testAlias(ctx, id, now) },
    };
    if (nameTaken) beginTransition(ctx, agent, 'CREATING', 'FAILED', { failureReasons: [NAME_TAKEN] });
    else beginTransition(ctx, agent, 'CREATING', 'NOT_PREPARED');
    ctx.world.agents.set(id, agent);
    addTags(ctx.world, agent.agentArn, tags);
    return { agent: agentResponse(agent) };
  });
}

/** Named as the console names it (aws-cdk's Bedrock agent construct mirrors that name for TSTALIASID). */
function testAlias(ctx: OperationContext, agentId: string, now: string): AgentAliasRecord {
  const alias: AgentAliasRecord = {
    agentId,
    agentAliasId: TEST_ALIAS_ID,
    agentAliasArn: agentAliasArn(ctx.world, agentId, TEST_ALIAS_ID),
    agentAliasName: 'AgentTestAlias',
    routingConfiguration: [],
    agentAliasHistoryEvents: [],
    aliasInvocationState: 'ACCEPT_INVOCATIONS',
    status: 'PREPARED',
    createdAt: now,
    updatedAt: now,
  };
  applyAgentAliasRouting(alias, [{ agentVersion: 'DRAFT' }], now);
  return alias;
}
