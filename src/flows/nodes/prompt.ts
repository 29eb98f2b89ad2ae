/**
 * Prompt: renders the template, inline or a prompt-management resource (its version, or the draft), with the
 * node's inputs as `{{variables}}`, and asks the model rules for the completion (a Converse call in traces).
 * Resource prompts need bedrock:RenderPrompt on the prompt; every run needs bedrock:InvokeModel on the model.
 */
import { notFound, validationException } from '../../protocol/errors.js';
import { parseArn } from '../../world/arns.js';
import type { PromptVariantData } from '../../world/records.js';
import { worldOf, type Universe } from '../../world/universe.js';
import { converse, modelArn, type ConverseMessage } from '../../fakes/models.js';
import { renderTemplate } from '../../fakes/template.js';
import type {
  ChatPromptTemplateConfiguration,
  ContentBlock,
  PromptFlowNodeConfiguration,
  PromptTemplateConfiguration,
} from '../definition.js';
import { configurationOf, outputs, type NodeRunner } from '../executor/runner.js';

interface Template {
  modelId: string;
  templateConfiguration: PromptTemplateConfiguration;
  inferenceConfiguration?: unknown;
}

export const prompt: NodeRunner<PromptFlowNodeConfiguration> = {
  compile: (node) => configurationOf(node, 'prompt'),
  run(ctx, inputs) {
    const { sourceConfiguration } = ctx.node.compiled;
    const { world, universe, performanceConfig } = ctx.env;
    let template: Template;
    if ('resource' in sourceConfiguration) {
      const { promptArn } = sourceConfiguration.resource;
      ctx.authorize('bedrock:RenderPrompt', promptArn);
      template = promptResource(universe, promptArn);
    } else {
      template = sourceConfiguration.inline;
    }
    ctx.authorize('bedrock:InvokeModel', modelArn(world.region, template.modelId));
    const { messages, system } = render(template.templateConfiguration, inputs);
    const call = { modelId: template.modelId, messages, ...(system.length ? { system } : {}) };
    const { text, response } = converse(universe.models, call, inputs);
    ctx.action({
      serviceName: 'bedrock',
      operationName: 'Converse',
      operationRequest: {
        ...call,
        inferenceConfig: inferenceOf(template),
        promptVariables: inputs,
        // InvokeFlow's modelPerformanceConfiguration is "the performance configuration for a model called with InvokeFlow".
        ...(performanceConfig ? { performanceConfig } : {}),
      },
      operationResponse: response,
    });
    return outputs({ modelCompletion: text });
  },
};

/** The version the ARN names (`:N`), else the draft; its default variant, else its first. */
function promptResource(universe: Universe, promptArn: string): Template {
  const arn = parseArn(promptArn);
  const [id, version] = (arn?.resource.replace(/^prompt\//, '') ?? '').split(':') as [string, string?];
  const record = arn ? worldOf(universe, arn.account, arn.region).prompts.get(id) : undefined;
  const snapshot = version ? record?.versions[version] : record?.draft;
  if (!snapshot) throw notFound();
  const variant: PromptVariantData | undefined =
    snapshot.variants?.find((v) => v.name === snapshot.defaultVariant) ?? snapshot.variants?.[0];
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
