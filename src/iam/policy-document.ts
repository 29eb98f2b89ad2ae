/**
 * Parses a policy (JSON text or an already-parsed object) and validates it the way IAM does, in IAM's order: the
 * first failing check decides the `MalformedPolicyDocument` message.
 */
import { MalformedPolicyDocumentError } from './errors.js';
import type {
  ConditionBlock,
  PolicyDocument,
  PolicyKind,
  PolicyStatement,
  PolicyVersion,
  PrincipalElement,
  PrincipalMap,
} from './policy-types.js';
import { checkActionPrefixes } from './validation/actions.js';
import { LEGACY_ERROR, passesLegacyStatementChecks } from './validation/legacy.js';
import { checkPrincipalPresence, checkPrincipalValues } from './validation/principals.js';
import { asList, type RawObject } from './validation/raw.js';
import { checkResources } from './validation/resources.js';
import { checkSyntax, parseJsonText } from './validation/syntax.js';

export function parsePolicyDocument(input: unknown, kind: PolicyKind = 'identity'): PolicyDocument {
  const { top, statements } = checkSyntax(typeof input === 'string' ? parseJsonText(input) : input);
  if (kind === 'identity' && top.Version !== '2012-10-17') {
    throw new MalformedPolicyDocumentError('Policy document must be version 2012-10-17 or greater.');
  }
  checkPrincipalPresence(statements, kind);
  const resources = checkResources(statements);
  if (!statements.every(passesLegacyStatementChecks) || resources.legacyFailure) {
    throw new MalformedPolicyDocumentError(LEGACY_ERROR);
  }
  checkSidsUnique(statements);
  if (!statements.every((statement) => hasEntries(statement, 'Action', 'NotAction'))) {
    throw new MalformedPolicyDocumentError('Policy statement must contain actions.');
  }
  if (kind !== 'trust' && !statements.every((statement) => hasEntries(statement, 'Resource', 'NotResource'))) {
    throw new MalformedPolicyDocumentError('Policy statement must contain resources.');
  }
  if (resources.formatError !== undefined) throw new MalformedPolicyDocumentError(resources.formatError);
  checkActionPrefixes(statements);
  checkPrincipalValues(statements);
  return {
    ...(top.Version === undefined ? {} : { version: top.Version as PolicyVersion }),
    ...(top.Id === undefined ? {} : { id: top.Id as string }),
    statements: statements.map(normalizeStatement),
  };
}

function checkSidsUnique(statements: readonly RawObject[]): void {
  const seen = new Set<string>();
  for (const { Sid } of statements) {
    if (typeof Sid !== 'string' || Sid === '') continue;
    if (seen.has(Sid)) throw new MalformedPolicyDocumentError('Statement IDs (SID) in a single policy must be unique.');
    seen.add(Sid);
  }
}

/** The element (or its Not form) is present, and not an empty list. */
function hasEntries(statement: RawObject, key: string, notKey: string): boolean {
  const value = key in statement ? statement[key] : statement[notKey];
  return value !== undefined && !(Array.isArray(value) && value.length === 0);
}

function normalizeStatement(raw: RawObject): PolicyStatement {
  const list = (key: string): readonly string[] | undefined => (key in raw ? asList(raw[key]) : undefined);
  const statement: Record<string, unknown> = {
    sid: raw.Sid,
    effect: raw.Effect,
    action: list('Action'),
    notAction: list('NotAction'),
    resource: list('Resource'),
    notResource: list('NotResource'),
    principal: raw.Principal === undefined ? undefined : normalizePrincipal(raw.Principal),
    notPrincipal: raw.NotPrincipal === undefined ? undefined : normalizePrincipal(raw.NotPrincipal),
    condition: raw.Condition === undefined ? undefined : normalizeCondition(raw.Condition as RawObject),
  };
  for (const key of Object.keys(statement)) if (statement[key] === undefined) delete statement[key];
  return statement as unknown as PolicyStatement;
}

function normalizePrincipal(principal: unknown): PrincipalElement {
  if (principal === '*') return '*';
  const map: Record<string, readonly string[]> = {};
  for (const [type, value] of Object.entries(principal as RawObject)) map[type] = asList(value);
  return map as PrincipalMap;
}

function normalizeCondition(condition: RawObject): ConditionBlock {
  const block: Record<string, Record<string, readonly string[]>> = {};
  for (const [operator, keys] of Object.entries(condition)) {
    const normalized: Record<string, readonly string[]> = {};
    for (const [key, value] of Object.entries(keys as RawObject)) {
      normalized[key] = (Array.isArray(value) ? value : [value]).map(String);
    }
    block[operator] = normalized;
  }
  return block;
}
