/**
 * aws_iam_role, aws_iam_role_policy, aws_iam_role_policy_attachment and aws_iam_policy as fixture roles, as the
 * CloudFormation translator makes them (../../resources/iam.ts): AWS managed policies resolve from the
 * emulator's catalogue, a customer managed policy of the document becomes an inline document of the roles it is
 * attached to (IAM evaluates them alike). A state repeats a role's policies in the role (`inline_policy`,
 * `managed_policy_arns`) and in their own resources; each is added once.
 */
import type { RoleFixture } from '../../../fixtures/schema.js';
import { attachManagedPolicy, iamArn } from '../../iam-attachments.js';
import { addEntry, type Stack } from '../../stack.js';
import { isObject, TemplateError } from '../../template-error.js';
import { attributes, sameWorld, type TerraformType } from './shared.js';

interface IamState {
  roles: Map<string, { entry: RoleFixture; inline: Set<string>; attached: Set<string> }>;
  policies: Map<string, Record<string, unknown>>;
}
const iamOf = new WeakMap<Stack, IamState>();
function stateOf(stack: Stack): IamState {
  let state = iamOf.get(stack);
  if (!state) iamOf.set(stack, (state = { roles: new Map(), policies: new Map() }));
  return state;
}

export const policy: TerraformType = {
  reads: ['name', 'path', 'policy'],
  create(resource, stack) {
    sameWorld(resource, stack);
    const a = attributes(resource);
    const arn = a.string('arn') ?? iamArn(stack, 'policy', a.string('path') ?? '/', a.required('name'));
    stateOf(stack).policies.set(arn, a.policy('policy'));
  },
};

export const role: TerraformType = {
  reads: ['name', 'path', 'assume_role_policy', 'inline_policy', 'managed_policy_arns', 'permissions_boundary', 'tags'],
  create(resource, stack) {
    sameWorld(resource, stack);
    const a = attributes(resource);
    const name = a.required('name');
    const arn = a.string('arn') ?? iamArn(stack, 'role', a.string('path') ?? '/', name);
    const entry: RoleFixture = { arn, policies: [] };
    if (resource.values.assume_role_policy !== undefined) entry.trustPolicy = a.policy('assume_role_policy');
    const record = { entry, inline: new Set<string>(), attached: new Set<string>() };
    const inline = resource.values.inline_policy ?? [];
    if (!Array.isArray(inline)) throw new TemplateError(a.at('inline_policy'), 'must be a list of { name, policy }');
    inline.forEach((p, i) => {
      // The provider reads back `[{ name = "", policy = "" }]` for a role without inline policies.
      if (!isObject(p) || p.policy === '' || p.policy === undefined) return;
      entry.policies!.push(a.policy(`inline_policy[${i}].policy`, p.policy));
      if (typeof p.name === 'string') record.inline.add(p.name);
    });
    const managed = resource.values.managed_policy_arns ?? [];
    if (!Array.isArray(managed)) throw new TemplateError(a.at('managed_policy_arns'), 'must be a list of policy ARNs');
    managed.forEach((policyArn, i) => attach(record, policyArn, stack, a.at(`managed_policy_arns[${i}]`)));
    const boundary = a.string('permissions_boundary');
    if (boundary !== undefined) {
      const own = stateOf(stack).policies.get(boundary);
      if (!own) throw new TemplateError(a.at('permissions_boundary'), `${boundary} is not an aws_iam_policy of this document`);
      entry.permissionsBoundary = own;
    }
    const tags = a.tags();
    if (tags) entry.tags = tags;
    addEntry(stack, 'roles', entry, resource.address);
    stateOf(stack).roles.set(name, record);
  },
};

export const rolePolicy: TerraformType = {
  reads: ['role', 'name', 'policy'],
  create(resource, stack) {
    const a = attributes(resource);
    const record = roleNamed(stack, a.required('role'), a.at('role'));
    const name = a.string('name');
    if (name !== undefined && record.inline.has(name)) return;
    record.entry.policies!.push(a.policy('policy'));
    if (name !== undefined) record.inline.add(name);
  },
};

export const rolePolicyAttachment: TerraformType = {
  reads: ['role', 'policy_arn'],
  create(resource, stack) {
    const a = attributes(resource);
    const record = roleNamed(stack, a.required('role'), a.at('role'));
    attach(record, a.required('policy_arn'), stack, a.at('policy_arn'));
  },
};

function roleNamed(stack: Stack, name: string, path: string) {
  // A role's ARN is accepted too: `role = aws_iam_role.x.id` is its name, but the name is what the provider takes.
  const found = stateOf(stack).roles.get(name.slice(name.lastIndexOf('/') + 1));
  if (!found) throw new TemplateError(path, `${name} is not an aws_iam_role of this document`);
  return found;
}

function attach(record: { entry: RoleFixture; attached: Set<string> }, policyArn: unknown, stack: Stack, path: string): void {
  if (typeof policyArn !== 'string') throw new TemplateError(path, 'must be a policy ARN');
  if (record.attached.has(policyArn)) return;
  record.attached.add(policyArn);
  attachManagedPolicy(stack, record.entry, policyArn, stateOf(stack).policies.get(policyArn), path, 'an aws_iam_policy of this document');
}
