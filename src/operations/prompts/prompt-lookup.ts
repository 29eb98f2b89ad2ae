/** Finding prompts by ID, ARN or versioned ARN, and shaping them for responses. */
import { notFound } from '../../protocol/errors.js';
import { idFromIdentifier, promptArn } from '../../world/arns.js';
import type { PromptRecord, PromptVariantData, PromptVersionRecord } from '../../world/records.js';
import type { OperationContext } from '../context.js';

export interface PromptRef {
  prompt: PromptRecord;
  /** `DRAFT` or a version number, from the query or from the identifier's `:N` suffix. */
  version: string;
}

export function findPrompt(ctx: OperationContext, identifier: string, promptVersion?: string): PromptRef {
  const [id, arnVersion] = idFromIdentifier(identifier, ctx.world, 'prompt').split(':') as [string, string?];
  const prompt = ctx.world.prompts.get(id);
  if (!prompt) throw notFound();
  return { prompt, version: promptVersion ?? arnVersion ?? 'DRAFT' };
}

export function versionOf(ref: PromptRef): PromptVersionRecord {
  const record = ref.version === 'DRAFT' ? ref.prompt.draft : ref.prompt.versions[ref.version];
  if (!record) throw notFound();
  return record;
}

export const promptResponse = (ctx: OperationContext, prompt: PromptRecord, v: PromptVersionRecord) => ({
  name: v.name,
  description: v.description,
  customerEncryptionKeyArn: v.customerEncryptionKeyArn,
  defaultVariant: v.defaultVariant,
  variants: v.variants,
  id: prompt.id,
  arn: promptArn(ctx.world, prompt.id, v.version),
  version: v.version,
  createdAt: v.createdAt,
  updatedAt: v.updatedAt,
});

export const promptSummary = (ctx: OperationContext, prompt: PromptRecord, v: PromptVersionRecord) => ({
  name: v.name,
  description: v.description,
  id: prompt.id,
  arn: promptArn(ctx.world, prompt.id, v.version),
  version: v.version,
  createdAt: v.createdAt,
  updatedAt: v.updatedAt,
});

/** The draft a CreatePrompt or UpdatePrompt body makes (UpdatePrompt replaces the whole draft). */
export const promptDraft = (
  input: { name: string; description?: string; customerEncryptionKeyArn?: string; defaultVariant?: string; variants?: PromptVariantData[] },
  createdAt: string,
  updatedAt: string,
): PromptVersionRecord => ({
  name: input.name,
  description: input.description,
  customerEncryptionKeyArn: input.customerEncryptionKeyArn,
  defaultVariant: input.defaultVariant,
  variants: input.variants,
  version: 'DRAFT',
  createdAt,
  updatedAt,
});
