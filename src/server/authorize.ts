/**
 * Authorizes a request's action on its resource for the authenticated caller, records the decision, and in mode
 * `enforce` turns a denial into AccessDeniedException. The policy evaluation itself is src/iam's.
 */
import type { Authenticated, IamMode } from './authenticate.js';
import type { DecisionLog } from './decision-log.js';

export type ContextValue = string | string[] | number | boolean;

export interface AccessRequest {
  action: string;
  resource: string;
  context: Record<string, ContextValue>;
}

export interface Authorizer {
  authorize(caller: Authenticated, request: AccessRequest): void;
}

export interface AuthorizerLog {
  warn(msg: string): void;
  debug(obj: object, msg: string): void;
}

export function createAuthorizer(mode: IamMode, decisions: DecisionLog, log: AuthorizerLog): Authorizer {
  let warned = false;
  return {
    authorize(caller, request) {
      if (mode === 'off') return;
      if (!warned) {
        warned = true;
        log.warn(`IAM mode ${mode}: policies are not evaluated yet; every authenticated call is allowed`);
      }
      decisions.add({
        time: new Date().toISOString(),
        principal: caller.arn,
        action: request.action,
        resource: request.resource,
        decision: 'Allow',
        enforced: mode === 'enforce',
        explanation: { note: 'policy evaluation not available' },
      });
    },
  };
}
