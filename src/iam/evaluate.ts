/**
 * The decision, as IAM's evaluation logic describes it for one account (and for a resource-based policy in another
 * account): an explicit deny anywhere wins; otherwise identity policies must allow, and so must the permissions
 * boundary and the session policies when there are any; a resource-based policy can allow on its own when it
 * names the caller directly. Trust policies (sts:AssumeRole on a role) and KMS key policies must always allow.
 */
import { splitArnCached, type ArnParts } from './arn-pattern.js';
import { evaluatedResource } from './catalog.js';
import type { CompiledPolicy, CompiledStatement } from './compile.js';
import { RequestContext, type ContextValues } from './context.js';
import type { Principal, PrincipalMatch } from './principal.js';

export type PolicyType = 'identity' | 'boundary' | 'session' | 'resource';

export interface AuthorizationRequest {
  readonly principal: Principal;
  /** `service:Action`, any case. */
  readonly action: string;
  /** The resource ARN, or `*`; actions without a resource type (bedrock:ListFlows) are always evaluated on `*`. */
  readonly resource: string;
  /** Request context keys, principal keys included (see principalContextKeys); lookups ignore case. */
  readonly context: ContextValues;
  readonly resourcePolicy?: CompiledPolicy;
  /** The account owning the resource; defaults to the ARN's account, else the principal's (S3 ARNs have none). */
  readonly resourceAccount?: string;
}

export interface DecidingStatement {
  readonly policyType: PolicyType;
  readonly policyName: string;
  /** The statement's Sid, else its index in the document (from 0). */
  readonly statement: string | number;
}

export interface Decision {
  readonly decision: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';
  /** ExplicitDeny: the policy type holding the deny; ImplicitDeny: the policy type that did not allow. */
  readonly deniedBy?: PolicyType;
  /** The deny statement (ExplicitDeny) or the allow statement (Allow). */
  readonly decidedBy?: DecidingStatement;
  /** Context keys the evaluated conditions and variables read, present in the request or not. */
  readonly contextKeysRead: readonly string[];
  /** Why a rule outside the policies decided (e.g. sts:GetCallerIdentity). */
  readonly note?: string;
}

interface Hit {
  readonly policy: CompiledPolicy;
  readonly statement: CompiledStatement;
  readonly match?: PrincipalMatch;
}

interface Scan {
  readonly deny?: Hit;
  readonly allow?: Hit;
}

const NONE: Scan = {};
const MATCH_RANK: Readonly<Record<PrincipalMatch, number>> = { account: 1, role: 2, direct: 3 };
const rank = (match: PrincipalMatch | undefined): number => (match === undefined ? 0 : MATCH_RANK[match]);

/** What one evaluation works on, passed to the helpers below (no closures are built per request). */
interface Evaluation {
  readonly action: string;
  /** The ARN, or `*` */
  readonly resource: string;
  readonly context: RequestContext;
}

