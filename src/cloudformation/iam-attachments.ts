/** What the CloudFormation and Terraform IAM handlers share: IAM ARNs, and attaching a managed policy to a role. */
import type { RoleFixture } from '../fixtures/schema.js';
import { managedPolicyByNameOrArn } from '../iam/managed-policies.js';
import type { Stack } from './stack.js';
import { TemplateError } from './template-error.js';

const AWS_MANAGED = /^arn:aws[a-z-]*:iam::aws:policy\//;

/** A role's or customer managed policy's ARN in the stack's account; `path` starts and ends with `/`. */
export const iamArn = (stack: Stack, kind: 'role' | 'policy', path: string, name: string): string =>
  `arn:${stack.partition}:iam::${stack.account}:${kind}${path}${name}`;

/**
 * Attaches the managed policy `policyArn` to a role: a policy of the template itself (`own`, its document) becomes
 * an inline document of the role (IAM evaluates them alike), an AWS managed policy of the emulator's catalogue is
 * kept by ARN. Anything else is an error at `at`; `ownKind` names what the template could have declared.
 */
export function attachManagedPolicy(
  stack: Stack,
  role: RoleFixture,
  policyArn: string,
  own: Record<string, unknown> | undefined,
  at: string,
  ownKind: string,
): void {
  if (own) role.policies!.push(own);
  else if (AWS_MANAGED.test(policyArn) && managedPolicyByNameOrArn(policyArn)) (role.managedPolicies ??= []).push(policyArn);
  // CDK gives every Lambda function's role AWSLambdaBasicExecutionRole (CloudWatch Logs): a policy the emulator's
  // catalogue does not hold grants nothing it checks, so it is left out rather than refusing the template.
  else if (AWS_MANAGED.test(policyArn)) stack.log(`${at}: AWS managed policy ${policyArn} is not in the emulator's catalogue; left out`);
  else throw new TemplateError(at, `${policyArn} is neither an AWS managed policy nor ${ownKind}`);
}
