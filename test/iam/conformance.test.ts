/**
 * Differential run against iam-simulate's decision cases (AGPL-3.0 data, read in place from
 * ../shared/conformance/iam-simulate; never copied here). Cases of kinds the emulator does not model are counted as
 * not applicable, each kind with its reason; on the others the decision (Allowed / ExplicitlyDenied /
 * ImplicitlyDenied) must agree at least as often as it does today.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import {
  authorize,
  describePrincipalArn,
  loadPolicy,
  principalContextKeys,
  type CompiledPolicy,
  type Decision,
  type PolicyKind,
  type Principal,
} from '../../src/iam/index.js';
import { isWildcardOnlyAction } from '../../src/iam/catalog.js';

/** Agreeing cases when this floor was set; raise it when the evaluator improves. */
const AGREEING_FLOOR = 205;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const suiteDir = path.resolve(repoRoot, '..', 'shared', 'conformance', 'iam-simulate');

interface Case {
  name: string;
  request: {
    action: string;
    resource: { resource: string; accountId: string };
    principal: string | { type: string };
    context?: Record<string, string | string[]>;
    wildcardOnlyAction?: boolean;
  };
  identityPolicies?: unknown[];
  permissionBoundaries?: unknown[];
  sessionPolicy?: unknown;
  resourcePolicy?: unknown;
  resourcePolicies?: unknown[];
  serviceControlPolicies?: unknown[];
  resourceControlPolicies?: unknown[];
  endpointPolicies?: unknown[];
  simulation?: { mode?: string };
  expected: { response: string };
}

const DECISIONS: Readonly<Record<string, Decision['decision']>> = {
  Allowed: 'Allow',
  ExplicitlyDenied: 'ExplicitDeny',
  ImplicitlyDenied: 'ImplicitDeny',
};

/** Kinds of case the emulator does not model, checked in this order; the first that fits names the case. */
const NOT_APPLICABLE: readonly (readonly [kind: string, reason: string, fits: (c: Case) => boolean])[] = [
  [
    'discovery mode',
    'what-if analysis over unknown context keys; the emulator always evaluates a concrete request',
    (c) => c.simulation?.mode === 'Discovery',
  ],
  [
    'SCPs / RCPs',
    'AWS Organizations policies are not part of the emulated world',
    (c) => (c.serviceControlPolicies?.length ?? 0) > 0 || (c.resourceControlPolicies?.length ?? 0) > 0,
  ],
  ['VPC endpoint policies', 'the emulator has no VPC endpoints', (c) => (c.endpointPolicies?.length ?? 0) > 0],
  [
    'wildcard request resource',
    'asks whether any matching resource could be allowed; the emulator authorizes one concrete resource (or the literal "*" of actions without a resource type)',
    (c) => {
      const { resource } = c.request.resource;
      if (!/[*?]/.test(resource)) return false;
      const literalStar = c.request.wildcardOnlyAction || isWildcardOnlyAction(c.request.action);
      return resource !== '*' || !(literalStar || c.request.action.toLowerCase() === 'sts:getcalleridentity');
    },
  ],
  [
    'AWS-owned IAM and KMS resources',
    'immutability of AWS managed policies, service-linked/reserved roles and aws/ KMS aliases; the emulator serves no IAM or KMS API',
    (c) =>
      /^(iam|kms):/i.test(c.request.action) &&
      /^arn:aws:iam::aws:policy\/|:role\/aws-(service-role|reserved)\/|:alias\/aws\//.test(c.request.resource.resource),
  ],
  [
    'policies IAM rejects',
    'IAM refuses to store the document (Principal in an identity policy, a Principal string other than "*", Resource in a trust policy, ...), so no request meets it',
    (c) => typeof load(c) === 'string',
  ],
];

interface Loaded {
  identity: CompiledPolicy[];
  boundary?: CompiledPolicy;
  session?: CompiledPolicy;
  resource?: CompiledPolicy;
}

