/**
 * The flow execution role's checks: may Bedrock assume it (it exists in the flow's account and its trust policy
 * lets bedrock.amazonaws.com call sts:AssumeRole), and may it make each node's downstream call. Decisions go to
 * the same log as callers'.
 */
import { flowRoleSessionArn, type RoleAuthorizer } from '../flows/index.js';
import {
  accessDeniedMessage,
  assumeRoleRequest,
  authorize,
  explainDenial,
  type AuthorizationRequest,
  type Decision,
} from '../iam/index.js';
import { parseArn } from '../world/arns.js';
import type { Universe } from '../world/universe.js';
import type { AccessLog, IamMode } from './caller-authorizer.js';
import type { DecisionLog } from './decision-log.js';
import { compileRole, roleSession } from './principals.js';

const BEDROCK = 'bedrock.amazonaws.com';

export function executionRoleAuthorizer(universe: Universe, mode: IamMode, decisions: DecisionLog, log?: AccessLog): RoleAuthorizer {
  const enforce = mode === 'enforce';
  /** Into the decision log; a denial with why (computed for denials only) and, at debug, a log line saying it. */
  const record = (principal: string, request: AuthorizationRequest, decision: Decision) => {
    if (decision.decision === 'Allow') return decisions.add(principal, request.action, request.resource, decision, enforce);
    const why = explainDenial(request, decision);
    decisions.add(principal, request.action, request.resource, decision, enforce, why);
    log?.debug(
      { decision, why },
      `execution role: ${enforce ? 'denied' : 'audit: would deny'}: ${request.action} on ${request.resource}. ${why.message}`,
    );
  };
  return {
    assumeRole(roleArn, flowArn) {
      if (mode === 'off') return { ok: true };
      const role = universe.roles.get(roleArn);
      const flowAccount = parseArn(flowArn)?.account;
      if (!role || parseArn(roleArn)?.account !== flowAccount) {
        return { ok: false, message: `The execution role ${roleArn} does not exist in account ${flowAccount}.` };
      }
      const trust = compileRole(role).trust;
      const request = trust
        ? assumeRoleRequest(trust, BEDROCK, roleArn, { 'aws:SourceArn': flowArn, 'aws:SourceAccount': flowAccount ?? '' })
        : undefined;
      const decision = request ? authorize(request) : undefined;
      if (request && decision) record(BEDROCK, request, decision);
      if (decision?.decision === 'Allow' || !enforce) return { ok: true };
      return {
        ok: false,
        message: `Amazon Bedrock cannot assume the execution role ${roleArn}: its trust policy does not allow ${BEDROCK} to perform sts:AssumeRole.`,
      };
    },
    authorizeNodeCall({ roleArn, action, resource, flowArn, flowAliasArn }) {
      if (mode === 'off') return { allowed: true };
      const role = universe.roles.get(roleArn);
      if (!role) return { allowed: false, message: `The execution role ${roleArn} does not exist.` };
      const { principal, keys } = roleSession(role, flowRoleSessionArn(roleArn, flowArn));
      const request: AuthorizationRequest = {
        principal,
        action,
        resource,
        context: Object.assign({}, keys, { 'aws:SourceArn': flowAliasArn, 'aws:CalledVia': [BEDROCK], 'aws:ViaAWSService': true }),
      };
      const decision = authorize(request);
      record(principal.arn, request, decision);
      if (decision.decision === 'Allow' || !enforce) return { allowed: true };
      return { allowed: false, message: accessDeniedMessage(principal, action, resource, decision) };
    },
  };
}
