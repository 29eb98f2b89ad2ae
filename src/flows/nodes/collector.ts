/** Collector: `arrayItem` holds what each iteration gave it, in item order (gathered by the scheduler). */
import { outputs, type NodeRunner } from '../executor/runner.js';

export const collector: NodeRunner = {
  run: (_ctx, inputs) => outputs({ collectedArray: inputs.arrayItem }),
};
