/**
 * Principal rules by policy kind. Identity policies must not name a principal; resource-based and trust policies
 * must. AWS principals are `*`, an account id, or an IAM/STS ARN without wildcards.
 * IAM's wording for these is not in moto's recorded table; the messages are the ones IAM is commonly seen to return.
 */
import { MalformedPolicyDocumentError } from '../errors.js';
import type { PolicyKind } from '../policy-types.js';
import { asList, isObject, type RawObject } from './raw.js';

const AWS_PRINCIPAL = new RegExp(
  [
    String.raw`^\d{12}$`,
    String.raw`^arn:aws[a-z-]*:iam::\d{12}:(root|(user|role|federated-user)/[^*?]+)$`,
    String.raw`^arn:aws[a-z-]*:sts::\d{12}:(assumed-role/[^*?/]+/[^*?]+|federated-user/[^*?]+)$`,
  ].join('|'),
);

/** Presence rules, checked early (before legacy parsing). */
export function checkPrincipalPresence(statements: readonly RawObject[], kind: PolicyKind): void {
  for (const statement of statements) {
    const named = 'Principal' in statement || 'NotPrincipal' in statement;
    if ((kind === 'identity' || kind === 'inline') && named) {
      throw new MalformedPolicyDocumentError('Policy document should not specify a principal.');
    }
    if (kind === 'resource' && !named) throw new MalformedPolicyDocumentError('Missing required field Principal');
    if (kind === 'trust') {
      if ('NotPrincipal' in statement) throw new MalformedPolicyDocumentError('Has prohibited field NotPrincipal');
      if (!('Principal' in statement)) throw new MalformedPolicyDocumentError('Missing required field Principal');
      for (const key of ['Resource', 'NotResource']) {
        if (key in statement) throw new MalformedPolicyDocumentError(`Has prohibited field ${key}`);
      }
    }
  }
}

/** Value rules, checked last. */
export function checkPrincipalValues(statements: readonly RawObject[]): void {
  for (const statement of statements) {
    for (const key of ['Principal', 'NotPrincipal']) {
      if (!(key in statement)) continue;
      const principal = statement[key];
      if (typeof principal === 'string') {
        if (principal !== '*') throw invalid(JSON.stringify(principal));
        continue;
      }
      if (!isObject(principal)) continue;
      for (const value of asList(principal.AWS ?? [])) {
        if (value !== '*' && !AWS_PRINCIPAL.test(value)) throw invalid(`"AWS":${JSON.stringify(value)}`);
      }
      for (const type of ['Service', 'Federated', 'CanonicalUser']) {
        for (const value of asList(principal[type] ?? [])) if (value === '') throw invalid(`"${type}":""`);
      }
    }
  }
}

function invalid(what: string): MalformedPolicyDocumentError {
  return new MalformedPolicyDocumentError(`Invalid principal in policy: ${what}`);
}
