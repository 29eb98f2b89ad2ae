/**
 * Why a request was denied, in a user's terms, and the smallest statement that would allow it. Computed only for
 * denials (the evaluator's hot path keeps returning the bare Decision): it walks the statements of the policy type
 * that denied (evaluate.ts decides which) and says where the closest one stops matching — the action, the resource
 * (both ARNs, and which part differs), a condition (key, the request's value, the policy's values) — or names the
 * explicit Deny. The evaluation rules are those of the IAM User Guide, "Policy evaluation logic".
 */
import { splitArn } from './arn-pattern.js';
import { canonicalAction, evaluatedResource } from './catalog.js';
import type { CompiledPolicy, CompiledStatement } from './compile.js';
import { RequestContext } from './context.js';
import type { AuthorizationRequest, Decision, PolicyType } from './evaluate.js';
import { compileGlob } from './wildcard.js';

export type DenialReason = 'no-statement-names-action' | 'resource-not-matched' | 'condition-failed' | 'explicit-deny' | 'no-policy';

export interface SuggestedStatement {
  Effect: 'Allow';
  Action: string;
  Resource?: string;
  Principal?: unknown;
  Condition?: Record<string, Record<string, string>>;
}

export interface DenialExplanation {
  reason: DenialReason;
  /** Which kind of policy stopped it: identity, permissions boundary, session or resource-based (trust) policy. */
  policyType: PolicyType;
  /** One or two sentences a user can act on. */
  message: string;
  /** The statement that came closest (or the explicit Deny): its policy and Sid (else index). */
  statement?: { policy: string; statement: string | number };
  resource?: { requested: string; inPolicy: readonly string[]; differs: string };
  condition?: { operator: string; key: string; requestValue: string | readonly string[] | null; policyValues: readonly string[] };
  /** The smallest statement that would allow the request (for an explicit deny it is not enough: the Deny wins). */
  suggestion: SuggestedStatement;
}

const LABEL: Readonly<Record<PolicyType, string>> = {
  identity: 'identity-based policies',
  boundary: 'permissions boundary',
  session: 'session policy',
  resource: 'resource-based policy',
};

const SEGMENTS = ['', 'partition', 'service', 'Region', 'account', 'resource'] as const;

export function explainDenial(request: AuthorizationRequest, decision: Decision): DenialExplanation {
  const lowerAction = request.action.toLowerCase();
  const resource = evaluatedResource(lowerAction, request.resource);
  const suggestion = smallestStatement(request, resource);
  const policyType = decision.deniedBy ?? 'identity';
  if (decision.decision === 'ExplicitDeny' && decision.decidedBy) {
    const { policyName, statement } = decision.decidedBy;
    return {
      reason: 'explicit-deny',
      policyType,
      statement: { policy: policyName, statement },
      message:
        `Statement ${quote(statement)} of policy ${quote(policyName)} (${LABEL[policyType]}) denies ${request.action} explicitly; ` +
        'an explicit deny overrides every allow, so narrow or remove that statement.',
      suggestion,
    };
  }
  const policies = policiesOf(request, policyType);
  const prefix =
    policyType === 'identity' || policyType === 'resource'
      ? ''
      : `The identity-based policies allow it, but the ${LABEL[policyType]} does not: `;
  if (policies.length === 0) {
    return {
      reason: 'no-policy',
      policyType,
      message: sentence(prefix, `there is no ${LABEL[policyType]} that could allow it.`),
      suggestion,
    };
  }
  const context = new RequestContext(request.context);
  const allows = policies.flatMap((policy) =>
    policy.statements
      .filter((s) => s.effect === 'Allow' && s.matchesAction(lowerAction))
      .filter((s) => !s.matchesPrincipal || s.matchesPrincipal(request.principal) !== undefined)
      .map((statement) => ({ policy, statement })),
  );
  if (allows.length === 0) {
    return {
      reason: 'no-statement-names-action',
      policyType,
      message: sentence(
        prefix,
        `no Allow statement in the ${LABEL[policyType]} names ${request.action}${request.resourcePolicy && policyType === 'resource' ? ` for ${request.principal.arn}` : ''}.`,
      ),
      suggestion,
    };
  }
  const onResource = allows.filter(({ statement }) => !statement.matchesResource || statement.matchesResource(resource, context));
  if (onResource.length === 0) {
    const closest = closestResource(allows, resource);
    return {
      reason: 'resource-not-matched',
      policyType,
      statement: ref(closest.policy, closest.statement),
      resource: { requested: resource, inPolicy: closest.patterns, differs: closest.differs },
      message: sentence(
        prefix,
        `statement ${quote(ref(closest.policy, closest.statement).statement)} allows ${request.action}, but on ` +
          `${closest.patterns.join(', ')}, not on ${resource}: ${closest.differs}.`,
      ),
      suggestion,
    };
  }
  // Every statement naming the action and resource has a condition that failed: the first one's first.
  const { policy, statement } = onResource[0] as { policy: CompiledPolicy; statement: CompiledStatement };
  const failed = statement.conditions.find((c) => !c.evaluate(context));
  const key = failed?.key ?? '';
  const requestValue = failed ? (context.get(key.toLowerCase(), key) ?? null) : null;
  const shown = requestValue === null ? 'absent from the request' : JSON.stringify(requestValue);
  return {
    reason: 'condition-failed',
    policyType,
    statement: ref(policy, statement),
    condition: { operator: failed?.operator ?? '', key, requestValue, policyValues: failed?.values ?? [] },
    message: sentence(
      prefix,
      failed
        ? `statement ${quote(ref(policy, statement).statement)} allows ${request.action} on this resource, but its condition ` +
            `${failed.operator} ${key} failed: the request's value is ${shown}, the policy wants ${JSON.stringify(failed.values)}.`
        : `statement ${quote(ref(policy, statement).statement)} allows ${request.action} on this resource, but not for this principal.`,
    ),
    suggestion,
  };
}

