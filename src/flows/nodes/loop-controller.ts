/**
 * LoopController: evaluates `continueCondition` over its inputs. The loop goes round again while it holds (a
 * DoWhile, as the field name and the DoWhile launch material say; the model's doc text reads the other way).
 */
import { evaluateCondition, parseCondition, type ConditionAst } from '../conditions/index.js';
import { configurationOf, invalidDefinition, type NodeRunner } from '../executor/runner.js';

export interface LoopControllerCompiled {
  readonly continueCondition: ConditionAst;
  readonly maxIterations?: number;
}

export const loopController: NodeRunner<LoopControllerCompiled> = {
  compile(node) {
    const { continueCondition, maxIterations } = configurationOf(node, 'loopController');
    const parsed = parseCondition(continueCondition.expression, node.inputs ?? []);
    if (!parsed.ok) {
      throw invalidDefinition(`the continue condition of node ${node.name} is malformed: ${parsed.cause}`);
    }
    return { continueCondition: parsed.condition.ast, ...(maxIterations !== undefined ? { maxIterations } : {}) };
  },
  run: (ctx, inputs) => ({
    kind: 'loopControl',
    continueLoop: evaluateCondition(ctx.node.compiled.continueCondition, inputs),
    values: inputs,
  }),
};