/** The compiled policies, or IAM's message for the first document it would reject. */
function load(c: Case): Loaded | string {
  const compile = (document: unknown, name: string, kind: PolicyKind): CompiledPolicy => loadPolicy(document, name, kind).policy;
  try {
    const boundaries = c.permissionBoundaries ?? [];
    return {
      identity: (c.identityPolicies ?? []).map((document, i) => compile(document, `identity-${i}`, 'inline')),
      ...(boundaries[0] ? { boundary: compile(boundaries[0], 'boundary', 'inline') } : {}),
      ...(c.sessionPolicy ? { session: compile(c.sessionPolicy, 'session', 'inline') } : {}),
      ...(c.resourcePolicy ? { resource: compile(c.resourcePolicy, 'resource', resourcePolicyKind(c)) } : {}),
    };
  } catch (error) {
    return (error as Error).message;
  }
}

/** The resource policy of a role, for sts:AssumeRole, is its trust policy. */
function resourcePolicyKind(c: Case): PolicyKind {
  const assumesRole = /^sts:assumerole/i.test(c.request.action) && /^arn:aws:iam::\d{12}:role\//.test(c.request.resource.resource);
  return assumesRole ? 'trust' : 'resource';
}

function principalOf(c: Case, loaded: Loaded): Principal {
  const base = { tags: {}, identityPolicies: loaded.identity };
  const extras = {
    ...(loaded.boundary ? { boundary: loaded.boundary } : {}),
    ...(loaded.session ? { sessionPolicies: [loaded.session] } : {}),
  };
  const { principal } = c.request;
  if (typeof principal !== 'string') return { ...base, kind: 'anonymous', arn: 'anonymous', accountId: '', userId: 'anonymous' };
  const parts = describePrincipalArn(principal);
  if (!parts) throw new Error(`unexpected principal ${principal}`);
  const userId = parts.kind === 'root' ? parts.accountId : `AIDAEXAMPLE${parts.name ?? ''}`;
  return {
    ...base,
    ...extras,
    kind: parts.kind,
    arn: principal,
    accountId: parts.accountId,
    userId,
    ...(parts.kind === 'user' && parts.name ? { username: parts.name } : {}),
  };
}

function readCases(dir: string): { file: string; case: Case }[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) return readCases(full);
      if (!entry.endsWith('.json')) return [];
      const data = JSON.parse(readFileSync(full, 'utf8')) as Case | Case[];
      return (Array.isArray(data) ? data : [data]).map((each) => ({ file: path.relative(suiteDir, full), case: each }));
    });
}

const absent = existsSync(suiteDir) ? false : `iam-simulate conformance suite not found at ${suiteDir}`;
t.test('iam-simulate decision cases', { skip: absent }, async (t) => {
  const cases = readCases(suiteDir);
  const notApplicable = new Map<string, number>();
  const rejected: string[] = [];
  const disagreements: string[] = [];
  let applicable = 0;
  for (const { file, case: c } of cases) {
    const kind = NOT_APPLICABLE.find(([, , fits]) => fits(c));
    if (kind) {
      notApplicable.set(kind[0], (notApplicable.get(kind[0]) ?? 0) + 1);
      if (kind[0] === 'policies IAM rejects') rejected.push(`${file}: ${c.name}: ${load(c) as string}`);
      continue;
    }
    applicable++;
    const loaded = load(c) as Loaded;
    const principal = principalOf(c, loaded);
    const decision = authorize({
      principal,
      action: c.request.action,
      resource: c.request.resource.resource,
      resourceAccount: c.request.resource.accountId,
      context: { ...principalContextKeys(principal), ...(c.request.context ?? {}) },
      ...(loaded.resource ? { resourcePolicy: loaded.resource } : {}),
    });
    const expected = DECISIONS[c.expected.response];
    if (decision.decision !== expected) {
      disagreements.push(`${file}: ${c.name}: expected ${expected}, got ${decision.decision}`);
    }
  }
  const agreeing = applicable - disagreements.length;
  t.comment(
    `iam-simulate cases: ${cases.length}; applicable ${applicable}; agreeing ${agreeing} (${((100 * agreeing) / applicable).toFixed(1)} %)`,
  );
  for (const [kind, reason] of NOT_APPLICABLE) t.comment(`not applicable: ${notApplicable.get(kind) ?? 0} × ${kind}: ${reason}`);
  for (const line of rejected) t.comment(`IAM rejects: ${line}`);
  for (const line of disagreements) t.comment(`disagrees: ${line}`);
  t.ok(agreeing >= AGREEING_FLOOR, `agreement stays at or above ${AGREEING_FLOOR}`);
});
