import type { ListAgentVersionsInput } from '../../generated/types.js';
import { paginate } from '../../protocol/pagination.js';
import type { OperationContext } from '../context.js';
import { agentVersionSummaries, findAgent } from './agent-lookup.js';

/** The draft is listed first, as DRAFT (docs/behaviour.md#test-alias-and-draft-in-lists), then the numbered versions. */
export function ListAgentVersions(ctx: OperationContext, input: ListAgentVersionsInput) {
  const page = paginate(agentVersionSummaries(findAgent(ctx, input.agentId)), input.maxResults, input.nextToken);
  return { agentVersionSummaries: page.items, nextToken: page.nextToken };
}
