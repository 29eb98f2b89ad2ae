import type { GetPromptInput } from '../../generated/types.js';
import type { OperationContext } from '../context.js';
import { findPrompt, promptResponse, versionOf } from './prompt-lookup.js';

export function GetPrompt(ctx: OperationContext, input: GetPromptInput) {
  const ref = findPrompt(ctx, input.promptIdentifier, input.promptVersion);
  return promptResponse(ctx, ref.prompt, versionOf(ref));
}
