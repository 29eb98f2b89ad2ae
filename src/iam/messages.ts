/** AccessDeniedException messages in AWS's current wording. */
import { evaluatedResource } from './catalog.js';
import type { Decision, PolicyType } from './evaluate.js';
import type { Principal } from './principal.js';

const EXPLICIT: Readonly<Record<PolicyType, string>> = {
  identity: 'an identity-based policy',
  boundary: 'a permissions boundary',
  session: 'a session policy',
  resource: 'a resource-based policy',
};

const IMPLICIT: Readonly<Record<PolicyType, string>> = {
  identity: 'identity-based policy',
  boundary: 'permissions boundary',
  session: 'session policy',
  resource: 'resource-based policy',
};

/**
 * `User: ARN is not authorized to perform: ACTION on resource: ARN because no identity-based policy allows the
 * ACTION action` (or `with an explicit deny in ...`). A `*` resource is left out, as AWS does.
 */
export function accessDeniedMessage(principal: Principal, action: string, resource: string, decision: Decision): string {
  const evaluated = evaluatedResource(action, resource);
  const onResource = evaluated === '*' ? '' : ` on resource: ${evaluated}`;
  const prefix = `User: ${principal.arn} is not authorized to perform: ${action}${onResource}`;
  const type = decision.deniedBy ?? 'identity';
  return decision.decision === 'ExplicitDeny'
    ? `${prefix} with an explicit deny in ${EXPLICIT[type]}`
    : `${prefix} because no ${IMPLICIT[type]} allows the ${action} action`;
}
