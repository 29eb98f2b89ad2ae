/** Condition: the first condition that holds, in order, else `default` (conditions are parsed once). */
import { chooseCondition, parseCondition, type ConditionAst } from '../conditions/index.js';
import { configurationOf, invalidDefinition, type NodeRunner } from '../executor/runner.js';

type Compiled = readonly { readonly name: string; readonly ast?: ConditionAst }[];

export const condition: NodeRunner<Compiled> = {
  compile(node) {
    return configurationOf(node, 'condition').conditions.map(({ name, expression }) => {
      if (expression === undefined) return { name };
      const parsed = parseCondition(expression, node.inputs ?? []);
      if (!parsed.ok) throw invalidDefinition(`condition ${name} of node ${node.name} is malformed: ${parsed.cause}`);
      return { name, ast: parsed.condition.ast };
    });
  },
  run: (ctx, inputs) => ({ kind: 'branch', condition: chooseCondition(ctx.node.compiled, inputs) }),
};
