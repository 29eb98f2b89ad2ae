/** What a node really offers a connection: the names its type allows, and the type of an output. */
import type { FlowNodeIODataType } from '../definition.js';
import { fixedPort, outputPorts, type PortsSpec } from '../node-types.js';
import type { NodeView } from './scope.js';

export function outputSpec(node: NodeView): PortsSpec | undefined {
  return node.spec && outputPorts(node.spec, node.config);
}

/** Names a connection may use: the fixed ports (declared or not), or the declared ones where names are free. */
export function connectableInputs(node: NodeView): ReadonlySet<string> {
  return connectable(node.spec?.inputs, node.inputs);
}

export function connectableOutputs(node: NodeView): ReadonlySet<string> {
  return connectable(outputSpec(node), node.outputs);
}

function connectable(spec: PortsSpec | undefined, declared: readonly { name: string }[]): ReadonlySet<string> {
  if (spec?.kind === 'none') return new Set();
  if (spec?.kind === 'fixed') return new Set(spec.ports.map((p) => p.name));
  return new Set(declared.map((p) => p.name));
}

/**
 * The type a connection from this output carries: the declared type, else the fixed one. An Iterator's
 * `arrayItem` is whatever the array element is, so it has no static type.
 */
export function outputType(node: NodeView, name: string): FlowNodeIODataType | undefined {
  if (node.type === 'Iterator' && name === 'arrayItem') return undefined;
  const declared = node.outputs.find((o) => o.name === name)?.type;
  const spec = outputSpec(node);
  const fixed = spec ? fixedPort(spec, name)?.type : undefined;
  return declared ?? (fixed === 'Any' ? undefined : fixed);
}
