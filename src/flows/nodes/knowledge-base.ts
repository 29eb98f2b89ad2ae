/**
 * KnowledgeBase: without a model, Retrieve (bedrock:Retrieve): the best documents for `retrievalQuery` as
 * `retrievalResults`; with `modelId`, RetrieveAndGenerate (bedrock:RetrieveAndGenerate, and bedrock:InvokeModel
 * on the model): the model rules answer a prompt holding the query and the retrieved texts, as `outputText`.
 */
import { notFound } from '../../protocol/errors.js';
import { scopedKey, type KnowledgeBaseDocuments } from '../../world/universe.js';
import { generationPrompt, retrieve } from '../../fakes/knowledge-base.js';
import { complete, modelArn } from '../../fakes/models.js';
import type { KnowledgeBaseFlowNodeConfiguration } from '../definition.js';
import { configurationOf, outputs, type NodeRunner } from '../executor/runner.js';
import { knowledgeBaseCalls } from './role-requirements.js';

const DEFAULT_RESULTS = 5;
const NO_DOCUMENTS: KnowledgeBaseDocuments = [];

export const knowledgeBase: NodeRunner<KnowledgeBaseFlowNodeConfiguration> = {
  compile: (node) => configurationOf(node, 'knowledgeBase'),
  run(ctx, inputs) {
    const { knowledgeBaseId, modelId, numberOfResults = DEFAULT_RESULTS, promptTemplate } = ctx.node.compiled;
    const { world, universe } = ctx.env;
    for (const call of knowledgeBaseCalls(ctx.node.compiled, world)) ctx.authorize(call.action, call.resource);
    const model = modelId ? modelArn(world.region, modelId) : undefined;
    if (!world.knowledgeBases.has(knowledgeBaseId)) throw notFound();
    // A knowledge base made through the API has no fixture documents: it finds nothing.
    const documents = universe.knowledgeBaseDocuments.get(scopedKey(world.account, world.region, knowledgeBaseId)) ?? NO_DOCUMENTS;
    const query = inputs.retrievalQuery as string;
    const vectorSearchConfiguration = { numberOfResults };
    const results = retrieve(documents, query, numberOfResults);
    if (!modelId) {
      ctx.action({
        serviceName: 'bedrock',
        operationName: 'Retrieve',
        operationRequest: { knowledgeBaseId, retrievalQuery: { text: query }, retrievalConfiguration: { vectorSearchConfiguration } },
        operationResponse: { retrievalResults: results },
      });
      return outputs({ retrievalResults: results });
    }
    const outputText = complete(universe.models, modelId, generationPrompt(query, results, promptTemplate?.textPromptTemplate), inputs);
    ctx.action({
      serviceName: 'bedrock',
      operationName: 'RetrieveAndGenerate',
      operationRequest: {
        input: { text: query },
        retrieveAndGenerateConfiguration: {
          type: 'KNOWLEDGE_BASE',
          knowledgeBaseConfiguration: { knowledgeBaseId, modelArn: model, retrievalConfiguration: { vectorSearchConfiguration } },
        },
      },
      operationResponse: { output: { text: outputText }, citations: [{ retrievedReferences: results }] },
    });
    return outputs({ outputText });
  },
};