export function authorize(request: AuthorizationRequest): Decision {
  const { principal } = request;
  const action = request.action.toLowerCase();
  const context = new RequestContext(request.context);
  if (action === 'sts:getcalleridentity') {
    return { decision: 'Allow', contextKeysRead: [], note: 'sts:GetCallerIdentity is always allowed' };
  }
  const evaluation: Evaluation = { action, resource: evaluatedResource(action, request.resource), context };

  const hasIdentity = principal.kind !== 'service' && principal.kind !== 'anonymous' && principal.kind !== 'root';
  const identity = hasIdentity ? scanPolicies(principal.identityPolicies, evaluation) : NONE;
  const boundary = hasIdentity && principal.boundary ? scanPolicies([principal.boundary], evaluation) : undefined;
  const session = hasIdentity && principal.sessionPolicies?.length ? scanPolicies(principal.sessionPolicies, evaluation) : undefined;
  const resourceScan = request.resourcePolicy ? scanPolicies([request.resourcePolicy], evaluation, principal) : NONE;

  const denied =
    denial('identity', identity, context) ??
    denial('boundary', boundary, context) ??
    denial('session', session, context) ??
    denial('resource', resourceScan, context);
  if (denied) return denied;

  const resourceAllow = resourceScan.allow;
  const boundaryOk = !boundary || boundary.allow !== undefined;
  const sessionOk = !session || session.allow !== undefined;
  const identityPath = identity.allow !== undefined && boundaryOk && sessionOk;
  const resourceParts = splitArnCached(evaluation.resource);
  const resourceAccount = request.resourceAccount ?? (resourceParts?.[4] || principal.accountId);
  const sameAccount = resourceAccount === principal.accountId;
  const needsResourcePolicy = requiresResourcePolicy(action, resourceParts);

  if (!hasIdentity) {
    if (principal.kind === 'root' && sameAccount && !needsResourcePolicy) {
      return { decision: 'Allow', contextKeysRead: context.keysRead(), note: 'the account root user has full access' };
    }
    const allowed = resourceAllow && (principal.kind === 'root' || resourceAllow.match === 'direct');
    return allowed ? allow('resource', resourceAllow, context) : implicitDeny('resource', context);
  }
  if (!sameAccount) {
    // Across accounts both sides must allow.
    if (!resourceAllow) return implicitDeny('resource', context);
    return identityPath ? allow('identity', identity.allow as Hit, context) : implicitDeny(identityFailure(identity, boundaryOk), context);
  }
  if (resourceAllow?.match === 'direct') return allow('resource', resourceAllow, context);
  if (resourceAllow?.match === 'role') {
    // Naming the role (not the session) still leaves the boundary and session policies in force.
    if (boundaryOk && sessionOk) return allow('resource', resourceAllow, context);
    return implicitDeny(boundaryOk ? 'session' : 'boundary', context);
  }
  if (needsResourcePolicy && !resourceAllow) return implicitDeny('resource', context);
  return identityPath ? allow('identity', identity.allow as Hit, context) : implicitDeny(identityFailure(identity, boundaryOk), context);
}

function denial(type: PolicyType, scan: Scan | undefined, context: RequestContext): Decision | undefined {
  if (!scan?.deny) return undefined;
  const decidedBy = deciding(type, scan.deny);
  return { decision: 'ExplicitDeny', deniedBy: type, decidedBy, contextKeysRead: context.keysRead() };
}

function allow(type: PolicyType, hit: Hit, context: RequestContext): Decision {
  return { decision: 'Allow', decidedBy: deciding(type, hit), contextKeysRead: context.keysRead() };
}

function implicitDeny(deniedBy: PolicyType, context: RequestContext): Decision {
  return { decision: 'ImplicitDeny', deniedBy, contextKeysRead: context.keysRead() };
}

function identityFailure(identity: Scan, boundaryOk: boolean): PolicyType {
  if (!identity.allow) return 'identity';
  return boundaryOk ? 'session' : 'boundary';
}

/** Role trust policies and KMS key policies must allow the caller themselves; identity policies alone never do. */
function requiresResourcePolicy(action: string, parts: ArnParts | undefined): boolean {
  if (!parts) return false;
  if (action.startsWith('sts:assumerole')) return parts[2] === 'iam' && (parts[5] as string).startsWith('role/');
  return action.startsWith('kms:') && parts[2] === 'kms' && (parts[5] as string).startsWith('key/');
}

function deciding(policyType: PolicyType, hit: Hit): DecidingStatement {
  return { policyType, policyName: hit.policy.name, statement: hit.statement.sid || hit.statement.index };
}

function scanPolicies(policies: readonly CompiledPolicy[], evaluation: Evaluation, principal?: Principal): Scan {
  const { action, resource, context } = evaluation;
  let allow: Hit | undefined;
  for (const policy of policies) {
    for (const statement of policy.statements) {
      if (!statement.matchesAction(action)) continue;
      if (statement.matchesResource && !statement.matchesResource(resource, context)) continue;
      let match: PrincipalMatch | undefined;
      if (principal) {
        match = statement.matchesPrincipal?.(principal);
        if (match === undefined) continue;
      }
      const isDeny = statement.effect === 'Deny';
      // An allow at least as strong is already known: this one's conditions need no evaluation.
      if (!isDeny && allow && (allow.match === undefined || rank(allow.match) >= rank(match))) continue;
      if (!conditionsHold(statement, context)) continue;
      const hit: Hit = match === undefined ? { policy, statement } : { policy, statement, match };
      if (isDeny) return { deny: hit };
      allow = hit;
    }
  }
  return allow ? { allow } : NONE;
}

function conditionsHold(statement: CompiledStatement, context: RequestContext): boolean {
  for (const condition of statement.conditions) if (!condition.evaluate(context)) return false;
  return true;
}
