/** LoopInput: each output carries the value of that name the loop round starts from. */
import { outputs, type NodeRunner } from '../executor/runner.js';

export const loopInput: NodeRunner = {
  run: (ctx) => outputs(Object.fromEntries(ctx.node.outputs.map((o) => [o.name, ctx.entry[o.name]]))),
};
