import type { DeleteAgentAliasInput, DeleteAgentAliasOutput } from '../../generated/types.js';
import type { OperationContext } from '../context.js';
import { dropTags } from '../tags/tag-store.js';
import { findAgentAlias, rejectTestAlias } from './agent-alias-lookup.js';
import { findAgent } from './agent-lookup.js';

/** Answers DELETING and removes the alias at once; the versions it created stay, as on AWS. */
export function DeleteAgentAlias(ctx: OperationContext, input: DeleteAgentAliasInput): DeleteAgentAliasOutput {
  rejectTestAlias(input.agentAliasId);
  const agent = findAgent(ctx, input.agentId);
  const alias = findAgentAlias(ctx, agent, input.agentAliasId);
  delete agent.aliases[alias.agentAliasId];
  dropTags(ctx.world, alias.agentAliasArn);
  return { agentId: agent.agentId, agentAliasId: alias.agentAliasId, agentAliasStatus: 'DELETING' };
}
