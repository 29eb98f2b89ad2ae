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
  type AuthorizationRequest,
  type CompiledPolicy,
  type Decision,
} from '../iam/index.js';
import type { RoleFixture } from '../fixtures/schema.js';
import { parseArn } from '../world/arns.js';
import type { Universe } from '../world/universe.js';
import type { AccessLog, IamMode } from './caller-authorizer.js';
import type { DecisionLog } from './decision-log.js';
import { compileRole, roleSession } from './principals.js';

const BEDROCK = 'bedrock.amazonaws.com';

/*
 * The requests a run makes as the role, exported so the gap check (src/access/flow-role-gaps.ts) authorizes
 * exactly what a run does.
 */

/** The execution role, if it exists in the flow's account: Bedrock assumes no other. */
export function roleInAccount(universe: Universe, roleArn: string, account: string | undefined): RoleFixture | undefined {
  const role = universe.roles.get(roleArn);
  return role && parseArn(roleArn)?.account === account ? role : undefined;
}

export function roleMissingMessage(roleArn: string, account: string | undefined): string {
  return `The execution role ${roleArn} does not exist in account ${account}.`;
}

/** Bedrock assuming the role for a run of the flow `flowArn`, checked against the role's trust policy. */
export function bedrockAssumeRequest(trust: CompiledPolicy, roleArn: string, flowArn: string, flowAccount: string): AuthorizationRequest {
  return assumeRoleRequest(trust, BEDROCK, roleArn, { 'aws:SourceArn': flowArn, 'aws:SourceAccount': flowAccount });
}

/** A node's downstream call, made by the role's Bedrock session for a run through the alias `flowAliasArn`. */
export function nodeCallRequest(
  role: RoleFixture,
  flowArn: string,
  flowAliasArn: string,
  action: string,
  resource: string,
): AuthorizationRequest {
  const { principal, keys } = roleSession(role, flowRoleSessionArn(role.arn, flowArn));
  return {
    principal,
    action,
    resource,
    context: Object.assign({}, keys, { 'aws:SourceArn': flowAliasArn, 'aws:CalledVia': [BEDROCK], 'aws:ViaAWSService': true }),
  };
}

export function executionRoleAuthorizer(universe: Universe, mode: IamMode, decisions: DecisionLog, log?: AccessLog): RoleAuthorizer {
  const enforce = mode === 'enforce';
  /** Into the decision log; a denial also, at debug, as a log line saying why. */
  const record = (request: AuthorizationRequest, decision: Decision, executionId?: string, nodeName?: string) => {
    const why = decisions.record(request, decision, enforce, { executionId, nodeName });
    if (why)
      log?.debug(
        { decision, why },
        `execution role: ${enforce ? 'denied' : 'audit: would deny'}: ${request.action} on ${request.resource}. ${why.message}`,
      );
  };
  return {
    assumeRole(roleArn, flowArn) {
      if (mode === 'off') return { ok: true };
      const flowAccount = parseArn(flowArn)?.account;
      const role = roleInAccount(universe, roleArn, flowAccount);
      if (!role) return { ok: false, message: roleMissingMessage(roleArn, flowAccount) };
      const trust = compileRole(role).trust;
      const request = trust ? bedrockAssumeRequest(trust, roleArn, flowArn, flowAccount ?? '') : undefined;
      const decision = request ? authorize(request) : undefined;
      if (request && decision) record(request, decision);
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
      const request = nodeCallRequest(role, flowArn, flowAliasArn, action, resource);
      const { principal } = request;
      const decision = authorize(request);
      record(request, decision, executionId, nodeName);
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
