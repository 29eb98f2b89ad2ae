/**
 * InlineCode: Python 3 in a subprocess, the node's inputs as variables, the last line's value as `response`.
 * Errors in the code are the flow author's: validationException; no python3 here: dependencyFailedException.
 */
import { dependencyFailed, validation } from '../../protocol/errors.js';
import { runPython } from '../../fakes/inline-python.js';
import type { InlineCodeFlowNodeConfiguration } from '../definition.js';
import { configurationOf, outputs, type NodeRunner } from '../executor/runner.js';

export const inlineCode: NodeRunner<InlineCodeFlowNodeConfiguration> = {
  compile: (node) => configurationOf(node, 'inlineCode'),
  async run(ctx, inputs) {
    const result = await runPython(ctx.node.compiled.code, inputs, ctx.env.limits.inlineCodeTimeoutMs);
    if (result.ok) return outputs({ response: result.value });
    if (result.reason === 'missing') {
      throw dependencyFailed(`InlineCode node ${ctx.node.name} needs Python 3, and ${result.message}`, 'python3');
    }
    throw validation(`The code of InlineCode node ${ctx.node.name} failed: ${result.message}`);
  },
};
