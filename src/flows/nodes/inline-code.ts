/**
 * InlineCode: Python 3 in a subprocess, the node's inputs as variables, the last line's value as `response`.
 * Errors in the code are the flow author's (validationException), and so are its limits (time, output size);
 * no python3 here, or the emulator stopping: dependencyFailedException; every python3 slot taken and the queue
 * full: throttlingException. A stopped run kills its child.
 */
import { dependencyFailed, throttling, validationException } from '../../protocol/errors.js';
import type { InlineCodeFlowNodeConfiguration } from '../definition.js';
import { Aborted } from '../executor/run-signals.js';
import { configurationOf, outputs, type NodeRunner } from '../executor/runner.js';

export const inlineCode: NodeRunner<InlineCodeFlowNodeConfiguration> = {
  compile: (node) => configurationOf(node, 'inlineCode'),
  async run(ctx, inputs) {
    const { limits, python } = ctx.env;
    const result = await python.run(
      ctx.node.compiled.code,
      inputs,
      { timeoutMs: limits.inlineCodeTimeoutMs, maxOutputBytes: limits.inlineCodeMaxOutputBytes },
      (cancel) => ctx.onStop(cancel),
    );
    if (result.ok) return outputs({ response: result.value });
    const { name } = ctx.node;
    switch (result.reason) {
      case 'cancelled':
        throw new Aborted();
      case 'missing':
        throw dependencyFailed(`InlineCode node ${name} needs Python 3, and ${result.message}`, 'python3');
      case 'stopped':
        throw dependencyFailed(`InlineCode node ${name} could not finish: ${result.message}`, 'python3');
      case 'busy':
        throw throttling(`InlineCode node ${name} could not start: ${result.message} Retry the request later.`);
      default:
        throw validationException(`The code of InlineCode node ${name} failed: ${result.message}`);
    }
  },
};
