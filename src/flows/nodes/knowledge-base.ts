/**
 * KnowledgeBase: without a model, Retrieve (bedrock:Retrieve): the best documents for `retrievalQuery` as
 * `retrievalResults`; with `modelId`, RetrieveAndGenerate (bedrock:RetrieveAndGenerate, and bedrock:InvokeModel
 * on the model): the model rules (or a model backend, docs/models.md) answer a prompt holding the query and the
 * retrieved texts, as `outputText`.
 */
import { notFound } from '../../protocol/errors.js';
import { scopedKey, type KnowledgeBaseDocuments } from '../../world/universe.js';
import { generationPrompt, retrieve } from '../../fakes/knowledge-base.js';
import type { KnowledgeBaseFlowNodeConfiguration } from '../definition.js';
import { configurationOf, outputs, type NodeRunner } from '../executor/runner.js';
import { callModel } from './model-call.js';
import { knowledgeBaseCalls } from './role-requirements.js';

const DEFAULT_RESULTS = 5;
const NO_DOCUMENTS: KnowledgeBaseDocuments = [];

export const knowledgeBase: NodeRunner<KnowledgeBaseFlowNodeConfiguration> = {
  compile: (node) => configurationOf(node, 'knowledgeBase'),
  run(ctx, inputs) {
    const { knowledgeBaseId, modelId, numberOfResults = DEFAULT_RESULTS, promptTemplate } = ctx.node.compiled;
    const { world, universe } = ctx.env;
    for (const call of knowledgeBaseCalls(ctx.node.compiled, world)) ctx.authorize(call.action, call.resource);
    if (!world.knowledgeBases.has(knowledgeBaseId)) throw notFound();
    // A knowledge base made through the API has no fixture documents: it finds nothing.
    const documents = universe.knowledgeBaseDocuments.get(scopedKey(world.account, world.region, knowledgeBaseId)) ?? NO_DOCUMENTS;
    const query = inputs.retrievalQuery as string;
    const results = retrieve(documents, query, numberOfResults);
    // No action trace, with a model or without: the model names Prompt, Agent and Lambda nodes as the ones that
    // emit them (docs/behaviour.md#traces); the run shows in the node's input and output traces.
    const retrievalConfiguration = { vectorSearchConfiguration: { numberOfResults } };
    if (!modelId) {
      ctx.record(() => ({
        serviceName: 'bedrock',
        operationName: 'Retrieve',
        operationRequest: { knowledgeBaseId, retrievalQuery: { text: query }, retrievalConfiguration },
        operationResponse: { retrievalResults: results },
      }));
      return outputs({ retrievalResults: results });
    }
    const prompt = generationPrompt(query, results, promptTemplate?.textPromptTemplate);
    const call = {
      modelId,
      prompt,
      messages: [{ role: 'user' as const, content: [{ text: prompt }] }],
      system: [],
      inference: ctx.node.compiled.inferenceConfiguration?.text,
    };
    // Rules answer synchronously; only a backend makes the node wait.
    const answer = callModel(ctx, call, inputs);
    const answered = (outputText: string) => {
      ctx.record(() => ({
        serviceName: 'bedrock',
        operationName: 'RetrieveAndGenerate',
        operationRequest: {
          input: { text: query },
          retrieveAndGenerateConfiguration: {
            type: 'KNOWLEDGE_BASE',
            knowledgeBaseConfiguration: { knowledgeBaseId, modelId, retrievalConfiguration },
          },
        },
        operationResponse: { output: { text: outputText }, citations: [{ retrievedReferences: results }] },
      }));
      return outputs({ outputText });
    };
    return answer instanceof Promise ? answer.then((a) => answered(a.text)) : answered(answer.text);
  },
};
