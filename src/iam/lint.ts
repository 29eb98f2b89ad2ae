/**
 * Warnings about a policy IAM accepts but that probably does not do what its author meant. Returned as data, never
 * thrown: the policy still evaluates exactly as written.
 */
import {
  actionResourceTypes,
  actionsMatching,
  arnTemplates,
  canonicalAction,
  conditionKeyType,
  isKnownConditionKey,
  isKnownService,
  nearestAction,
  nearestService,
} from './catalog.js';
import { nearestOperator, parseOperator } from './conditions/operator.js';
import type { PolicyDocument, PolicyStatement } from './policy-types.js';
import { patternMayMatchTemplate } from './template-overlap.js';
import { hasWildcard } from './wildcard.js';

export type PolicyWarningCode =
  | 'unknown-service'
  | 'unknown-action'
  | 'unknown-condition-operator'
  | 'unknown-condition-key'
  | 'multivalued-key-without-set-operator'
  | 'set-operator-on-single-valued-key'
  | 'resource-type-mismatch';

export interface PolicyWarning {
  readonly code: PolicyWarningCode;
  readonly message: string;
  /** The statement's position in the document, from 0. */
  readonly statementIndex: number;
  readonly sid?: string;
  /** The nearest real name, for unknown services, actions and condition operators. */
  readonly suggestion?: string;
}

type Report = (code: PolicyWarningCode, message: string, suggestion?: string) => void;

export function lintPolicy(document: PolicyDocument): PolicyWarning[] {
  const warnings: PolicyWarning[] = [];
  document.statements.forEach((statement, statementIndex) => {
    const report: Report = (code, message, suggestion) =>
      warnings.push({
        code,
        message,
        statementIndex,
        ...(statement.sid ? { sid: statement.sid } : {}),
        ...(suggestion ? { suggestion } : {}),
      });
    for (const action of statement.action ?? statement.notAction ?? []) lintAction(action, report);
    lintConditions(statement, report);
    lintResourceTypes(statement, report);
  });
  return warnings;
}

function lintAction(action: string, report: Report): void {
  if (action === '*') return;
  const service = action.slice(0, action.indexOf(':'));
  if (hasWildcard(service)) return;
  if (!isKnownService(service)) {
    const suggestion = nearestService(service);
    const message = `No AWS service has the prefix "${service}" (in "${action}")${didYouMean(suggestion)}`;
    report('unknown-service', message, suggestion);
    return;
  }
  if (hasWildcard(action)) {
    if (actionsMatching(action).length === 0) report('unknown-action', `"${action}" matches no ${service} action`);
    return;
  }
  if (canonicalAction(action) !== undefined) return;
  const suggestion = nearestAction(action);
  report('unknown-action', `${service} defines no action "${action}"${didYouMean(suggestion)}; as written it matches nothing`, suggestion);
}

function lintConditions(statement: PolicyStatement, report: Report): void {
  for (const [operator, keys] of Object.entries(statement.condition ?? {})) {
    const parsed = parseOperator(operator);
    if (!parsed.operator) {
      const suggestion = nearestOperator(operator);
      const message = `"${operator}" is not a condition operator${didYouMean(suggestion)}; its empty block has no effect`;
      report('unknown-condition-operator', message, suggestion);
      continue;
    }
    for (const key of Object.keys(keys)) {
      if (!isKnownConditionKey(key)) {
        const service = key.includes(':') ? key.slice(0, key.indexOf(':')) : key;
        report('unknown-condition-key', `Condition key "${key}" is not defined by ${service}; requests never carry it`);
        continue;
      }
      const type = conditionKeyType(key);
      if (type === undefined || parsed.operator.family === 'Null') continue;
      const multivalued = type.startsWith('ArrayOf');
      if (multivalued && !parsed.set) {
        report(
          'multivalued-key-without-set-operator',
          `"${key}" can hold several values: use ForAnyValue: or ForAllValues: with ${operator}`,
        );
      } else if (!multivalued && parsed.set === 'ForAllValues') {
        report('set-operator-on-single-valued-key', `"${key}" is single-valued: ForAllValues: is also true when the key is absent`);
      }
    }
  }
}

/** An action paired only with resources it is never authorized on: such a statement never applies to it. */
function lintResourceTypes(statement: PolicyStatement, report: Report): void {
  const resources = statement.resource;
  if (!statement.action || !resources || resources.includes('*')) return;
  for (const action of statement.action) {
    if (hasWildcard(action)) continue;
    const types = actionResourceTypes(action);
    if (!types) continue;
    const name = canonicalAction(action) ?? action;
    if (types.length === 0) {
      report('resource-type-mismatch', `${name} has no resource type: it is authorized on "*" only, so this statement never applies to it`);
    } else if (
      !resources.some((resource) => types.some((type) => arnTemplates(type).some((arn) => patternMayMatchTemplate(resource, arn))))
    ) {
      const expected = types.map((type) => type.name).join(', ');
      report('resource-type-mismatch', `${name} is authorized on ${expected} resources; none of this statement's resources can be one`);
    }
  }
}

function didYouMean(suggestion: string | undefined): string {
  return suggestion ? ` (did you mean "${suggestion}"?)` : '';
}
