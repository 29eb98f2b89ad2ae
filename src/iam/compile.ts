/**
 * Compiles a parsed policy once: action lists into a lower-cased set plus one RegExp, resources into one RegExp
 * over the ARN, conditions into tests. Evaluation then parses nothing and builds no RegExp; only patterns holding
 * policy variables are resolved per request.
 */
import { compileArnMatcher } from './arn-pattern.js';
import { compileCondition, type CompiledCondition } from './conditions/condition.js';
import { parseOperator } from './conditions/operator.js';
import type { RequestContext } from './context.js';
import { compilePrincipal, type PrincipalMatcher } from './principal-match.js';
import type { Effect, PolicyDocument, PolicyKind, PolicyStatement } from './policy-types.js';
import { parseTemplate } from './variables.js';
import { compileGlobs } from './wildcard.js';

export interface CompiledPolicy {
  readonly name: string;
  readonly kind: PolicyKind;
  readonly document: PolicyDocument;
  readonly statements: readonly CompiledStatement[];
}

export interface CompiledStatement {
  /** Position in the document, from 0. */
  readonly index: number;
  readonly sid?: string;
  readonly effect: Effect;
  /** Takes the lower-cased request action; already negated for NotAction. */
  readonly matchesAction: (lowerAction: string) => boolean;
  /** Takes the request resource (ARN or `*`); undefined when the statement has no Resource element (trust policies). */
  readonly matchesResource?: (resource: string, context: RequestContext) => boolean;
  /** Resource-based policies only; already negated for NotPrincipal (a match then counts as `direct`). */
  readonly matchesPrincipal?: PrincipalMatcher;
  readonly conditions: readonly CompiledCondition[];
}

export function compilePolicy(document: PolicyDocument, name: string, kind: PolicyKind): CompiledPolicy {
  const variables = document.version === '2012-10-17';
  const statements = document.statements.map((statement, index) => compileStatement(statement, index, variables));
  return { name, kind, document, statements };
}

function compileStatement(statement: PolicyStatement, index: number, variables: boolean): CompiledStatement {
  const actions = statement.action ?? statement.notAction ?? [];
  const matchesAction = compileActions(actions, statement.notAction !== undefined);
  const resources = statement.resource ?? statement.notResource;
  const notResource = statement.notResource !== undefined;
  const principal = statement.principal ?? statement.notPrincipal;
  const conditions: CompiledCondition[] = [];
  for (const [operator, keys] of Object.entries(statement.condition ?? {})) {
    const parsed = parseOperator(operator);
    if (!parsed.operator) continue; // an unknown operator is only accepted with an empty block
    for (const [key, values] of Object.entries(keys)) {
      conditions.push(compileCondition({ ...parsed, operator: parsed.operator }, key, values, variables));
    }
  }
  return {
    index,
    effect: statement.effect,
    conditions,
    matchesAction,
    ...(statement.sid === undefined ? {} : { sid: statement.sid }),
    ...(resources ? { matchesResource: compileResources(resources, notResource, variables) } : {}),
    ...(principal ? { matchesPrincipal: compilePrincipalElement(statement) } : {}),
  };
}

function compileActions(patterns: readonly string[], negate: boolean): (lowerAction: string) => boolean {
  const matches = compileGlobs(patterns.map((pattern) => pattern.toLowerCase()));
  return negate ? (action) => !matches(action) : matches;
}

function compileResources(
  patterns: readonly string[],
  negate: boolean,
  variables: boolean,
): (resource: string, context: RequestContext) => boolean {
  const matches = compileArnMatcher(patterns, variables ? parseTemplate : () => undefined);
  return negate ? (resource, context) => !matches(resource, context) : matches;
}

function compilePrincipalElement(statement: PolicyStatement): PrincipalMatcher {
  if (statement.principal) return compilePrincipal(statement.principal);
  const excluded = compilePrincipal(statement.notPrincipal ?? '*');
  // IAM documents that a Deny with NotPrincipal always applies to a principal that has a permissions boundary.
  const boundaryAlwaysDenied = statement.effect === 'Deny';
  return (principal) => {
    const applies = excluded(principal) === undefined || (boundaryAlwaysDenied && principal.boundary !== undefined);
    return applies ? 'direct' : undefined;
  };
}
