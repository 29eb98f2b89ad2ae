/** A policy document after parsing: every list-or-scalar element is a list, every condition value a string. */

/**
 * What the document is, which decides the IAM rules it is held to:
 * - `identity`: a managed identity policy or a permissions boundary, checked like IAM CreatePolicy
 *   (Version 2012-10-17 required);
 * - `inline`: an inline identity policy or a session policy (Version may be 2008-10-17 or absent: variables are
 *   then literal text);
 * - `resource`: a resource-based policy (Principal or NotPrincipal required);
 * - `trust`: a role trust policy (Principal required, no Resource, no NotPrincipal).
 */
export type PolicyKind = 'identity' | 'inline' | 'resource' | 'trust';

export type Effect = 'Allow' | 'Deny';
export type PolicyVersion = '2008-10-17' | '2012-10-17';

export interface PrincipalMap {
  readonly AWS?: readonly string[];
  readonly Service?: readonly string[];
  readonly Federated?: readonly string[];
  readonly CanonicalUser?: readonly string[];
}
export type PrincipalElement = '*' | PrincipalMap;

/** operator → condition key (as written) → policy values */
export type ConditionBlock = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

export interface PolicyStatement {
  readonly sid?: string;
  readonly effect: Effect;
  readonly action?: readonly string[];
  readonly notAction?: readonly string[];
  readonly resource?: readonly string[];
  readonly notResource?: readonly string[];
  readonly principal?: PrincipalElement;
  readonly notPrincipal?: PrincipalElement;
  readonly condition?: ConditionBlock;
}

export interface PolicyDocument {
  readonly version?: PolicyVersion;
  readonly id?: string;
  readonly statements: readonly PolicyStatement[];
}
