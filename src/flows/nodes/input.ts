/** Input: hands the flow input on as `document`. */
import { outputs, type NodeRunner } from '../executor/runner.js';

export const input: NodeRunner = {
  run: (ctx) => outputs({ document: ctx.entry.document }),
};
