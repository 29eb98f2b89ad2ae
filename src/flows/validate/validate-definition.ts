/**
 * validateDefinition: every FlowValidationType the definition alone can show (references to other resources are
 * references.ts). Never throws, whatever it is given; a missing definition is an empty draft.
 */
import type { FlowValidation } from '../definition.js';
import { checkConditionalConnections, checkConditionNodes } from './conditions.js';
import { checkConfiguration } from './configuration.js';
import { checkConnectionTypes } from './connection-types.js';
import { checkConnections } from './connections.js';
import { checkBranches } from './branches.js';
import { checkCycles, checkEnds, checkReachability } from './graph.js';
import { checkInputConnections } from './input-connections.js';
import { checkInputExpressions } from './input-expressions.js';
import { checkCollectors } from './iteration.js';
import { checkLoopBody, checkLoopPlacement } from './loops.js';
import { checkNodePorts } from './node-ports.js';
import { allScopes, checkQuotas } from './quotas.js';
import { readDefinition, type Scope } from './scope.js';
import { Findings, limitValidations } from './validation.js';

export function validateDefinition(definition: unknown): FlowValidation[] {
  const findings = new Findings();
  const root = readDefinition(definition, findings);
  const allNodeNames = new Set(allScopes(root).flatMap((s) => s.nodes.map((n) => n.name)));
  checkEnds(root, findings);
  checkLoopPlacement(root, findings);
  checkQuotas(root, findings);
  checkScope(root, allNodeNames, findings);
  return limitValidations(findings.list);
}

/** The checks every level runs: the flow itself, then each loop body. */
function checkScope(scope: Scope, allNodeNames: ReadonlySet<string>, findings: Findings): void {
  checkConfiguration(scope, findings);
  checkNodePorts(scope, findings);
  checkInputExpressions(scope, findings);
  const conditionNodes = checkConditionNodes(scope, findings);
  checkConnections(scope, allNodeNames, findings);
  checkConditionalConnections(scope, conditionNodes, findings);
  checkInputConnections(scope, findings);
  checkConnectionTypes(scope, findings);
  checkCycles(scope, findings);
  checkReachability(scope, findings);
  checkBranches(scope, findings);
  checkCollectors(scope, findings);
  for (const [loopName, body] of scope.bodies) {
    checkLoopBody(scope.byName.get(loopName)!, body, findings);
    checkScope(body, allNodeNames, findings);
  }
}
