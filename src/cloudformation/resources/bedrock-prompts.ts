/** AWS::Bedrock::Prompt and PromptVersion (docs: aws-resource-bedrock-prompt.html) as fixture prompt entries. */
import type { PromptFixture } from '../../fixtures/schema.js';
import { promptArn } from '../../world/arns.js';
import { camelCaseMembers } from '../camel-case.js';
import { addEntry, type Created, physicalId, properties, scopeOf, type Stack, tagMap } from '../stack.js';
import { TemplateError } from '../template-error.js';

const promptsOf = new WeakMap<Stack, Map<string, { entry: PromptFixture; id: string }>>();

export function prompt(props: Record<string, unknown>, logicalId: string, stack: Stack, path: string): Created {
  const p = properties(props, path);
  const id = physicalId(stack, logicalId);
  const entry: PromptFixture = { promptId: id, name: p.required('Name'), versions: 0 };
  const description = p.string('Description');
  if (description !== undefined) entry.description = description;
  const defaultVariant = p.string('DefaultVariant');
  if (defaultVariant !== undefined) entry.defaultVariant = defaultVariant;
  const key = p.string('CustomerEncryptionKeyArn');
  if (key !== undefined) entry.customerEncryptionKeyArn = key;
  if (props.Variants !== undefined) entry.variants = camelCaseMembers(props.Variants) as unknown[];
  const tags = tagMap(props.Tags, p.at('Tags'));
  if (tags) entry.tags = tags;
  addEntry(stack, 'prompts', entry, path);
  const arn = promptArn(scopeOf(stack), id);
  const byArn = promptsOf.get(stack) ?? new Map();
  promptsOf.set(stack, byArn.set(arn, { entry, id }));
  return { ref: arn, attributes: { Arn: arn, Id: id, Version: 'DRAFT', Name: entry.name } };
}

/**
 * A version snapshots the draft. Fixtures count a prompt's versions (docs/fixtures.md), so a PromptVersion's own
 * Description is not kept.
 */
export function promptVersion(props: Record<string, unknown>, _logicalId: string, stack: Stack, path: string): Created {
  const p = properties(props, path);
  const named = p.required('PromptArn');
  const found = promptsOf.get(stack)?.get(named) ?? [...(promptsOf.get(stack)?.values() ?? [])].find((x) => x.id === named);
  if (!found)
    throw new TemplateError(p.at('PromptArn'), `${named} is not a prompt of this template (versions of other prompts are not modelled)`);
  const number = String(((found.entry.versions as number) ?? 0) + 1);
  found.entry.versions = Number(number);
  const arn = promptArn(scopeOf(stack), found.id, number);
  return { ref: arn, attributes: { Arn: arn, PromptId: found.id, Version: number, Name: found.entry.name } };
}
