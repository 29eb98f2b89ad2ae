/**
 * Declared inputs and outputs against the node-type table: UnknownNodeInput/Output (a name the type does not
 * have), MismatchedNodeInput/OutputType (a fixed port declared with another type), MissingNodeInput/Output (a
 * required fixed port, or a Prompt template variable, not declared).
 */
import { fixedPort, outputPorts, type PortsSpec } from '../node-types.js';
import { inlineTemplateTexts, templateVariables } from '../prompt-template.js';
import { isRecord, type NodeView, type Scope } from './scope.js';
import type { Findings } from './validation.js';

export function checkNodePorts(scope: Scope, findings: Findings): void {
  for (const node of scope.nodes) {
    if (!node.spec) continue;
    checkInputs(node, node.spec.inputs, findings);
    checkOutputs(node, outputPorts(node.spec, node.config), findings);
    checkTemplateVariables(node, findings);
  }
}

function checkInputs(node: NodeView, spec: PortsSpec, findings: Findings): void {
  for (const input of node.inputs) {
    const port = spec.kind === 'fixed' ? spec.ports.find((p) => p.name === input.name) : undefined;
    if (spec.kind === 'none' || (spec.kind === 'fixed' && !port)) {
      findings.add(
        'UnknownNodeInput',
        { node: node.name, input: input.name },
        `${node.label} has no input named ${input.name}${expected(spec)}.`,
      );
    } else if (port && port.type !== 'Any' && port.type !== input.type) {
      findings.add(
        'MismatchedNodeInputType',
        { node: node.name, input: input.name, expectedType: port.type },
        `Input ${input.name} of ${node.label} must be of type ${port.type}, not ${input.type}.`,
      );
    }
  }
  for (const port of spec.kind === 'fixed' ? spec.ports : []) {
    if (port.required && !node.inputs.some((i) => i.name === port.name)) {
      findings.add(
        'MissingNodeInput',
        { node: node.name, input: port.name },
        `${node.label} must declare its input ${port.name}${port.type === 'Any' ? '' : ` (${port.type})`}.`,
      );
    }
  }
}

function checkOutputs(node: NodeView, spec: PortsSpec, findings: Findings): void {
  for (const output of node.outputs) {
    const port = spec.kind === 'fixed' ? spec.ports.find((p) => p.name === output.name) : undefined;
    if (spec.kind === 'none' || (spec.kind === 'fixed' && !port)) {
      findings.add(
        'UnknownNodeOutput',
        { node: node.name, output: output.name },
        `${node.label} has no output named ${output.name}${expected(spec, modelHint(node, output.name))}.`,
      );
    } else if (port && port.type !== 'Any' && port.type !== output.type) {
      findings.add(
        'MismatchedNodeOutputType',
        { node: node.name, output: output.name, expectedType: port.type },
        `Output ${output.name} of ${node.label} must be of type ${port.type}, not ${output.type}.`,
      );
    }
  }
  for (const port of spec.kind === 'fixed' ? spec.ports : []) {
    if (!node.outputs.some((o) => o.name === port.name)) {
      findings.add(
        'MissingNodeOutput',
        { node: node.name, output: port.name },
        `${node.label} must declare its output ${port.name}${port.type === 'Any' ? '' : ` (${port.type})`}.`,
      );
    }
  }
}

/** An inline prompt needs an input for every `{{variable}}` of its template (a stored prompt is checked at run). */
function checkTemplateVariables(node: NodeView, findings: Findings): void {
  const source = node.type === 'Prompt' ? node.config?.sourceConfiguration : undefined;
  const inline = isRecord(source) && isRecord(source.inline) ? source.inline : undefined;
  const variables = new Set(inlineTemplateTexts(inline?.templateConfiguration).flatMap(templateVariables));
  for (const variable of variables) {
    if (!node.inputs.some((i) => i.name === variable)) {
      findings.add(
        'MissingNodeInput',
        { node: node.name, input: variable },
        `${node.label} must declare an input ${variable} for the template variable {{${variable}}}.`,
      );
    }
  }
}

function expected(spec: PortsSpec, hint?: string): string {
  if (spec.kind === 'none') return ' (it takes none)';
  const names = spec.kind === 'fixed' ? `expected: ${spec.ports.map((p) => p.name).join(', ')}` : undefined;
  const notes = [names, hint].filter((note) => note !== undefined);
  return notes.length > 0 ? ` (${notes.join('; ')})` : '';
}

/** KnowledgeBase outputs depend on `modelId`: say so when the other variant's output is declared. */
function modelHint(node: NodeView, name: string): string | undefined {
  const spec = node.spec;
  if (!spec?.outputsWithModel) return undefined;
  if (fixedPort(spec.outputsWithModel, name)) return `${name} is produced only when modelId is set`;
  return fixedPort(spec.outputs, name) ? `${name} is produced only when modelId is not set` : undefined;
}
