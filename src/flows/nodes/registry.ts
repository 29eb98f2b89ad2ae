/** The one table from node type to runner. */
import type { FlowNodeType } from '../definition.js';
import type { NodeRunner } from '../executor/runner.js';
import { agent } from './agent.js';
import { collector } from './collector.js';
import { condition } from './condition.js';
import { inlineCode } from './inline-code.js';
import { input } from './input.js';
import { iterator } from './iterator.js';
import { knowledgeBase } from './knowledge-base.js';
import { lambdaFunction } from './lambda-function.js';
import { lex } from './lex.js';
import { loop } from './loop.js';
import { loopController } from './loop-controller.js';
import { loopInput } from './loop-input.js';
import { output } from './output.js';
import { prompt } from './prompt.js';
import { retrieval } from './retrieval.js';
import { storage } from './storage.js';

// biome-ignore lint/suspicious/noExplicitAny: one table of runners whose configuration types differ by key
export const NODE_RUNNERS: Readonly<Record<FlowNodeType, NodeRunner<any>>> = {
  Input: input,
  Output: output,
  Condition: condition,
  Prompt: prompt,
  KnowledgeBase: knowledgeBase,
  LambdaFunction: lambdaFunction,
  Lex: lex,
  Agent: agent,
  Storage: storage,
  Retrieval: retrieval,
  Iterator: iterator,
  Collector: collector,
  InlineCode: inlineCode,
  Loop: loop,
  LoopInput: loopInput,
  LoopController: loopController,
};
