/**
 * Reads an untrusted definition (drafts, garbage) into scopes the checks can rely on: one scope for the flow and
 * one per Loop body. Entries too broken to check are reported as Unspecified and left out.
 */
import type { FlowNodeIODataType, FlowNodeOutput } from '../definition.js';
import { isFlowDataType } from '../expressions/data-types.js';
import { nodeTypeSpec, type NodeTypeSpec } from '../node-types.js';
import type { Findings } from './validation.js';

export interface InputView {
  readonly name: string;
  readonly type: FlowNodeIODataType;
  readonly expression: unknown;
  readonly category: unknown;
}

export interface NodeView {
  readonly name: string;
  readonly type: string;
  readonly spec: NodeTypeSpec | undefined;
  readonly configuration: unknown;
  /** The configuration member of the node's type, when it is an object. */
  readonly config: Readonly<Record<string, unknown>> | undefined;
  readonly inputs: readonly InputView[];
  readonly outputs: readonly FlowNodeOutput[];
  /** "Prompt node MakePlaylist", for messages. */
  readonly label: string;
}

export interface ConnectionView {
  readonly name: string;
  readonly type: unknown;
  readonly source: string;
  readonly target: string;
  readonly configuration: unknown;
  /** Set for a Data connection whose `configuration.data` names both ends. */
  readonly data: { readonly sourceOutput: string; readonly targetInput: string } | undefined;
  /** Set for a Conditional connection whose `configuration.conditional` names a condition. */
  readonly condition: string | undefined;
}

export interface Scope {
  /** The Loop node whose body this is; undefined for the flow itself. */
  readonly loopNode: string | undefined;
  readonly nodes: readonly NodeView[];
  readonly byName: ReadonlyMap<string, NodeView>;
  readonly connections: readonly ConnectionView[];
  /** Loop node name → its body. */
  readonly bodies: ReadonlyMap<string, Scope>;
}

/** Deeper nesting is refused: it keeps validation bounded on hostile input. */
export const MAX_LOOP_DEPTH = 8;

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function readDefinition(definition: unknown, findings: Findings): Scope {
  return readScope(definition ?? {}, findings, undefined, 0);
}

function readScope(definition: unknown, findings: Findings, loopNode: string | undefined, depth: number): Scope {
  const where = loopNode === undefined ? 'The flow definition' : `The definition of Loop node ${loopNode}`;
  const nodes: NodeView[] = [];
  const byName = new Map<string, NodeView>();
  const connections: ConnectionView[] = [];
  const bodies = new Map<string, Scope>();
  const scope: Scope = { loopNode, nodes, byName, connections, bodies };
  if (!isRecord(definition)) {
    findings.unspecified(`${where} must be a JSON object.`);
    return scope;
  }
  list(definition.nodes, `${where}: nodes`, findings).forEach((raw, i) => {
    const node = readNode(raw, i, findings);
    if (!node) return;
    if (byName.has(node.name)) return findings.unspecified(`Node name ${node.name} is used by more than one node.`);
    nodes.push(node);
    byName.set(node.name, node);
  });
  const connectionNames = new Set<string>();
  list(definition.connections, `${where}: connections`, findings).forEach((raw, i) => {
    if (!isRecord(raw) || !isString(raw.name) || !isString(raw.source) || !isString(raw.target)) {
      return findings.unspecified(`Connection #${i + 1} needs a string name, source and target.`);
    }
    if (connectionNames.has(raw.name)) findings.unspecified(`Connection name ${raw.name} is used by more than one connection.`);
    connectionNames.add(raw.name);
    connections.push(readConnection(raw, raw.name, raw.source, raw.target));
  });
  for (const node of nodes) {
    if (node.type !== 'Loop' || !node.config || node.config.definition === undefined) continue;
    if (depth + 1 > MAX_LOOP_DEPTH) findings.unspecified(`Loop node ${node.name} is nested more than ${MAX_LOOP_DEPTH} loops deep.`);
    else bodies.set(node.name, readScope(node.config.definition, findings, node.name, depth + 1));
  }
  return scope;
}

function readConnection(raw: Record<string, unknown>, name: string, source: string, target: string): ConnectionView {
  const { type, configuration } = raw;
  const member = isRecord(configuration) ? configuration[type === 'Data' ? 'data' : 'conditional'] : undefined;
  const data =
    type === 'Data' && isRecord(member) && isString(member.sourceOutput) && isString(member.targetInput)
      ? { sourceOutput: member.sourceOutput, targetInput: member.targetInput }
      : undefined;
  const condition = type === 'Conditional' && isRecord(member) && isString(member.condition) ? member.condition : undefined;
  return { name, type, source, target, configuration, data, condition };
}

function readNode(raw: unknown, index: number, findings: Findings): NodeView | undefined {
  if (!isRecord(raw) || !isString(raw.name) || !isString(raw.type)) {
    findings.unspecified(`Node #${index + 1} needs a string name and type.`);
    return undefined;
  }
  const { name, type, configuration } = raw;
  const spec = nodeTypeSpec(type);
  if (!spec) findings.unspecified(`Node ${name} has the unknown type '${type}'.`);
  const member = spec && isRecord(configuration) ? configuration[spec.configurationKey] : undefined;
  const inputs = ports(raw.inputs, `Node ${name}: input`, findings).map((p) => ({
    name: p.name,
    type: p.type,
    expression: p.raw.expression,
    category: p.raw.category,
  }));
  const outputs = ports(raw.outputs, `Node ${name}: output`, findings).map((p) => ({ name: p.name, type: p.type }));
  return {
    name,
    type,
    spec,
    configuration,
    inputs,
    outputs,
    config: isRecord(member) ? member : undefined,
    label: spec ? `${type} node ${name}` : `Node ${name}`,
  };
}

function ports(raw: unknown, what: string, findings: Findings) {
  const seen = new Set<string>();
  const result: { name: string; type: FlowNodeIODataType; raw: Record<string, unknown> }[] = [];
  list(raw, `${what}s`, findings).forEach((p, i) => {
    if (!isRecord(p) || !isString(p.name) || !isFlowDataType(p.type)) {
      return findings.unspecified(`${what} #${i + 1} needs a string name and a type among String, Number, Boolean, Object, Array.`);
    }
    if (seen.has(p.name)) return findings.unspecified(`${what} ${p.name} is declared more than once.`);
    seen.add(p.name);
    result.push({ name: p.name, type: p.type, raw: p });
  });
  return result;
}

function list(value: unknown, what: string, findings: Findings): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  findings.unspecified(`${what} must be a list.`);
  return [];
}

const isString = (v: unknown): v is string => typeof v === 'string';
