/** Lex: RecognizeUtterance on the fixture bot alias (lex:RecognizeUtterance); the best intent is `predictedIntent`. */
import { notFound } from '../../protocol/errors.js';
import { recognizeIntent } from '../../fakes/lex.js';
import type { LexFlowNodeConfiguration } from '../definition.js';
import { configurationOf, outputs, type NodeRunner } from '../executor/runner.js';
import { lexCalls } from './role-requirements.js';

export const lex: NodeRunner<LexFlowNodeConfiguration> = {
  compile: (node) => configurationOf(node, 'lex'),
  run(ctx, inputs) {
    const { botAliasArn, localeId } = ctx.node.compiled;
    for (const call of lexCalls(ctx.node.compiled)) ctx.authorize(call.action, call.resource);
    const bot = ctx.env.universe.lexBots.get(botAliasArn);
    if (!bot?.locales.includes(localeId)) throw notFound();
    const inputText = inputs.inputText as string;
    // No action trace: AWS emits them for Prompt, Agent and Lambda nodes only (docs/behaviour.md#traces).
    const { intent } = recognizeIntent(bot, inputText);
    ctx.record(() => ({
      serviceName: 'lex',
      operationName: 'RecognizeUtterance',
      operationRequest: { botAliasArn, localeId, inputText },
      operationResponse: { interpretations: [{ intent: { name: intent } }] },
    }));
    return outputs({ predictedIntent: intent });
  },
};
