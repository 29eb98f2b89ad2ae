import type { OperationContext } from '../context.js';
import { findPrompt, promptResponse, versionOf } from './prompt-lookup.js';

export function GetPrompt(ctx: OperationContext, input: { promptIdentifier: string; promptVersion?: string }) {
  const ref = findPrompt(ctx, input.promptIdentifier, input.promptVersion);
  return promptResponse(ctx, ref.prompt, versionOf(ref));
}
