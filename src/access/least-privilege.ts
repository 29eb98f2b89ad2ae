/**
 * GET /_emulator/iam/least-privilege: the identity policy allowing exactly what a principal was recorded asking to
 * do (allowed and denied alike), from the decision log. One statement an action, its resources exact; actions
 * without a resource type on `*` (only `"Resource": "*"` grants those: reference iam.md, statement matching);
 * iam:PassRole only to the service the role was passed to.
 */
import { validationException } from '../protocol/errors.js';
import type { DecisionLog } from './decision-log.js';
import { statementsByAction, type PolicyJson } from './flow-role-policy.js';

/** The emulator passes roles only to Bedrock (CreateFlow, UpdateFlow, knowledge bases: src/server/pipeline.ts). */
const PASSED_TO = 'bedrock.amazonaws.com';

/**
 * Which recorded principals count: the ARN itself; for a role ARN also every session of the role (a flow's runs
 * act as `assumed-role/NAME/BedrockFlows-FLOW`), since a role policy serves all of them.
 */
function principalMatcher(arn: string): (principal: string) => boolean {
  const role = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (!role) return (principal) => principal === arn;
  const sessions = `arn:${role[1]}:sts::${role[2]}:assumed-role/${role[3]}/`;
  return (principal) => principal === arn || principal.startsWith(sessions);
}

export function leastPrivilegePolicy(decisions: DecisionLog, principal: string | undefined): PolicyJson {
  if (!principal) throw validationException('The principal query parameter is required: ?principal=ARN (a user, role or role session).');
  const statements = statementsByAction(decisions.requests(principalMatcher(principal))).map((s) =>
    s.Action === 'iam:PassRole' ? { ...s, Condition: { StringEquals: { 'iam:PassedToService': PASSED_TO } } } : s,
  );
  return { Version: '2012-10-17', Statement: statements };
}
