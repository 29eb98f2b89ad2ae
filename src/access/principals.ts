/**
 * Fixture identities and roles as IAM principals, their policies compiled once. Compiled policies hold functions,
 * so they live beside the universe (keyed by the fixture object), not in it: the universe stays cloneable, and a
 * cloned universe compiles its principals again on first use.
 */
import { createHash } from 'node:crypto';
import {
  describePrincipalArn,
  formatPolicyProblem,
  loadPolicy,
  MalformedPolicyDocumentError,
  managedPolicyByNameOrArn,
  nearestManagedPolicy,
  principalContextKeys,
  type CompiledPolicy,
  type ContextValues,
  type PolicyKind,
  type Principal,
} from '../iam/index.js';
import type { IdentityFixture, RoleFixture } from '../fixtures/schema.js';

export interface CompiledPrincipal {
  principal: Principal;
  /** aws:PrincipalArn, aws:userid… derived once. */
  keys: ContextValues;
}

export interface CompiledRole {
  /** The role's permission policies and boundary, for sessions Bedrock opens with it. */
  identityPolicies: CompiledPolicy[];
  boundary?: CompiledPolicy;
  trust?: CompiledPolicy;
}

/** Where in a fixture entry a policy sits, for errors: `policies[2]`, `managedPolicies[0]`, `trustPolicy`. */
export class PolicyLoadError extends Error {
  constructor(
    readonly member: string,
    message: string,
  ) {
    super(message);
  }
}

export type PolicyWarningSink = (member: string, message: string) => void;

function compile(document: unknown, member: string, kind: PolicyKind, warn?: PolicyWarningSink): CompiledPolicy {
  try {
    const { policy, warnings } = loadPolicy(document, member, kind);
    for (const w of warnings) warn?.(member, w.message);
    return policy;
  } catch (err) {
    // IAM's message, then what it leaves out (which operator, what was meant) when we know it.
    const problem = err instanceof MalformedPolicyDocumentError ? err.problem : undefined;
    const detail = problem ? ` ${formatPolicyProblem(problem)}` : '';
    throw new PolicyLoadError(member, `MalformedPolicyDocument: ${(err as Error).message}${detail}`);
  }
}

function policiesOf(entry: { policies?: unknown[]; managedPolicies?: string[] }, warn?: PolicyWarningSink): CompiledPolicy[] {
  // Fixture `policies` are inline policies (docs/fixtures.md), with PutUserPolicy's rules (a missing Version is 2008-10-17).
  const inline = (entry.policies ?? []).map((doc, i) => compile(doc, `policies[${i}]`, 'inline', warn));
  const managed = (entry.managedPolicies ?? []).map((name, i) => {
    const policy = managedPolicyByNameOrArn(name);
    if (!policy) {
      const suggestion = nearestManagedPolicy(name);
      throw new PolicyLoadError(
        `managedPolicies[${i}]`,
        `no AWS managed policy named '${name}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`,
      );
    }
    return policy;
  });
  return [...inline, ...managed];
}

const fakeId = (prefix: string, arn: string) => prefix + createHash('sha256').update(arn).digest('hex').slice(0, 17).toUpperCase();

const identities = new WeakMap<IdentityFixture, CompiledPrincipal>();
const roles = new WeakMap<RoleFixture, CompiledRole>();

/** Compiles (and checks) a fixture identity; throws PolicyLoadError naming the offending member. */
export function compileIdentity(identity: IdentityFixture, warn?: PolicyWarningSink): CompiledPrincipal {
  const cached = identities.get(identity);
  if (cached) return cached;
  const parts = describePrincipalArn(identity.arn);
  if (!parts) throw new PolicyLoadError('arn', `${identity.arn} is not a user, role session or root ARN`);
  const principal: Principal = {
    kind: parts.kind,
    arn: identity.arn,
    accountId: parts.accountId,
    userId:
      parts.kind === 'root'
        ? parts.accountId
        : parts.kind === 'assumed-role'
          ? `${fakeId('AROA', identity.arn)}:${parts.name}`
          : fakeId('AIDA', identity.arn),
    ...(parts.kind === 'user' ? { username: parts.name } : {}),
    tags: identity.tags ?? {},
    identityPolicies: policiesOf(identity, warn),
    ...(identity.permissionsBoundary ? { boundary: compile(identity.permissionsBoundary, 'permissionsBoundary', 'identity', warn) } : {}),
    ...(identity.sessionPolicies
      ? { sessionPolicies: identity.sessionPolicies.map((d, i) => compile(d, `sessionPolicies[${i}]`, 'inline', warn)) }
      : {}),
  };
  const compiled = { principal, keys: principalContextKeys(principal) };
  identities.set(identity, compiled);
  return compiled;
}

export function compileRole(role: RoleFixture, warn?: PolicyWarningSink): CompiledRole {
  const cached = roles.get(role);
  if (cached) return cached;
  const compiled: CompiledRole = {
    identityPolicies: policiesOf(role, warn),
    ...(role.permissionsBoundary ? { boundary: compile(role.permissionsBoundary, 'permissionsBoundary', 'identity', warn) } : {}),
    ...(role.trustPolicy ? { trust: compile(role.trustPolicy, 'trustPolicy', 'trust', warn) } : {}),
  };
  roles.set(role, compiled);
  return compiled;
}

const sessions = new WeakMap<RoleFixture, Map<string, CompiledPrincipal>>();

/** The session Bedrock opens with a role: the principal its node calls are made as. */
export function roleSession(role: RoleFixture, sessionArn: string): CompiledPrincipal {
  let bySession = sessions.get(role);
  if (!bySession) sessions.set(role, (bySession = new Map()));
  const cached = bySession.get(sessionArn);
  if (cached) return cached;
  const compiled = compileRole(role);
  const [, , , , account = ''] = role.arn.split(':');
  const principal: Principal = {
    kind: 'assumed-role',
    arn: sessionArn,
    accountId: account,
    userId: `${fakeId('AROA', role.arn)}:${sessionArn.slice(sessionArn.lastIndexOf('/') + 1)}`,
    roleArn: role.arn,
    tags: role.tags ?? {},
    identityPolicies: compiled.identityPolicies,
    ...(compiled.boundary ? { boundary: compiled.boundary } : {}),
  };
  const session = { principal, keys: principalContextKeys(principal) };
  bySession.set(sessionArn, session);
  return session;
}
