/**
 * Terraform's AWS provider writes the Bedrock API's structures as nested blocks with snake_case names, and every
 * block is a list in `terraform show -json`, even one that can appear once (`definition: [{ node: [...] }]`).
 * The API has camelCase members, single objects for those blocks and plural names for repeatable ones
 * (`definition: { nodes: [...] }`). The block names are the provider's (website/docs/r/bedrockagent_flow and
 * bedrockagent_prompt in hashicorp/terraform-provider-aws).
 */
import { isObject } from '../template-error.js';

/** Repeatable blocks and the API member each list becomes. */
const LISTS: Record<string, string> = {
  node: 'nodes',
  connection: 'connections',
  input: 'inputs',
  output: 'outputs',
  condition: 'conditions',
  input_variable: 'inputVariables',
  variant: 'variants',
  message: 'messages',
  content: 'content',
  system: 'system',
  metadata: 'metadata',
  tool: 'tools',
};

/**
 * Under these blocks the names above are single blocks: a node's `configuration { input {} }` is the Input node's
 * configuration, a `tool_choice { tool { name } }` names one tool.
 */
const SINGLE_INSIDE = new Set(['configuration', 'tool_choice']);

/** Attributes holding a JSON document as a string (jsontypes.Normalized in the provider). */
const JSON_STRINGS = new Set(['additional_model_request_fields', 'json']);

export const camelCase = (name: string): string => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * Terraform values → the API's shape. Nulls and empty lists (blocks not given) are left out. A JSON string that
 * does not parse is kept as written, so the API's validation reports it at its path.
 */
export function apiShape(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => apiShape(item, key));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(value)) {
    if (member === null || (Array.isArray(member) && member.length === 0)) continue;
    if (JSON_STRINGS.has(name) && typeof member === 'string') {
      out[camelCase(name)] = parseOr(member);
      continue;
    }
    const blocks = Array.isArray(member) && member.every(isObject);
    if (blocks && LISTS[name] && !SINGLE_INSIDE.has(key)) out[LISTS[name]] = apiShape(member, name);
    else if (blocks) out[camelCase(name)] = apiShape(member[0], name);
    else out[camelCase(name)] = apiShape(member, name);
  }
  return out;
}

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Fixture members (src/fixtures/schema.ts) that the Terraform resource holds under another attribute name. */
const FIXTURE_MEMBERS: Record<string, string> = {
  flowId: 'id',
  promptId: 'id',
  managedPolicies: 'managed_policy_arns',
  timeoutMs: 'timeout',
};

const POLICY_TEXT: Record<string, string> = {
  trustPolicy: 'assume_role_policy',
  policies: 'inline_policy',
  permissionsBoundary: 'permissions_boundary',
};

const PLURALS = new Map(Object.entries(LISTS).map(([block, member]) => [member, block]));

/**
 * A path in the API's shape (`.definition.nodes[1].configuration.prompt`) as the Terraform attribute path it came
 * from (`.definition[0].node[1].configuration[0].prompt`), for errors. A member followed by more members was a
 * single block, so it gets `[0]`.
 */
export function terraformPath(apiPath: string): string {
  const parts = [...apiPath.matchAll(/\.(\w+)((?:\[\d+\])?)/g)];
  // Policies are JSON text in Terraform: a path inside one names the attribute only.
  const text = POLICY_TEXT[parts[0]?.[1] ?? ''];
  if (text) return `.${text}`;
  return parts
    .map(([, member, index], i) => {
      const block =
        i === 0 && Object.hasOwn(FIXTURE_MEMBERS, member!)
          ? FIXTURE_MEMBERS[member!]
          : index
            ? (PLURALS.get(member!) ?? snakeCase(member!))
            : snakeCase(member!);
      const single = !index && i < parts.length - 1 ? '[0]' : '';
      return `.${block}${index}${single}`;
    })
    .join('');
}

const snakeCase = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
