/**
 * A Terraform document (`terraform show -json`, state or plan) as a fixture document, the second translator next to
 * the CloudFormation one (../translate-template.ts) and deployed the same way
 * (../deploy-template.ts). Its values are already resolved, so there are no intrinsics and no
 * ordering beyond "policies, then roles, then what attaches to them": each resource goes to its type's handler.
 */
import { fixtureDocument, newStack } from '../stack.js';
import { depthExceeds } from '../../json-depth.js';
import { MAX_DEPTH, TemplateError } from '../template-error.js';
import type { Translated, TranslateOptions } from '../translate-template.js';
import type { Universe } from '../../world/universe.js';
import { APPLY_ORDER, TERRAFORM_TYPES } from './resources/index.js';
import { readTerraformDocument, type TerraformResource } from './terraform-document.js';

export function translateTerraform(doc: Record<string, unknown>, universe: Universe, options: TranslateOptions): Translated {
  if (depthExceeds(doc, MAX_DEPTH)) throw new TemplateError('$', `the document nests deeper than ${MAX_DEPTH} levels`);
  const { kind, resources, outputs } = readTerraformDocument(doc);
  const stack = newStack(universe, options);
  const modelled = resources.filter((r) => {
    if (TERRAFORM_TYPES[r.type]) return true;
    options.log(`${r.address}: skipped, ${r.type} is not modelled`);
    return false;
  });
  if (modelled.length === 0) {
    throw new TemplateError(
      `${kind === 'plan' ? 'planned_values' : 'values'}.root_module`,
      `none of its resources is of a type the emulator models (${Object.keys(TERRAFORM_TYPES).join(', ')})`,
    );
  }
  // A stable sort: within a type, the document's order.
  modelled.sort((a, b) => APPLY_ORDER.get(a.type)! - APPLY_ORDER.get(b.type)!);
  const flows: Record<string, string> = {};
  const prepare: string[] = [];
  for (const resource of modelled) {
    const type = TERRAFORM_TYPES[resource.type]!;
    refuseUnknown(resource, type.reads);
    type.create(resource, stack);
    if (resource.type !== 'aws_bedrockagent_flow') continue;
    const flowId = stack.fixture.flows.at(-1)!.flowId!;
    flows[resource.address] = flowId;
    // The provider prepares a flow only when asked (prepare_flow); a state records what happened in `status`.
    if (resource.values.status === 'Prepared' || resource.values.prepare_flow === true) prepare.push(flowId);
  }

  return {
    fixture: fixtureDocument(stack),
    stack,
    flows,
    prepare,
    outputs: () => ({ values: outputStrings(outputs), exports: {} }),
  };
}

/** A value the emulator needs but the plan knows only after apply: the first such attribute, by its path. */
function refuseUnknown(resource: TerraformResource, reads: readonly string[]): void {
  const unknown = resource.unknown.find((path) => reads.includes(/^[^.[]+/.exec(path)?.[0] ?? ''));
  if (unknown === undefined) return;
  throw new TemplateError(
    `${resource.address}.${unknown}`,
    'is known only after apply in this plan (after_unknown); load the state after `terraform apply` (`terraform show -json`), or give the value in the configuration',
  );
}

/** Output values as strings, as CloudFormation outputs are served: lists comma-separated, other values as JSON. */
function outputStrings(outputs: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(outputs).map(([name, value]) => [
      name,
      typeof value === 'string'
        ? value
        : Array.isArray(value) && value.every((v) => typeof v === 'string')
          ? value.join(',')
          : JSON.stringify(value),
    ]),
  );
}
