/** What PrepareFlow checks: the definition, every resource it references, and the execution role. */
import type { FlowSnapshot, FlowValidationData } from '../../world/records.js';
import type { OperationContext } from '../context.js';

export function checkForPreparation(_ctx: OperationContext, snapshot: FlowSnapshot): FlowValidationData[] {
  const nodes = (snapshot.definition?.nodes as { type?: string }[] | undefined) ?? [];
  const found: FlowValidationData[] = [];
  if (!nodes.some((n) => n.type === 'Input')) {
    found.push({ message: 'The flow has no input node.', severity: 'Error', type: 'MissingStartingNodes', details: { missingStartingNodes: {} } });
  }
  if (!nodes.some((n) => n.type === 'Output')) {
    found.push({ message: 'The flow has no output node.', severity: 'Error', type: 'MissingEndingNodes', details: { missingEndingNodes: {} } });
  }
  return found;
}
