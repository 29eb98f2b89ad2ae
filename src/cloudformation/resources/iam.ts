/**
 * AWS::IAM::Role, Policy and ManagedPolicy (docs: aws-resource-iam-role.html and siblings) as fixture roles.
 * AWS managed policies resolve as in fixtures (by ARN); a customer managed policy of the template, attached by
 * ARN or through its Roles, and an AWS::IAM::Policy become inline documents of the role: IAM evaluates them alike.
 */
import type { RoleFixture } from '../../fixtures/schema.js';
import { attachManagedPolicy, iamArn } from '../iam-attachments.js';
import { addEntry, type Created, physicalId, physicalName, properties, type Stack, tagMap } from '../stack.js';
import { isObject, TemplateError } from '../template-error.js';

interface IamState {
  rolesByName: Map<string, RoleFixture>;
  managedByArn: Map<string, Record<string, unknown>>;
}
const iamOf = new WeakMap<Stack, IamState>();
const stateOf = (stack: Stack): IamState => {
  let state = iamOf.get(stack);
  if (!state) iamOf.set(stack, (state = { rolesByName: new Map(), managedByArn: new Map() }));
  return state;
};

function document(value: unknown, path: string): Record<string, unknown> {
  if (!isObject(value)) throw new TemplateError(path, 'must be a policy document (an object)');
  return value;
}

export function role(props: Record<string, unknown>, logicalId: string, stack: Stack, path: string): Created {
  const p = properties(props, path);
  const name = p.string('RoleName') ?? physicalName(stack, logicalId, 64);
  const rolePath = p.string('Path') ?? '/';
  const arn = iamArn(stack, 'role', rolePath, name);
  const entry: RoleFixture = { arn, policies: [] };
  if (props.AssumeRolePolicyDocument !== undefined)
    entry.trustPolicy = document(props.AssumeRolePolicyDocument, p.at('AssumeRolePolicyDocument'));
  const inline = props.Policies ?? [];
  if (!Array.isArray(inline)) throw new TemplateError(p.at('Policies'), 'must be a list of { PolicyName, PolicyDocument }');
  inline.forEach((policy, i) => {
    entry.policies!.push(document(isObject(policy) ? policy.PolicyDocument : undefined, `${p.at('Policies')}[${i}].PolicyDocument`));
  });
  const managed = props.ManagedPolicyArns ?? [];
  if (!Array.isArray(managed)) throw new TemplateError(p.at('ManagedPolicyArns'), 'must be a list of policy ARNs');
  const { managedByArn, rolesByName } = stateOf(stack);
  managed.forEach((policyArn, i) => {
    const at = `${p.at('ManagedPolicyArns')}[${i}]`;
    if (typeof policyArn !== 'string') throw new TemplateError(at, 'must be a policy ARN');
    attachManagedPolicy(stack, entry, policyArn, managedByArn.get(policyArn), at, 'an AWS::IAM::ManagedPolicy of this template');
  });
  const boundary = p.string('PermissionsBoundary');
  if (boundary !== undefined) {
    const own = managedByArn.get(boundary);
    if (!own) throw new TemplateError(p.at('PermissionsBoundary'), `${boundary} is not an AWS::IAM::ManagedPolicy of this template`);
    entry.permissionsBoundary = own;
  }
  const tags = tagMap(props.Tags, p.at('Tags'));
  if (tags) entry.tags = tags;
  addEntry(stack, 'roles', entry, path);
  rolesByName.set(name, entry);
  return { ref: name, attributes: { Arn: arn, RoleId: `AROA${physicalId(stack, logicalId)}` } };
}

/** The roles (by name, as `Roles` lists them) a policy attaches to; they must be roles of this template. */
function attach(props: Record<string, unknown>, policy: Record<string, unknown>, stack: Stack, path: string): void {
  const roles = props.Roles ?? [];
  if (!Array.isArray(roles)) throw new TemplateError(`${path}.Roles`, 'must be a list of role names');
  roles.forEach((name, i) => {
    const found = typeof name === 'string' ? stateOf(stack).rolesByName.get(name) : undefined;
    if (!found) throw new TemplateError(`${path}.Roles[${i}]`, `${String(name)} is not an AWS::IAM::Role of this template`);
    found.policies!.push(policy);
  });
  for (const member of ['Users', 'Groups']) {
    if (props[member] !== undefined) stack.log(`${path}.${member}: IAM users and groups are not modelled; ignored`);
  }
}

export function policy(props: Record<string, unknown>, logicalId: string, stack: Stack, path: string): Created {
  const doc = document(props.PolicyDocument, `${path}.PolicyDocument`);
  attach(props, doc, stack, path);
  const id = physicalName(stack, logicalId, 128);
  return { ref: id, attributes: { Id: id } };
}

export function managedPolicy(props: Record<string, unknown>, logicalId: string, stack: Stack, path: string): Created {
  const p = properties(props, path);
  const doc = document(props.PolicyDocument, p.at('PolicyDocument'));
  const name = p.string('ManagedPolicyName') ?? physicalName(stack, logicalId, 128);
  const arn = iamArn(stack, 'policy', p.string('Path') ?? '/', name);
  stateOf(stack).managedByArn.set(arn, doc);
  attach(props, doc, stack, path);
  return { ref: arn, attributes: { PolicyArn: arn } };
}
