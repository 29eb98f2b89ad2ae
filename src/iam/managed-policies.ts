/**
 * AWS managed policies (current default versions, src/iam/generated/managed-policies.ts), looked up by name
 * (`AmazonBedrockFullAccess`), path and name (`service-role/AWSLambdaRole`) or ARN
 * (`arn:aws:iam::aws:policy/service-role/AWSLambdaRole`). Each is compiled on its first lookup.
 */
import { compilePolicy, type CompiledPolicy } from './compile.js';
import { nearest } from './edit-distance.js';
import { MANAGED_POLICIES } from './generated/managed-policies.js';
import { parsePolicyDocument } from './policy-document.js';

const compiled = new Map<string, CompiledPolicy>();
const ARN_PREFIX = /^arn:aws:iam::aws:policy\//;

export function managedPolicyNames(): readonly string[] {
  return Object.keys(MANAGED_POLICIES);
}

export function managedPolicyByNameOrArn(nameOrArn: string): CompiledPolicy | undefined {
  const path = nameOrArn.replace(ARN_PREFIX, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  const entry = Object.hasOwn(MANAGED_POLICIES, name) ? MANAGED_POLICIES[name] : undefined;
  // A bare name finds the policy whatever its path; a path or an ARN must be the policy's own.
  const bareName = path === name && !ARN_PREFIX.test(nameOrArn);
  const pathMatches = bareName || entry?.arn === `arn:aws:iam::aws:policy/${path}`;
  if (!entry || !pathMatches) return undefined;
  let policy = compiled.get(name);
  if (!policy) {
    policy = compilePolicy(parsePolicyDocument(entry.document, 'identity'), entry.arn, 'identity');
    compiled.set(name, policy);
  }
  return policy;
}

/**
 * For a name no managed policy has: the one it is most likely a typo of, spelled the way it was asked for (a bare
 * name, or the policy's ARN when an ARN or path was given, since a path must be the policy's own).
 */
export function nearestManagedPolicy(nameOrArn: string): string | undefined {
  const path = nameOrArn.replace(ARN_PREFIX, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  const match = Object.hasOwn(MANAGED_POLICIES, name) ? name : (nearest(name, managedPolicyNames()) ?? onlyExtensionOf(name));
  if (!match) return undefined;
  return path === nameOrArn && path === name ? match : MANAGED_POLICIES[match]!.arn;
}

/** A cut-off name (`AmazonBedrockFul`) is too far from the full one for edit distance, but begins only one policy. */
function onlyExtensionOf(name: string): string | undefined {
  if (name.length < 6) return undefined;
  const prefix = name.toLowerCase();
  const extensions = managedPolicyNames().filter((candidate) => candidate.toLowerCase().startsWith(prefix));
  return extensions.length === 1 ? extensions[0] : undefined;
}