function policiesOf(request: AuthorizationRequest, type: PolicyType): readonly CompiledPolicy[] {
  const { principal } = request;
  if (type === 'boundary') return principal.boundary ? [principal.boundary] : [];
  if (type === 'session') return principal.sessionPolicies ?? [];
  if (type === 'resource') return request.resourcePolicy ? [request.resourcePolicy] : [];
  return principal.identityPolicies;
}

/** The prefix (a boundary or session policy) then the reason, as one sentence. */
const sentence = (prefix: string, rest: string) => (prefix ? prefix + rest : rest.charAt(0).toUpperCase() + rest.slice(1));

const ref = (policy: CompiledPolicy, statement: CompiledStatement) => ({
  policy: policy.name,
  statement: statement.sid ?? statement.index,
});
const quote = (name: string | number) => (typeof name === 'number' ? `#${name}` : `"${name}"`);

/** The statement whose Resource pattern agrees with the most ARN parts, and the first part that differs. */
function closestResource(allows: { policy: CompiledPolicy; statement: CompiledStatement }[], resource: string) {
  const wanted = splitArn(resource);
  let best: { policy: CompiledPolicy; statement: CompiledStatement; patterns: string[]; differs: string; score: number } | undefined;
  for (const { policy, statement } of allows) {
    const element = policy.document.statements[statement.index];
    const negated = element?.resource === undefined;
    const patterns = [...(element?.resource ?? element?.notResource ?? [])];
    for (const pattern of patterns) {
      const { score, differs } = negated
        ? { score: -1, differs: `the statement's NotResource excludes ${pattern}` }
        : compareArn(wanted, pattern, resource);
      if (!best || score > best.score)
        best = { policy, statement, patterns: negated ? patterns.map((p) => `everything but ${p}`) : patterns, differs, score };
    }
  }
  // allows is not empty and each of its statements has a Resource or NotResource (identity policies require one).
  return best as NonNullable<typeof best>;
}

function compareArn(wanted: readonly string[] | undefined, pattern: string, resource: string): { score: number; differs: string } {
  const got = splitArn(pattern);
  if (resource === '*') return { score: 0, differs: 'this action has no resource type, and only "Resource": "*" grants it' };
  if (!wanted || !got) return { score: 0, differs: `the policy names ${pattern}` };
  let score = 0;
  let differs = '';
  for (let i = 1; i < SEGMENTS.length; i++) {
    const have = wanted[i] as string;
    const want = got[i] as string;
    if (compileGlob(want)(have)) score++;
    else if (!differs) differs = `the ${SEGMENTS[i]} differs (${have || '(empty)'} in the request, ${want || '(empty)'} in the policy)`;
  }
  return { score, differs: differs || `${pattern} does not match ${resource}` };
}

/** Allow, the action as the catalog spells it, the evaluated resource; iam:PassRole to the service it went to. */
function smallestStatement(request: AuthorizationRequest, resource: string): SuggestedStatement {
  const action = canonicalAction(request.action) ?? request.action;
  const statement: SuggestedStatement = { Effect: 'Allow', Action: action };
  if (request.resourcePolicy) {
    statement.Principal = request.principal.kind === 'service' ? { Service: request.principal.arn } : { AWS: request.principal.arn };
  } else {
    statement.Resource = resource;
  }
  // A service assuming a role: the confused-deputy guard AWS recommends, for this source only.
  const { 'aws:SourceArn': sourceArn, 'aws:SourceAccount': sourceAccount } = request.context;
  if (request.resourcePolicy && typeof sourceArn === 'string' && typeof sourceAccount === 'string') {
    statement.Condition = { StringEquals: { 'aws:SourceAccount': sourceAccount }, ArnLike: { 'aws:SourceArn': sourceArn } };
  }
  const passedTo = request.context['iam:PassedToService'];
  if (action.toLowerCase() === 'iam:passrole' && typeof passedTo === 'string') {
    statement.Condition = { StringEquals: { 'iam:PassedToService': passedTo } };
  }
  return statement;
}
