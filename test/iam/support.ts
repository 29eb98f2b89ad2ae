/** Builders shared by the IAM tests. */
import {
  authorize,
  loadPolicy,
  principalContextKeys,
  type CompiledPolicy,
  type ContextValues,
  type Decision,
  type PolicyKind,
  type Principal,
} from '../../src/iam/index.js';

export const ACCOUNT = '123456789012';
export const OTHER_ACCOUNT = '210987654321';
export const FLOW = `arn:aws:bedrock:us-east-1:${ACCOUNT}:flow/FLOW000001`;
export const OTHER_FLOW = `arn:aws:bedrock:us-east-1:${ACCOUNT}:flow/FLOW000002`;
export const ALIAS = `${FLOW}/alias/ALIAS00001`;
export const USER_ARN = `arn:aws:iam::${ACCOUNT}:user/dev`;
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/FlowRole`;
export const SESSION_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/FlowRole/session-1`;

export type Statement = Record<string, unknown>;

export function doc(...statements: Statement[]): Record<string, unknown> {
  return { Version: '2012-10-17', Statement: statements };
}

export function allow(action: unknown, resource: unknown = '*', extra: Statement = {}): Statement {
  return { Effect: 'Allow', Action: action, Resource: resource, ...extra };
}

export function deny(action: unknown, resource: unknown = '*', extra: Statement = {}): Statement {
  return { Effect: 'Deny', Action: action, Resource: resource, ...extra };
}

export function compiled(document: unknown, kind: PolicyKind = 'identity', name = 'test-policy'): CompiledPolicy {
  return loadPolicy(document, name, kind).policy;
}

export interface PrincipalOptions {
  boundary?: unknown;
  session?: unknown[];
  tags?: Record<string, string>;
}

export function user(policies: unknown[] = [], options: PrincipalOptions = {}): Principal {
  return {
    kind: 'user',
    arn: USER_ARN,
    accountId: ACCOUNT,
    userId: 'AIDAEXAMPLEDEV0000001',
    username: 'dev',
    tags: options.tags ?? {},
    identityPolicies: policies.map((document, i) => compiled(document, 'identity', `policy-${i}`)),
    ...(options.boundary ? { boundary: compiled(options.boundary, 'identity', 'boundary') } : {}),
  };
}

export function roleSession(policies: unknown[] = [], options: PrincipalOptions = {}): Principal {
  return {
    kind: 'assumed-role',
    arn: SESSION_ARN,
    accountId: ACCOUNT,
    userId: 'AROAEXAMPLEROLE000001:session-1',
    tags: options.tags ?? {},
    identityPolicies: policies.map((document, i) => compiled(document, 'identity', `policy-${i}`)),
    ...(options.boundary ? { boundary: compiled(options.boundary, 'identity', 'boundary') } : {}),
    ...(options.session ? { sessionPolicies: options.session.map((d, i) => compiled(d, 'inline', `session-${i}`)) } : {}),
  };
}

export interface Request {
  action: string;
  resource: string;
  context?: ContextValues;
  resourcePolicy?: CompiledPolicy;
  resourceAccount?: string;
}

/** Authorizes with the principal's own context keys merged under the request's. */
export function decide(principal: Principal, request: Request): Decision {
  return authorize({
    principal,
    action: request.action,
    resource: request.resource,
    context: { ...principalContextKeys(principal), ...(request.context ?? {}) },
    ...(request.resourcePolicy ? { resourcePolicy: request.resourcePolicy } : {}),
    ...(request.resourceAccount ? { resourceAccount: request.resourceAccount } : {}),
  });
}
