/**
 * The flow execution role's checks: may Bedrock assume it (it exists in the flow's account and its trust policy
 * lets bedrock.amazonaws.com call sts:AssumeRole), and may it make each node's downstream call. Decisions go to
 * the same log as callers'.
 */
import { flowRoleSessionArn, type RoleAuthorizer } from '../flows/index.js';
import { accessDeniedMessage, authorize, canAssumeRole } from '../iam/index.js';
import { parseArn } from '../world/arns.js';
import type { Universe } from '../world/universe.js';
import type { IamMode } from './caller-authorizer.js';
import type { DecisionLog } from './decision-log.js';
import { compileRole, roleSession } from './principals.js';

const BEDROCK = 'bedrock.amazonaws.com';

export function executionRoleAuthorizer(universe: Universe, mode: IamMode, decisions: DecisionLog): RoleAuthorizer {
  const enforce = mode === 'enforce';
  return {
    assumeRole(roleArn, flowArn) {
      if (mode === 'off') return { ok: true };
      const role = universe.roles.get(roleArn);
      const flowAccount = parseArn(flowArn)?.account;
      if (!role || parseArn(roleArn)?.account !== flowAccount) {
        return { ok: false, message: `The execution role ${roleArn} does not exist in account ${flowAccount}.` };
      }
      const trust = compileRole(role).trust;
      const decision = trust
        ? canAssumeRole(trust, BEDROCK, roleArn, { 'aws:SourceArn': flowArn, 'aws:SourceAccount': flowAccount ?? '' })
        : undefined;
      if (decision) decisions.add(BEDROCK, 'sts:AssumeRole', roleArn, decision, enforce);
      if (decision?.decision === 'Allow' || !enforce) return { ok: true };
      return {
        ok: false,
        message: `Amazon Bedrock cannot assume the execution role ${roleArn}: its trust policy does not allow ${BEDROCK} to perform sts:AssumeRole.`,
      };
    },
    authorizeNodeCall({ roleArn, action, resource, flowArn, flowAliasArn, executionId, nodeName }) {
      if (mode === 'off') return { allowed: true };
      const role = universe.roles.get(roleArn);
      if (!role) return { allowed: false, message: `The execution role ${roleArn} does not exist.` };
      const { principal, keys } = roleSession(role, flowRoleSessionArn(roleArn, flowArn));
      const decision = authorize({
        principal,
        action,
        resource,
        context: Object.assign({}, keys, { 'aws:SourceArn': flowAliasArn, 'aws:CalledVia': [BEDROCK], 'aws:ViaAWSService': true }),
      });
      decisions.add(principal.arn, action, resource, decision, enforce, executionId, nodeName);
      const detail = {
        action,
        resource,
        decision: decision.decision,
        enforced: enforce,
        ...(decision.decidedBy ? { statement: decision.decidedBy } : {}),
      };
      if (decision.decision === 'Allow' || !enforce) return { allowed: true, detail };
      return { allowed: false, message: accessDeniedMessage(principal, action, resource, decision), detail };
    },
  };
}
