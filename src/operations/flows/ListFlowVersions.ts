import type { ListFlowVersionsInput } from '../../generated/types.js';
import { paginate } from '../../protocol/pagination.js';
import type { OperationContext } from '../context.js';
import { findFlow } from './flow-lookup.js';

/** The working draft is listed first, as `DRAFT` (docs/behaviour.md#test-alias-and-draft-in-lists), then the numbered versions. */
export function ListFlowVersions(ctx: OperationContext, input: ListFlowVersionsInput) {
  const flow = findFlow(ctx, input.flowIdentifier);
  const all = [
    { id: flow.id, arn: flow.arn, status: flow.status, createdAt: flow.createdAt, version: 'DRAFT' },
    ...Object.values(flow.versions).map((v) => ({
      id: flow.id,
      arn: flow.arn,
      status: v.status,
      createdAt: v.createdAt,
      version: v.version,
    })),
  ];
  const page = paginate(all, input.maxResults, input.nextToken);
  return { flowVersionSummaries: page.items, nextToken: page.nextToken };
}
