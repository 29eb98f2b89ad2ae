/**
 * An execution-role authorizer that allows everything: unit tests that run flows without a world's IAM pass it
 * explicitly (production code has no such fallback: OperationContext.roleAuthorizer is required).
 */
import type { RoleAuthorizer } from '../../src/flows/executor/role-checks.js';

export const ALLOW_ALL: RoleAuthorizer = {
  assumeRole: () => ({ ok: true }),
  authorizeNodeCall: () => ({ allowed: true }),
};
