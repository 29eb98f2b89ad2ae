/**
 * Loop bodies (node-types.ts describes the loop rule): exactly one LoopInput (MissingLoopInputNode,
 * MultipleLoopInputNodes) and one LoopController (MissingLoopControllerNode, MultipleLoopControllerNodes), no
 * Input/Condition/Iterator/Collector node (LoopIncompatibleNodeType), and names that line up: each LoopInput
 * output needs a Loop input of that name, each Loop output an ExitLoop controller input of that name
 * (MissingNodeInput on the node that lacks it). LoopInput/LoopController nodes outside a body are Unspecified.
 */
import type { NodeView, Scope } from './scope.js';
import type { Findings } from './validation.js';

export function checkLoopPlacement(scope: Scope, findings: Findings): void {
  for (const node of scope.nodes) {
    if (node.type === 'LoopInput' || node.type === 'LoopController') {
      findings.unspecified(`${node.label} can only be used inside the definition of a Loop node.`);
    }
  }
}

export function checkLoopBody(loop: NodeView, body: Scope, findings: Findings): void {
  const entries = body.nodes.filter((n) => n.type === 'LoopInput');
  const controllers = body.nodes.filter((n) => n.type === 'LoopController');
  const loopNode = loop.name;
  if (entries.length === 0) findings.add('MissingLoopInputNode', { loopNode }, `The body of ${loop.label} has no LoopInput node.`);
  if (entries.length > 1)
    findings.add('MultipleLoopInputNodes', { loopNode }, `The body of ${loop.label} has ${entries.length} LoopInput nodes; it takes one.`);
  if (controllers.length === 0)
    findings.add('MissingLoopControllerNode', { loopNode }, `The body of ${loop.label} has no LoopController node.`);
  if (controllers.length > 1)
    findings.add(
      'MultipleLoopControllerNodes',
      { loopNode },
      `The body of ${loop.label} has ${controllers.length} LoopController nodes; it takes one.`,
    );
  for (const node of body.nodes) {
    const incompatibleNodeType = node.spec?.loopIncompatible;
    if (incompatibleNodeType) {
      findings.add(
        'LoopIncompatibleNodeType',
        { node: loopNode, incompatibleNodeType, incompatibleNodeName: node.name },
        `${node.label} cannot be used inside the body of ${loop.label}.`,
      );
    }
  }
  if (entries.length === 1) checkEntryNames(loop, entries[0]!, findings);
  if (controllers.length === 1) checkExitNames(loop, controllers[0]!, findings);
}

function checkEntryNames(loop: NodeView, entry: NodeView, findings: Findings): void {
  for (const output of entry.outputs) {
    if (!loop.inputs.some((i) => i.name === output.name)) {
      findings.add(
        'MissingNodeInput',
        { node: loop.name, input: output.name },
        `${loop.label} must declare an input ${output.name} to feed output ${output.name} of ${entry.label}.`,
      );
    }
  }
}

function checkExitNames(loop: NodeView, controller: NodeView, findings: Findings): void {
  for (const output of loop.outputs) {
    if (!controller.inputs.some((i) => i.name === output.name && i.category === 'ExitLoop')) {
      findings.add(
        'MissingNodeInput',
        { node: controller.name, input: output.name },
        `${controller.label} must declare an ExitLoop input ${output.name} to produce output ${output.name} of ${loop.label}.`,
      );
    }
  }
}
