/**
 * The caller of a request, and what AWS derives from it: context keys (aws:PrincipalArn, aws:userid, ...) and how a
 * Principal element in a resource-based or trust policy names it.
 */
import type { ContextValues } from './context.js';
import type { CompiledPolicy } from './compile.js';

export type PrincipalKind = 'user' | 'role' | 'assumed-role' | 'root' | 'service' | 'anonymous';

export interface Principal {
  readonly kind: PrincipalKind;
  /**
   * user, role, root: the IAM ARN (`arn:aws:iam::ACCOUNT:user/dev`, `...:root`); assumed-role: the session ARN
   * (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`); service: the service principal (`bedrock.amazonaws.com`).
   */
  readonly arn: string;
  /** The principal's account ('' for services and anonymous callers). */
  readonly accountId: string;
  /** aws:userid: `AIDA...` for users, `AROA...:SESSION` for role sessions, the account id for root. */
  readonly userId: string;
  /** aws:username (IAM users only). */
  readonly username?: string;
  /** For role sessions: the role's ARN with its path; defaults to `arn:aws:iam::ACCOUNT:role/ROLE`. */
  readonly roleArn?: string;
  readonly tags: Readonly<Record<string, string>>;
  /** Inline, attached managed and group policies. */
  readonly identityPolicies: readonly CompiledPolicy[];
  readonly boundary?: CompiledPolicy;
  /** Session policies the role session was created with (inline and managed together). */
  readonly sessionPolicies?: readonly CompiledPolicy[];
}

/** How a resource-based policy's Principal element named the caller, which decides what else must allow. */
export type PrincipalMatch = 'direct' | 'role' | 'account';

const PRINCIPAL_TYPES: Readonly<Record<PrincipalKind, string | undefined>> = {
  user: 'User',
  role: 'AssumedRole',
  'assumed-role': 'AssumedRole',
  root: 'Account',
  service: undefined,
  anonymous: 'Anonymous',
};

/** The ARN of the role behind a role session (or the role itself). */
export function roleArnOf(principal: Principal): string | undefined {
  if (principal.kind === 'role') return principal.arn;
  if (principal.kind !== 'assumed-role') return undefined;
  if (principal.roleArn) return principal.roleArn;
  const match = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(principal.arn);
  return match ? `arn:${match[1]}:iam::${match[2]}:role/${match[3]}` : undefined;
}

/** The keys AWS puts in every request context of this principal; merge them under the request's own keys. */
export function principalContextKeys(principal: Principal): ContextValues {
  const keys: Record<string, string> = {};
  if (principal.kind === 'service') {
    keys['aws:PrincipalServiceName'] = principal.arn;
    keys['aws:PrincipalIsAWSService'] = 'true';
    return keys;
  }
  const type = PRINCIPAL_TYPES[principal.kind];
  if (type) keys['aws:PrincipalType'] = type;
  if (principal.kind === 'anonymous') return keys;
  keys['aws:PrincipalArn'] = roleArnOf(principal) ?? principal.arn;
  keys['aws:PrincipalAccount'] = principal.accountId;
  keys['aws:PrincipalIsAWSService'] = 'false';
  keys['aws:userid'] = principal.userId;
  if (principal.kind === 'user' && principal.username !== undefined) keys['aws:username'] = principal.username;
  for (const [tag, value] of Object.entries(principal.tags)) keys[`aws:PrincipalTag/${tag}`] = value;
  return keys;
}

/** Builds the principal of an AWS service (as used when a service assumes a role). */
export function servicePrincipal(service: string): Principal {
  return { kind: 'service', arn: service, accountId: '', userId: service, tags: {}, identityPolicies: [] };
}

export interface PrincipalArnParts {
  readonly kind: PrincipalKind;
  readonly accountId: string;
  /** The user, role or session name (the last part of a user's or role's path). */
  readonly name?: string;
  /** For role sessions, the role's name. */
  readonly roleName?: string;
}

const PRINCIPAL_ARN = /^arn:[^:]+:(iam|sts)::(\d{12}):(root|user\/(?:.*\/)?([^/]+)|role\/(?:.*\/)?([^/]+)|assumed-role\/([^/]+)\/(.+))$/;

/** What an IAM principal ARN (user, role, role session, root) or a service principal name says about the caller. */
export function describePrincipalArn(arn: string): PrincipalArnParts | undefined {
  if (/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(arn)) return { kind: 'service', accountId: '' };
  const match = PRINCIPAL_ARN.exec(arn);
  if (!match) return undefined;
  const [, service, accountId = '', what = '', user, role, sessionRole, session] = match;
  if (what === 'root') return service === 'iam' ? { kind: 'root', accountId } : undefined;
  if (user !== undefined && service === 'iam') return { kind: 'user', accountId, name: user };
  if (role !== undefined && service === 'iam') return { kind: 'role', accountId, name: role };
  if (sessionRole !== undefined && service === 'sts') {
    return { kind: 'assumed-role', accountId, name: session ?? '', roleName: sessionRole };
  }
  return undefined;
}
