/**
 * aws_bedrockagent_flow and aws_bedrockagent_prompt (hashicorp/terraform-provider-aws
 * website/docs/r/bedrockagent_flow.html.markdown, bedrockagent_prompt.html.markdown) as fixture flows and prompts:
 * the same CreateFlow and CreatePrompt bodies, their blocks reshaped by apiShape.
 */
import type { FlowFixture, PromptFixture } from '../../../fixtures/schema.js';
import { addEntry, physicalId, type Stack } from '../../stack.js';
import { apiShape } from '../block-names.js';
import type { TerraformResource } from '../terraform-document.js';
import { attributes, sameWorld, type TerraformType } from './shared.js';

export const flow: TerraformType = {
  reads: ['name', 'execution_role_arn', 'definition', 'description', 'customer_encryption_key_arn', 'tags', 'prepare_flow', 'region'],
  create(resource: TerraformResource, stack: Stack) {
    sameWorld(resource, stack);
    const a = attributes(resource);
    const id = a.string('id') ?? physicalId(stack, resource.address);
    const shaped = apiShape({ definition: a.blocks('definition') }) as { definition?: unknown };
    const entry: FlowFixture = { flowId: id, name: a.required('name'), executionRoleArn: a.required('execution_role_arn') };
    if (shaped.definition !== undefined) entry.definition = shaped.definition;
    const description = a.string('description');
    if (description !== undefined) entry.description = description;
    const key = a.string('customer_encryption_key_arn');
    if (key !== undefined) entry.customerEncryptionKeyArn = key;
    const tags = a.tags();
    if (tags) entry.tags = tags;
    addEntry(stack, 'flows', entry, resource.address);
  },
};

export const prompt: TerraformType = {
  reads: ['name', 'description', 'default_variant', 'customer_encryption_key_arn', 'variant', 'tags', 'region'],
  create(resource: TerraformResource, stack: Stack) {
    sameWorld(resource, stack);
    const a = attributes(resource);
    const entry: PromptFixture = { promptId: a.string('id') ?? physicalId(stack, resource.address), name: a.required('name'), versions: 0 };
    const description = a.string('description');
    if (description !== undefined) entry.description = description;
    const defaultVariant = a.string('default_variant');
    if (defaultVariant !== undefined) entry.defaultVariant = defaultVariant;
    const key = a.string('customer_encryption_key_arn');
    if (key !== undefined) entry.customerEncryptionKeyArn = key;
    const shaped = apiShape({ variant: a.blocks('variant') }) as { variants?: unknown[] };
    if (shaped.variants !== undefined) entry.variants = shaped.variants;
    const tags = a.tags();
    if (tags) entry.tags = tags;
    addEntry(stack, 'prompts', entry, resource.address);
  },
};
