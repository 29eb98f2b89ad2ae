/**
 * Loop (node-types.ts has the rule): round 1 starts from the Loop node's inputs; each later round from the same
 * values with the controller's ReturnValueToLoopStart inputs put in. When the controller says stop, or after
 * maxIterations rounds, the controller's ExitLoop inputs are the Loop node's outputs.
 */
import { validationException } from '../../protocol/errors.js';
import type { ScopePlan } from '../executor/plan.js';
import { configurationOf, outputs, type NodeRunner } from '../executor/runner.js';
import type { LoopControllerCompiled } from './loop-controller.js';

interface Compiled {
  readonly body: ScopePlan;
  readonly maxIterations?: number;
  readonly returned: readonly string[];
  readonly exits: readonly string[];
}

export const loop: NodeRunner<Compiled> = {
  compile(node, tools) {
    const body = tools.compileBody(configurationOf(node, 'loop').definition, node.name);
    const controller = body.controller!;
    const named = (category: string) => controller.inputs.filter((i) => i.category === category).map((i) => i.name);
    const { maxIterations } = controller.compiled as LoopControllerCompiled;
    return { body, returned: named('ReturnValueToLoopStart'), exits: named('ExitLoop'), ...(maxIterations ? { maxIterations } : {}) };
  },
  async run(ctx, inputs) {
    const { body, returned, exits } = ctx.node.compiled;
    const maxIterations = ctx.node.compiled.maxIterations ?? ctx.env.limits.defaultMaxIterations;
    let entry: Readonly<Record<string, unknown>> = inputs;
    for (let round = 0; ; round++) {
      const control = await ctx.runBody(body, entry, round);
      if (control?.kind !== 'loopControl') {
        throw validationException(`The LoopController of Loop node ${ctx.node.name} did not run in round ${round + 1}.`);
      }
      const pick = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, control.values[n]]));
      if (!control.continueLoop || round + 1 >= maxIterations) return outputs(pick(exits));
      entry = { ...entry, ...pick(returned) };
    }
  },
};
