/**
 * The structural checks IAM reports as `Syntax errors in policy.`: JSON shape, known element names, element types,
 * Effect spelled allow/deny in any case, and condition blocks (a block under an unknown operator must be empty).
 */
import { MalformedPolicyDocumentError, type PolicyProblem } from '../errors.js';
import { nearestOperator, parseOperator } from '../conditions/operator.js';
import { isObject, SYNTAX_ERROR, type RawObject, type RawPolicy } from './raw.js';

const TOP_ELEMENTS = new Set(['Version', 'Id', 'Statement']);
const VERSIONS = new Set(['2008-10-17', '2012-10-17']);
const STATEMENT_ELEMENTS = new Set([
  'Sid',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Principal',
  'NotPrincipal',
  'Condition',
]);
const EXCLUSIVE_PAIRS = [
  ['Action', 'NotAction'],
  ['Resource', 'NotResource'],
  ['Principal', 'NotPrincipal'],
] as const;
const PRINCIPAL_TYPES = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser']);

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new MalformedPolicyDocumentError(SYNTAX_ERROR);
  }
}

export function checkSyntax(document: unknown): RawPolicy {
  if (!isObject(document)) fail();
  for (const key of Object.keys(document)) if (!TOP_ELEMENTS.has(key)) fail();
  if ('Version' in document && !VERSIONS.has(document.Version as string)) fail();
  if ('Id' in document && typeof document.Id !== 'string') fail();
  const statement = document.Statement;
  const statements = Array.isArray(statement) ? statement : isObject(statement) ? [statement] : fail();
  if (statements.length === 0) fail();
  statements.forEach((each, i) => checkStatement(each, Array.isArray(statement) ? ['Statement', i] : ['Statement']));
  return { top: document, statements: statements as RawObject[] };
}

function checkStatement(statement: unknown, path: readonly (string | number)[]): void {
  if (!isObject(statement)) fail();
  for (const key of Object.keys(statement)) if (!STATEMENT_ELEMENTS.has(key)) fail();
  for (const [a, b] of EXCLUSIVE_PAIRS) if (a in statement && b in statement) fail();
  const effect = statement.Effect;
  if (typeof effect !== 'string' || !['allow', 'deny'].includes(effect.toLowerCase())) fail();
  for (const key of ['Action', 'NotAction', 'Resource', 'NotResource']) {
    if (key in statement && !isStringOrStringList(statement[key])) fail();
  }
  if ('Sid' in statement && typeof statement.Sid !== 'string') fail();
  if ('Condition' in statement) checkCondition(statement.Condition, [...path, 'Condition']);
  for (const key of ['Principal', 'NotPrincipal']) if (key in statement) checkPrincipalShape(statement[key]);
}

function checkCondition(condition: unknown, path: readonly (string | number)[]): void {
  if (!isObject(condition)) fail();
  for (const [operator, block] of Object.entries(condition)) {
    if (!isObject(block)) fail();
    for (const value of Object.values(block)) {
      const values = Array.isArray(value) ? value : [value];
      if (!values.every(isScalar)) fail();
    }
    if (!parseOperator(operator).operator && Object.keys(block).length > 0) fail(unknownOperator(operator, path));
  }
}

function checkPrincipalShape(principal: unknown): void {
  if (typeof principal === 'string') return; // values are checked later, with their own message
  if (!isObject(principal)) fail();
  for (const [type, value] of Object.entries(principal)) {
    if (!PRINCIPAL_TYPES.has(type) || !isStringOrStringList(value)) fail();
  }
}

function isStringOrStringList(value: unknown): boolean {
  return typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
}

function isScalar(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' || typeof value === 'boolean';
}

/** IAM says only `Syntax errors in policy.` for a misspelled operator (moto agrees); we add which one, and the fix. */
function unknownOperator(operator: string, path: readonly (string | number)[]): PolicyProblem {
  const suggestion = nearestOperator(operator);
  const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
  return { path: [...path, operator], message: `"${operator}" is not a condition operator${hint}` };
}

function fail(problem?: PolicyProblem): never {
  throw new MalformedPolicyDocumentError(SYNTAX_ERROR, problem);
}
