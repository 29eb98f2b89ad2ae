/**
 * `terraform show -json` output, a state or a plan (developer.hashicorp.com/terraform/internals/json-format): its
 * managed resources with their values, from `values.root_module` (state) or `planned_values.root_module` (plan)
 * and their `child_modules`. In a plan, a value known only after apply is absent from `values` and `true` in the
 * resource change's `after_unknown`; those paths are listed so that one the emulator needs is a clear error.
 */
import { isObject, TemplateError } from '../template-error.js';

export interface TerraformResource {
  /** `aws_iam_role.flow`, `module.app.aws_bedrockagent_flow.main`, `aws_s3_bucket.data["logs"]`. */
  address: string;
  type: string;
  values: Record<string, unknown>;
  /** Attribute paths whose value is unknown until apply (`execution_role_arn`, `definition[0].node[1]…`). */
  unknown: string[];
}

export interface TerraformDocument {
  kind: 'state' | 'plan';
  resources: TerraformResource[];
  /** Root module outputs with a known value. */
  outputs: Record<string, unknown>;
}

/** A document `terraform show -json` wrote: `format_version` and the values of a state or a plan. */
export function isTerraformDocument(doc: unknown): doc is Record<string, unknown> {
  return isObject(doc) && typeof doc.format_version === 'string' && (isObject(doc.values) || isObject(doc.planned_values));
}

export function readTerraformDocument(doc: Record<string, unknown>): TerraformDocument {
  const kind = isObject(doc.planned_values) ? 'plan' : 'state';
  const top = kind === 'plan' ? 'planned_values' : 'values';
  const values = doc[top] as Record<string, unknown>;
  const unknownByAddress = kind === 'plan' ? unknownPaths(doc.resource_changes) : new Map<string, string[]>();
  const resources: TerraformResource[] = [];
  // Modules nest (child_modules of child_modules); walked without recursion, in the document's order.
  const modules: [unknown, string][] = [[values.root_module, `${top}.root_module`]];
  while (modules.length > 0) {
    const [module, path] = modules.shift()!;
    if (module === undefined) continue;
    if (!isObject(module)) throw new TemplateError(path, 'a module is an object with resources and child_modules');
    list(module.resources, `${path}.resources`).forEach((r, i) => {
      const at = `${path}.resources[${i}]`;
      if (!isObject(r) || typeof r.address !== 'string' || typeof r.type !== 'string') {
        throw new TemplateError(at, 'a resource needs an address and a type');
      }
      // Data sources (data.aws_iam_policy_document…) create nothing; what they computed is already in the values.
      if (r.mode === 'data') return;
      const attributes = r.values === undefined ? {} : r.values;
      if (!isObject(attributes)) throw new TemplateError(`${r.address}.values`, 'must be an object');
      resources.push({ address: r.address, type: r.type, values: attributes, unknown: unknownByAddress.get(r.address) ?? [] });
    });
    list(module.child_modules, `${path}.child_modules`).forEach((child, i) => {
      modules.push([child, `${path}.child_modules[${i}]`]);
    });
  }
  const outputs: Record<string, unknown> = {};
  if (isObject(values.outputs)) {
    for (const [name, output] of Object.entries(values.outputs)) {
      if (isObject(output) && output.value !== undefined) outputs[name] = output.value;
    }
  }
  return { kind, resources, outputs };
}

function list(value: unknown, path: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new TemplateError(path, 'must be a list');
  return value;
}

/** address → the paths `change.after_unknown` marks `true` (nested like the values: `definition[0].node[1].name`). */
function unknownPaths(changes: unknown): Map<string, string[]> {
  const byAddress = new Map<string, string[]>();
  if (!Array.isArray(changes)) return byAddress;
  for (const change of changes) {
    if (!isObject(change) || typeof change.address !== 'string' || !isObject(change.change)) continue;
    const paths: string[] = [];
    const pending: [unknown, string][] = [[change.change.after_unknown, '']];
    while (pending.length > 0) {
      const [node, path] = pending.pop()!;
      if (node === true) paths.push(path);
      else if (Array.isArray(node)) node.forEach((item, i) => pending.push([item, `${path}[${i}]`]));
      else if (isObject(node)) for (const [key, item] of Object.entries(node)) pending.push([item, path ? `${path}.${key}` : key]);
    }
    byAddress.set(change.address, paths.sort());
  }
  return byAddress;
}
