/**
 * Prompt: renders the template, inline or a prompt-management resource (its version, or the draft), with the
 * node's inputs as `{{variables}}`, and asks the model rules for the completion (a Converse call in traces).
 * Resource prompts need bedrock:RenderPrompt on the prompt; every run needs bedrock:InvokeModel on the model
 * (role-requirements.ts has the exact calls).
 */
import { notFound, validationException } from '../../protocol/errors.js';
import type { Universe } from '../../world/universe.js';
import { converse, type ConverseMessage } from '../../fakes/models.js';
import { renderTemplate } from '../../fakes/template.js';
import type {
  ChatPromptTemplateConfiguration,
  ContentBlock,
  PromptFlowNodeConfiguration,
  PromptTemplateConfiguration,
} from '../definition.js';
import { configurationOf, outputs, type NodeRunner } from '../executor/runner.js';
import { promptCalls, promptExists, promptVariant } from './role-requirements.js';

interface Template {
  modelId: string;
  templateConfiguration: PromptTemplateConfiguration;
  inferenceConfiguration?: unknown;
}

export const prompt: NodeRunner<PromptFlowNodeConfiguration> = {
  compile: (node) => configurationOf(node, 'prompt'),
  run(ctx, inputs) {
    const { sourceConfiguration } = ctx.node.compiled;
    const { world, universe } = ctx.env;
    for (const call of promptCalls(ctx.node.compiled, world, universe)) ctx.authorize(call.action, call.resource);
    const template: Template =
      'resource' in sourceConfiguration ? promptResource(universe, sourceConfiguration.resource.promptArn) : sourceConfiguration.inline;
    const { messages, system } = render(template.templateConfiguration, inputs);
    const call = { modelId: template.modelId, messages, ...(system.length ? { system } : {}) };
    const { text, response } = converse(universe.models, call, inputs);
    ctx.action({
      serviceName: 'bedrock',
      operationName: 'Converse',
      operationRequest: { ...call, inferenceConfig: inferenceOf(template), promptVariables: inputs },
      operationResponse: response,
    });
    return outputs({ modelCompletion: text });
  },
};

function promptResource(universe: Universe, promptArn: string): Template {
  if (!promptExists(universe, promptArn)) throw notFound();
  const variant = promptVariant(universe, promptArn);
  if (!variant || typeof variant.modelId !== 'string') {
    throw validationException(`Prompt ${promptArn} has no variant with a model to run.`);
  }
  return {
    modelId: variant.modelId,
    templateConfiguration: variant.templateConfiguration as PromptTemplateConfiguration,
    inferenceConfiguration: variant.inferenceConfiguration,
  };
}

function render(template: PromptTemplateConfiguration, values: Readonly<Record<string, unknown>>) {
  // Cache points carry no text: they do not reach the fake model.
  const block = (b: ContentBlock) => ('text' in b ? [{ text: renderTemplate(b.text, values) }] : []);
  if ('text' in template) {
    return {
      messages: [{ role: 'user', content: [{ text: renderTemplate(template.text.text, values) }] }] as ConverseMessage[],
      system: [],
    };
  }
  const chat: ChatPromptTemplateConfiguration = template.chat;
  return {
    messages: chat.messages.map((m) => ({ role: m.role, content: m.content.flatMap(block) })),
    system: (chat.system ?? []).flatMap(block),
  };
}

/** The `text` member of the prompt's inference configuration, as Converse's inferenceConfig. */
const inferenceOf = (template: Template) => (template.inferenceConfiguration as { text?: unknown } | undefined)?.text;
