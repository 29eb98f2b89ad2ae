/**
 * IAM for the emulator: load (validate + compile) policies, authorize requests with AWS's evaluation logic, and
 * word denials as AWS does. Policies are compiled once; `authorize` parses nothing.
 *
 *   const { policy, warnings } = loadPolicy(document, 'FlowPermissions');
 *   const decision = authorize({ principal, action: 'bedrock:GetFlow', resource: flowArn,
 *                                context: { ...principalContextKeys(principal), ...requestKeys } });
 *   if (decision.decision !== 'Allow') throw accessDenied(accessDeniedMessage(principal, action, flowArn, decision));
 */
import { compilePolicy, type CompiledPolicy } from './compile.js';
import type { ContextValues } from './context.js';
import type { AuthorizationRequest } from './evaluate.js';
import { lintPolicy, type PolicyWarning } from './lint.js';
import { parsePolicyDocument } from './policy-document.js';
import type { PolicyKind } from './policy-types.js';
import { principalContextKeys, servicePrincipal } from './principal.js';

export { formatPolicyProblem, MalformedPolicyDocumentError } from './errors.js';
export type { PolicyProblem } from './errors.js';
export { authorize } from './evaluate.js';
export type { AuthorizationRequest, Decision, DecidingStatement, PolicyType } from './evaluate.js';
export { accessDeniedMessage } from './messages.js';
export { explainDenial } from './explain.js';
export { actionCoverage } from './action-coverage.js';
export type { ActionCoverage, CoveringStatement } from './action-coverage.js';
export type { DenialExplanation, DenialReason, SuggestedStatement } from './explain.js';
export { describePrincipalArn, principalContextKeys, roleArnOf } from './principal.js';
export type { Principal, PrincipalArnParts, PrincipalKind } from './principal.js';
export type { CompiledPolicy } from './compile.js';
export type { ContextValue, ContextValues } from './context.js';
export type { PolicyDocument, PolicyKind } from './policy-types.js';
export type { PolicyWarning, PolicyWarningCode } from './lint.js';
export { managedPolicyByNameOrArn, managedPolicyNames, nearestManagedPolicy } from './managed-policies.js';
export {
  actionConditionKeys,
  actionResourceTypes,
  canonicalAction,
  evaluatedResource,
  isKnownAction,
  nearestAction,
} from './catalog.js';
export type { ActionResourceType } from './catalog.js';

/**
 * Parses, validates and compiles a policy given as JSON text or as an object. Throws MalformedPolicyDocumentError
 * with IAM's message. `kind` picks IAM's rules (see PolicyKind): `identity` (default) is IAM CreatePolicy's.
 */
export function loadPolicy(
  document: unknown,
  name = 'policy',
  kind: PolicyKind = 'identity',
): { policy: CompiledPolicy; warnings: PolicyWarning[] } {
  const parsed = parsePolicyDocument(document, kind);
  return { policy: compilePolicy(parsed, name, kind), warnings: lintPolicy(parsed) };
}

/**
 * A role's trust policy asked for `sts:AssumeRole` by an AWS service (Bedrock assuming a flow's execution role), for
 * authorize() and explainDenial(). Pass `aws:SourceArn` / `aws:SourceAccount` in `context`: documented trust
 * policies test them.
 */
export function assumeRoleRequest(
  trustPolicy: CompiledPolicy,
  service = 'bedrock.amazonaws.com',
  roleArn: string,
  context: ContextValues = {},
): AuthorizationRequest {
  const principal = servicePrincipal(service);
  return {
    principal,
    action: 'sts:AssumeRole',
    resource: roleArn,
    context: { ...principalContextKeys(principal), ...context },
    resourcePolicy: trustPolicy,
  };
}
