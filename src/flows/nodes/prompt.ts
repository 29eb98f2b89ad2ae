/**
 * Prompt: renders the template, inline or a prompt-management resource (its version, or the draft), with the
 * node's inputs as `{{variables}}`, and asks the model rules, or a model backend (docs/models.md), for the completion
 * (a Converse call in traces).
 * Resource prompts need bedrock:RenderPrompt on the prompt; every run needs bedrock:InvokeModel on the model
 * (role-requirements.ts has the exact calls).
 */
import { notFound, validationException } from '../../protocol/errors.js';
import type { Universe } from '../../world/universe.js';
import { promptText, type ConverseMessage, type ModelAnswer } from '../../fakes/models.js';
import { renderTemplate, templateValue } from '../../fakes/template.js';
import type {
  ChatPromptTemplateConfiguration,
  ContentBlock,
  PromptFlowNodeConfiguration,
  PromptTemplateConfiguration,
} from '../definition.js';
import { configurationOf, outputs, type NodeRunner } from '../executor/runner.js';
import { converseRequest, converseResponse } from './converse-trace.js';
import { callModel } from './model-call.js';
import { defaultVariant, promptCalls, promptSnapshot } from './role-requirements.js';

interface Template {
  modelId: string;
  templateConfiguration: PromptTemplateConfiguration;
  inferenceConfiguration?: unknown;
  /** A prompt-management prompt: Converse gets its variables (an inline one reaches the model rendered). */
  managed: boolean;
}

export const prompt: NodeRunner<PromptFlowNodeConfiguration> = {
  compile: (node) => configurationOf(node, 'prompt'),
  run(ctx, inputs) {
    const { sourceConfiguration } = ctx.node.compiled;
    const { world, universe, performanceConfig } = ctx.env;
    for (const call of promptCalls(ctx.node.compiled, world, universe)) ctx.authorize(call.action, call.resource);
    const template: Template =
      'resource' in sourceConfiguration
        ? promptResource(universe, sourceConfiguration.resource.promptArn)
        : { ...sourceConfiguration.inline, managed: false };
    const { messages, system } = render(template.templateConfiguration, inputs);
    const inference = inferenceOf(template);
    const call = { modelId: template.modelId, messages, system, inference };
    const answered = (answer: ModelAnswer) => {
      ctx.action((requestId) => {
        const traced = {
          requestId,
          modelId: template.modelId,
          messages,
          system,
          inference,
          promptVariables: template.managed ? promptVariables(inputs) : {},
          completion: answer.text,
          usage: answer.usage,
          stopReason: answer.stopReason,
          latencyMs: answer.latencyMs,
          performanceConfig,
        };
        return {
          serviceName: 'bedrock',
          operationName: 'Converse',
          requestId: traced.requestId,
          operationRequest: converseRequest(traced),
          operationResponse: converseResponse(traced),
        };
      });
      return outputs({ modelCompletion: answer.text });
    };
    // Rules answer synchronously; only a backend makes the node wait.
    const answer = callModel(ctx, { ...call, prompt: promptText(call) }, inputs);
    return answer instanceof Promise ? answer.then(answered) : answered(answer);
  },
};

function promptResource(universe: Universe, promptArn: string): Template {
  const snapshot = promptSnapshot(universe, promptArn);
  if (!snapshot) throw notFound();
  const variant = defaultVariant(snapshot);
  if (!variant || typeof variant.modelId !== 'string') {
    throw validationException(`Prompt ${promptArn} has no variant with a model to run.`);
  }
  return {
    modelId: variant.modelId,
    templateConfiguration: variant.templateConfiguration as PromptTemplateConfiguration,
    inferenceConfiguration: variant.inferenceConfiguration,
    managed: true,
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

/** Converse's promptVariables (PromptVariableValues: `{ text }`), the node inputs rendered as in the template. */
function promptVariables(inputs: Readonly<Record<string, unknown>>): Record<string, { text: string }> {
  const variables: Record<string, { text: string }> = {};
  for (const [name, value] of Object.entries(inputs)) variables[name] = { text: templateValue(value) };
  return variables;
}

/** The `text` member of the prompt's inference configuration, as Converse's inferenceConfig. */
const inferenceOf = (template: Template) => (template.inferenceConfiguration as { text?: unknown } | undefined)?.text;
