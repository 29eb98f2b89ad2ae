/** Iterator: the nodes after it run once per item of `array` (the scheduler does the repeating). */
import type { NodeRunner } from '../executor/runner.js';

export const iterator: NodeRunner = {
  run: (_ctx, inputs) => ({ kind: 'items', items: inputs.array as unknown[] }),
};
