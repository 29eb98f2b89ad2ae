/** The Terraform resource types a document may create here, in the order they are applied (policies before roles). */
import { flow, prompt } from './bedrock.js';
import { policy, role, rolePolicy, rolePolicyAttachment } from './iam.js';
import { bucket, lambdaFunction } from './lambda-s3.js';
import type { TerraformType } from './shared.js';

export const TERRAFORM_TYPES: Readonly<Record<string, TerraformType>> = {
  aws_iam_policy: policy,
  aws_iam_role: role,
  aws_iam_role_policy: rolePolicy,
  aws_iam_role_policy_attachment: rolePolicyAttachment,
  aws_s3_bucket: bucket,
  aws_lambda_function: lambdaFunction,
  aws_bedrockagent_prompt: prompt,
  aws_bedrockagent_flow: flow,
};

/** Position of each type in TERRAFORM_TYPES: a role's policies exist before it, its attachments after it. */
export const APPLY_ORDER = new Map(Object.keys(TERRAFORM_TYPES).map((type, i) => [type, i]));
