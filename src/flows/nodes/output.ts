/** Output: its `document` input is a flowOutputEvent. */
import { outputs, type NodeRunner } from '../executor/runner.js';

export const output: NodeRunner = {
  run(ctx, inputs) {
    ctx.emitFlowOutput(inputs.document);
    return outputs({});
  },
};
