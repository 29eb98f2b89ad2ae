/** What the Terraform resource handlers share: reading a resource's values, with errors at its attribute path. */
import { properties, type Stack } from '../../stack.js';
import { isObject, TemplateError } from '../../template-error.js';
import type { TerraformResource } from '../terraform-document.js';

/** A resource type the emulator models: what it adds to the fixture, and the attributes it reads. */
export interface TerraformType {
  /** Attributes the handler needs known: in a plan, one unknown until apply is an error (ids and ARNs are derived). */
  reads: readonly string[];
  create(resource: TerraformResource, stack: Stack): void;
}

export function attributes({ address, values }: TerraformResource) {
  // A CloudFormation resource's readers (`at`, `required`), but Terraform writes an unset attribute as null or "".
  const { at, required } = properties(values, address);
  return {
    at,
    required,
    string(name: string): string | undefined {
      const v = values[name];
      if (v === undefined || v === null || v === '') return undefined;
      if (typeof v !== 'string') throw new TemplateError(at(name), `must be a string, got ${JSON.stringify(v)}`);
      return v;
    },
    /** A policy document: Terraform holds it as JSON text (`jsonencode(…)` or a policy document data source). */
    policy(name: string, value: unknown = values[name]): Record<string, unknown> {
      let doc: unknown = value;
      if (typeof value === 'string') {
        try {
          doc = JSON.parse(value);
        } catch (err) {
          throw new TemplateError(at(name), `is not a JSON policy document: ${(err as Error).message}`);
        }
      }
      if (!isObject(doc)) throw new TemplateError(at(name), 'must be a policy document (a JSON object)');
      return doc;
    },
    /** Nested blocks are lists in Terraform's JSON, even a block that appears at most once. */
    blocks(name: string): unknown[] | undefined {
      const v = values[name];
      if (v === undefined || v === null) return undefined;
      if (!Array.isArray(v) || !v.every(isObject)) throw new TemplateError(at(name), 'must be a list of blocks (objects)');
      return v;
    },
    tags(): Record<string, string> | undefined {
      const v = values.tags;
      if (v === undefined || v === null) return undefined;
      if (!isObject(v)) throw new TemplateError(at('tags'), 'must be a map of strings');
      return Object.keys(v).length > 0 ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)])) : undefined;
    },
  };
}

/**
 * The state's ARN (and the provider's per-resource `region`) must name the emulator's account and region: the
 * world the document is applied to. Another account's resources would be referenced by ARNs nothing here answers.
 */
export function sameWorld(resource: TerraformResource, stack: Stack): void {
  const { arn, region } = resource.values;
  if (typeof region === 'string' && region !== '' && region !== stack.region) {
    throw new TemplateError(`${resource.address}.region`, `${region} is not the emulator's region ${stack.region}; ${HINT}`);
  }
  if (typeof arn !== 'string') return;
  const [, , , arnRegion, account] = arn.split(':');
  if (account && account !== stack.account) {
    throw new TemplateError(`${resource.address}.arn`, `account ${account} is not the emulator's account ${stack.account}; ${HINT}`);
  }
  if (arnRegion && arnRegion !== stack.region) {
    throw new TemplateError(`${resource.address}.arn`, `region ${arnRegion} is not the emulator's region ${stack.region}; ${HINT}`);
  }
}

const HINT = 'give a fixture file whose account and region are those of the Terraform state (docs/fixtures.md)';
