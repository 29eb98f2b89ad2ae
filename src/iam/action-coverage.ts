/**
 * What a set of policies lets a principal do with one action: the Allow statements that name it on resources of
 * the action's resource type (an Allow on other resources never applies to it; actions without a resource type are
 * granted only by `"Resource": "*"`: IAM User Guide, "Policy evaluation logic"), with their conditions, and the
 * Deny statements that name it. For `lint-policy --operations`.
 */
import { actionResourceTypes, arnTemplates, canonicalAction, isWildcardOnlyAction } from './catalog.js';
import type { CompiledPolicy } from './compile.js';
import { patternMayMatchTemplate } from './template-overlap.js';

export interface CoveringStatement {
  policy: string;
  /** The Sid, else the index in the document. */
  statement: string | number;
  /** The statement's resources that can be this action's (`everything but X` for NotResource). */
  resources: string[];
  conditions: { operator: string; key: string; values: readonly string[] }[];
}

export interface ActionCoverage {
  action: string;
  /** `denied`: an unconditional Deny on every resource; `allowed`: an unconditional Allow on at least one. */
  verdict: 'allowed' | 'allowed-with-conditions' | 'not-allowed' | 'denied';
  allows: CoveringStatement[];
  denies: CoveringStatement[];
}

function resourceFilter(action: string): (resource: string) => boolean {
  if (isWildcardOnlyAction(action)) return (resource) => resource === '*';
  const types = actionResourceTypes(action);
  if (!types || types.length === 0) return () => true;
  const templates = types.flatMap(arnTemplates).filter(Boolean);
  return (resource) => resource === '*' || templates.some((template) => patternMayMatchTemplate(resource, template));
}

export function actionCoverage(policies: readonly CompiledPolicy[], action: string): ActionCoverage {
  const lower = action.toLowerCase();
  const relevant = resourceFilter(lower);
  const allows: CoveringStatement[] = [];
  const denies: CoveringStatement[] = [];
  for (const policy of policies) {
    for (const statement of policy.statements) {
      if (!statement.matchesAction(lower)) continue;
      const element = policy.document.statements[statement.index];
      const resources = element?.resource
        ? element.resource.filter(relevant)
        : (element?.notResource ?? []).map((r) => `everything but ${r}`);
      if (resources.length === 0) continue;
      const conditions = statement.conditions.map(({ operator, key, values }) => ({ operator, key, values }));
      (statement.effect === 'Allow' ? allows : denies).push({
        policy: policy.name,
        statement: statement.sid ?? statement.index,
        resources,
        conditions,
      });
    }
  }
  const unconditional = (s: CoveringStatement) => s.conditions.length === 0;
  const verdict = denies.some((s) => unconditional(s) && s.resources.includes('*'))
    ? 'denied'
    : allows.some(unconditional)
      ? 'allowed'
      : allows.length > 0
        ? 'allowed-with-conditions'
        : 'not-allowed';
  return { action: canonicalAction(action) ?? action, verdict, allows, denies };
}
