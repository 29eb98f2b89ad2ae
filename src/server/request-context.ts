/**
 * The IAM request context AWS populates for a Bedrock call (README, IAM behaviour): request and resource tags and the
 * environment keys (the principal's own keys are src/iam's to add).
 */
import type { FastifyRequest } from 'fastify';
import type { World } from '../world/world.js';
import type { ContextValue } from '../iam/index.js';
import type { OperationName } from '../generated/operations.js';
import type { OperationInputs } from '../generated/types.js';
import { environmentContext } from './environment-context.js';
import type { RouteOf } from './route.js';

export function requestContext<N extends OperationName>(
  req: FastifyRequest,
  world: World,
  resource: string,
  route: RouteOf<N>,
  input: OperationInputs[N],
  now: number,
): Record<string, ContextValue> {
  // Object.assign, not a spread: cheaper on every request (src/access/caller-authorizer.ts); aws:SourceIp stays first.
  const context: Record<string, ContextValue> = Object.assign({ 'aws:SourceIp': req.ip }, environmentContext(now, world.region));
  const requestTags = route.requestTags?.(input);
  if (requestTags) {
    for (const [k, v] of Object.entries(requestTags)) context[`aws:RequestTag/${k}`] = v;
    context['aws:TagKeys'] = Object.keys(requestTags);
  }
  const tagKeys = route.tagKeys?.(input);
  if (tagKeys) context['aws:TagKeys'] = tagKeys;
  const resourceTags = resource === '*' ? undefined : world.tags.get(resource);
  if (resourceTags) for (const [k, v] of Object.entries(resourceTags)) context[`aws:ResourceTag/${k}`] = v;
  return context;
}
