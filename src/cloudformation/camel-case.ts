/**
 * CloudFormation writes the Bedrock API's structures with PascalCase members (`Nodes[].Configuration.Prompt…`);
 * the API's are camelCase. Members that hold free-form JSON documents keep their keys as written.
 */
import { isObject } from './template-error.js';

/** Members of type Document in the Bedrock Agent API model: their contents are the model's own, not API shapes. */
const DOCUMENTS = new Set(['AdditionalModelRequestFields', 'additionalModelRequestFields']);

export function camelCaseMembers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelCaseMembers);
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    const name = key.charAt(0).toLowerCase() + key.slice(1);
    out[name] = DOCUMENTS.has(key) ? member : camelCaseMembers(member);
  }
  return out;
}

/** A definition written with PascalCase members (Nodes, Connections) rather than the API's (nodes, connections). */
export const isPascalCase = (definition: unknown): boolean =>
  isObject(definition) && ('Nodes' in definition || 'Connections' in definition);
