/**
 * The execution-role policies a flow needs, from its definition: the identity policy allowing exactly the calls its
 * nodes make as the role (src/flows/nodes/role-requirements.ts, the same functions the runners authorize with), and
 * the trust policy AWS recommends, which lets bedrock.amazonaws.com assume the role for this flow only
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/flows-permissions.html: aws:SourceAccount and aws:SourceArn
 * guard against the confused deputy).
 */
import { evaluatedResource } from '../iam/index.js';
import { roleRequirements, type RoleCall } from '../flows/nodes/role-requirements.js';
import { flowArn, type Scope } from '../world/arns.js';
import type { FlowRecord } from '../world/records.js';
import { hasWorld, worldOf, type Universe } from '../world/universe.js';
import type { World } from '../world/world.js';
import { notFound, validationException } from '../protocol/errors.js';

export interface PolicyStatementJson {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource?: string | string[];
  Principal?: unknown;
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyJson {
  Version: '2012-10-17';
  Statement: PolicyStatementJson[];
}

export interface FlowRolePolicies {
  policy: PolicyJson;
  trustPolicy: PolicyJson;
}

interface NodeLike {
  type?: unknown;
  configuration?: unknown;
}

/** Every node call of the definition, loop bodies included, in node order. */
export function flowRoleCalls(definition: unknown, scope: Scope, universe: Universe): RoleCall[] {
  const calls: RoleCall[] = [];
  const walk = (def: unknown, depth: number) => {
    // Loops nest at most a few deep; the bound keeps a hostile definition from recursing without end.
    if (depth > 16) return;
    const nodes = (def as { nodes?: unknown } | undefined)?.nodes;
    if (!Array.isArray(nodes)) return;
    for (const node of nodes as NodeLike[]) {
      if (typeof node?.type !== 'string') continue;
      if (node.type === 'Loop') walk((node.configuration as { loop?: { definition?: unknown } } | undefined)?.loop?.definition, depth + 1);
      else calls.push(...roleRequirements(node.type, node.configuration, scope, universe));
    }
  };
  walk(definition, 0);
  return calls;
}

/** `bedrock:InvokeModel` → `BedrockInvokeModel`: IAM Sids are alphanumeric. */
const sidOf = (action: string) =>
  action
    .split(':')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')
    .replace(/[^A-Za-z0-9]/g, '');

/** One statement an action, its resources exact (`*` for actions without a resource type) and sorted; an action with one resource names it as a string. */
export function statementsByAction(calls: readonly RoleCall[]): PolicyStatementJson[] {
  const byAction = new Map<string, Set<string>>();
  for (const call of calls) {
    const { action } = call;
    // Actions without a resource type (bedrock:RetrieveAndGenerate) are granted only by `"Resource": "*"`.
    const resource = evaluatedResource(action, call.resource);
    let resources = byAction.get(action);
    if (!resources) byAction.set(action, (resources = new Set()));
    resources.add(resource);
  }
  return [...byAction.keys()].sort().map((action) => {
    const resources = [...(byAction.get(action) as Set<string>)].sort();
    return { Sid: sidOf(action), Effect: 'Allow', Action: action, Resource: resources.length === 1 ? (resources[0] as string) : resources };
  });
}

export function flowTrustPolicy(scope: Scope, flowId: string): PolicyJson {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'FlowsTrustBedrock',
        Effect: 'Allow',
        Principal: { Service: 'bedrock.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'aws:SourceAccount': scope.account },
          ArnLike: { 'aws:SourceArn': flowArn(scope, flowId) },
        },
      },
    ],
  };
}

/** `flowId` names the flow the trust policy admits; `*` for a definition not yet created as a flow. */
export function flowRolePolicies(definition: unknown, scope: Scope, flowId: string, universe: Universe): FlowRolePolicies {
  return {
    policy: { Version: '2012-10-17', Statement: statementsByAction(flowRoleCalls(definition, scope, universe)) },
    trustPolicy: flowTrustPolicy(scope, flowId),
  };
}

export interface FlowRolePolicyQuery {
  flow?: string;
  version?: string;
  account?: string;
  region?: string;
}

/**
 * GET /_emulator/iam/flow-role-policy: a flow's draft (`version` absent or DRAFT) or one of its versions, in the
 * default world unless `account`/`region` name another. Asking never creates a world.
 */
export function flowRolePoliciesOf(universe: Universe, query: FlowRolePolicyQuery): FlowRolePolicies {
  const { world, flow, definition } = flowSnapshotOf(universe, query);
  return flowRolePolicies(definition, world, flow.id, universe);
}

/** The flow and the definition a query names (the draft, or `version`); 404 for an unknown flow or version. */
export function flowSnapshotOf(universe: Universe, query: FlowRolePolicyQuery): { world: World; flow: FlowRecord; definition: unknown } {
  if (!query.flow) throw validationException('The flow query parameter is required: ?flow=FLOW_ID[&version=N].');
  const account = query.account ?? universe.defaultAccount;
  const region = query.region ?? universe.defaultRegion;
  const world = hasWorld(universe, account, region) ? worldOf(universe, account, region) : undefined;
  const flow = world?.flows.get(query.flow);
  if (!world || !flow) throw notFound(`Flow ${query.flow} was not found in account ${account}, Region ${region}.`);
  const draft = query.version === undefined || query.version === 'DRAFT';
  const snapshot = draft ? flow : flow.versions[query.version as string];
  if (!snapshot) throw notFound(`Flow ${query.flow} has no version ${query.version}.`);
  return { world, flow, definition: snapshot.definition };
}
