/**
 * Flow quotas (https://docs.aws.amazon.com/general/latest/gr/bedrock.html#limits_bedrock), reported as Unspecified
 * since no validation type names them. Counted over the whole flow, loop bodies included ("per flow"). 100
 * connections per definition: the CloudFormation limit AWS applies, not the model's 20 (docs/behaviour.md#quotas).
 */
import { NODE_TYPES } from '../node-types.js';
import type { Scope } from './scope.js';
import type { Findings } from './validation.js';

export const MAX_NODES_PER_FLOW = 40;
export const MAX_CONNECTIONS_PER_DEFINITION = 100;

export function checkQuotas(root: Scope, findings: Findings): void {
  const scopes = allScopes(root);
  const nodes = scopes.flatMap((s) => s.nodes);
  if (nodes.length > MAX_NODES_PER_FLOW) {
    findings.unspecified(`The flow has ${nodes.length} nodes; a flow can have at most ${MAX_NODES_PER_FLOW}.`);
  }
  for (const spec of Object.values(NODE_TYPES)) {
    const count = nodes.filter((n) => n.spec === spec).length;
    if (spec.quota !== undefined && count > spec.quota) {
      findings.unspecified(`The flow has ${count} ${spec.type} nodes; a flow can have at most ${spec.quota}.`);
    }
  }
  for (const scope of scopes) {
    if (scope.connections.length > MAX_CONNECTIONS_PER_DEFINITION) {
      const where = scope.loopNode === undefined ? 'The flow' : `The body of Loop node ${scope.loopNode}`;
      findings.unspecified(`${where} has ${scope.connections.length} connections; at most ${MAX_CONNECTIONS_PER_DEFINITION} are allowed.`);
    }
  }
  for (const node of nodes) {
    const max = node.spec?.maxInputs;
    if (max !== undefined && node.inputs.length > max) {
      findings.unspecified(`${node.label} declares ${node.inputs.length} inputs; at most ${max} are allowed.`);
    }
  }
}

export function allScopes(root: Scope): Scope[] {
  return [root, ...[...root.bodies.values()].flatMap(allScopes)];
}
