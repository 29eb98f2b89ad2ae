/**
 * What a flow's actual execution role lacks of the policy its definition needs (src/access/flow-role-policy.ts):
 * every call the generated policy grants, authorized as the role's Bedrock session exactly as a run authorizes it
 * (src/access/execution-role-authorizer.ts), and the trust policy checked for Bedrock assuming the role. Nothing is
 * logged: this asks what a run would be told, it does not run.
 */
import { authorize, evaluatedResource, explainDenial } from '../iam/index.js';
import { flowAliasArn } from '../world/arns.js';
import type { Universe } from '../world/universe.js';
import { bedrockAssumeRequest, nodeCallRequest, roleInAccount, roleMissingMessage } from './execution-role-authorizer.js';
import { flowRoleCalls, flowSnapshotOf, type FlowRolePolicyQuery } from './flow-role-policy.js';
import { compileRole } from './principals.js';

export interface FlowRoleGap {
  action: string;
  resource: string;
  /** Why the role's policies do not allow it, in a user's terms (src/iam/explain.ts). */
  why: string;
}

export interface FlowRoleGaps {
  roleArn: string;
  /** Set when the role is not in the flow's account: then every call would fail, and `missing` is empty. */
  roleMissing?: string;
  /** Set when Bedrock may not assume the role: why not. */
  trust?: string;
  missing: FlowRoleGap[];
}

export function flowRoleGaps(universe: Universe, query: FlowRolePolicyQuery): FlowRoleGaps {
  const { world, flow, definition } = flowSnapshotOf(universe, query);
  const roleArn = flow.executionRoleArn;
  const role = roleInAccount(universe, roleArn, world.account);
  if (!role) return { roleArn, roleMissing: roleMissingMessage(roleArn, world.account), missing: [] };
  // The alias a run of this definition goes through: one routed to the version, else the draft's test alias.
  const version = query.version ?? 'DRAFT';
  const alias = Object.values(flow.aliases).find((a) => a.routingConfiguration[0]?.flowVersion === version);
  const sourceArn = alias?.arn ?? flowAliasArn(world, flow.id, 'TSTALIASID');
  const out: FlowRoleGaps = { roleArn, missing: [] };

  const trust = compileRole(role).trust;
  if (trust) {
    const request = bedrockAssumeRequest(trust, roleArn, flow.arn, world.account);
    const decision = authorize(request);
    if (decision.decision !== 'Allow') out.trust = explainDenial(request, decision).message;
  }

  const seen = new Set<string>();
  for (const call of flowRoleCalls(definition, world, universe)) {
    const resource = evaluatedResource(call.action, call.resource);
    const key = `${call.action} ${resource}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const request = nodeCallRequest(role, flow.arn, sourceArn, call.action, resource);
    const decision = authorize(request);
    if (decision.decision !== 'Allow') out.missing.push({ action: call.action, resource, why: explainDenial(request, decision).message });
  }
  return out;
}
