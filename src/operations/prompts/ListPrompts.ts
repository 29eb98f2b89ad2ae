import type { ListPromptsInput } from '../../generated/types.js';
import { paginate } from '../../protocol/pagination.js';
import type { OperationContext } from '../context.js';
import { findPrompt, promptSummary } from './prompt-lookup.js';

/** Without an identifier: every prompt's draft; with one: that prompt's draft and versions. */
export function ListPrompts(ctx: OperationContext, input: ListPromptsInput) {
  const all = input.promptIdentifier
    ? (() => {
        const { prompt } = findPrompt(ctx, input.promptIdentifier);
        return [prompt.draft, ...Object.values(prompt.versions)].map((v) => promptSummary(ctx, prompt, v));
      })()
    : [...ctx.world.prompts.values()].map((p) => promptSummary(ctx, p, p.draft));
  const page = paginate(all, input.maxResults, input.nextToken);
  return { promptSummaries: page.items, nextToken: page.nextToken };
}
