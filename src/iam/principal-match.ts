/**
 * Principal / NotPrincipal elements compiled to a test of the caller. `*` names everyone; an account id or
 * `arn:aws:iam::ACCOUNT:root` names the account (its identity policies must then allow too); a role ARN names the
 * role and its sessions; user, session and service principals are named directly. ARNs compare case-sensitively.
 */
import type { PrincipalElement } from './policy-types.js';
import { roleArnOf, type Principal, type PrincipalMatch } from './principal.js';

export type PrincipalMatcher = (principal: Principal) => PrincipalMatch | undefined;

const ACCOUNT_ROOT = /^arn:[^:]+:iam::(\d{12}):root$/;
const ACCOUNT_ID = /^\d{12}$/;
const IAM_PRINCIPAL_KINDS = new Set(['user', 'role', 'assumed-role', 'root']);

export function compilePrincipal(element: PrincipalElement): PrincipalMatcher {
  if (element === '*') return () => 'direct';
  const aws = element.AWS ?? [];
  if (aws.includes('*')) return () => 'direct';
  const accounts = new Set<string>();
  const arns = new Set<string>();
  for (const value of aws) {
    const account = ACCOUNT_ID.test(value) ? value : ACCOUNT_ROOT.exec(value)?.[1];
    if (account !== undefined) accounts.add(account);
    else arns.add(value);
  }
  const services = new Set((element.Service ?? []).map((service) => service.toLowerCase()));
  return (principal) => {
    if (principal.kind === 'service') return services.has(principal.arn.toLowerCase()) ? 'direct' : undefined;
    if (!IAM_PRINCIPAL_KINDS.has(principal.kind)) return undefined;
    if (arns.has(principal.arn)) return principal.kind === 'role' ? 'role' : 'direct';
    const roleArn = roleArnOf(principal);
    if (roleArn !== undefined && arns.has(roleArn)) return 'role';
    return accounts.has(principal.accountId) ? 'account' : undefined;
  };
}
