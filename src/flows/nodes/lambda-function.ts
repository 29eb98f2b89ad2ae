/**
 * LambdaFunction: invokes the fixture function (lambda:InvokeFunction) with the documented event; its result is
 * `functionResponse`. A function error is an in-stream dependencyFailedException in the Agents wording
 * (docs/behaviour.md#failures-during-a-run), naming the function ARN as `resourceName`.
 */
import { dependencyFailed, lambdaTimedOut, notFound } from '../../protocol/errors.js';
import { parseArn } from '../../world/arns.js';
import { TIMED_OUT_ERROR_TYPE, invokeLambda } from '../../fakes/lambda.js';
import type { LambdaFunctionFlowNodeConfiguration } from '../definition.js';
import { configurationOf, outputs, type NodeRunner } from '../executor/runner.js';
import { lambdaCalls } from './role-requirements.js';

/**
 * The emulator's stand-in for the function's CloudWatch log: its handler's output and failures are in the
 * emulator's own log at debug (src/fakes/lambda-console.ts). A fixture `error` has no log to point to.
 */
const WHERE_THE_LOG_IS =
  " (Emulator: the function's log is the emulator's log at debug level; run the emulator with --log-level debug, or startEmulator with logLevel 'debug', to see the handler's output.)";

export const lambdaFunction: NodeRunner<LambdaFunctionFlowNodeConfiguration> = {
  compile: (node) => configurationOf(node, 'lambdaFunction'),
  async run(ctx, inputs) {
    const { lambdaArn } = ctx.node.compiled;
    const { universe, ids, clock, limits, flowArn, flowAliasArn, log } = ctx.env;
    for (const call of lambdaCalls(ctx.node.compiled)) ctx.authorize(call.action, call.resource);
    const [, name, qualifier] = (parseArn(lambdaArn)?.resource ?? '').split(':');
    const fn = universe.lambdaFunctions.get(lambdaArn.split(':').slice(0, 7).join(':'));
    if (!fn || !name || (qualifier && qualifier !== '$LATEST' && !fn.qualifiers?.includes(qualifier))) {
      throw notFound(`Function not found: ${lambdaArn}`);
    }
    const event = {
      messageVersion: '1.0',
      flow: { flowArn, flowAliasArn },
      node: {
        name: ctx.node.name,
        inputs: ctx.node.inputs.map((i) => ({ name: i.name, type: i.type, expression: i.expression.text, value: inputs[i.name] })),
      },
    };
    const requestId = ids.uuid();
    const result = await invokeLambda(fn, event, {
      timeoutMs: fn.timeoutMs ?? limits.lambdaTimeoutMs,
      requestId,
      clock,
      ...(log ? { log } : {}),
    });
    ctx.action({
      serviceName: 'lambda',
      operationName: 'Invoke',
      requestId,
      operationRequest: event,
      operationResponse: result.ok ? result.payload : { errorType: result.errorType, errorMessage: result.errorMessage },
    });
    if (!result.ok && result.errorType === TIMED_OUT_ERROR_TYPE) throw lambdaTimedOut(lambdaArn);
    if (!result.ok) {
      throw dependencyFailed(
        `Your request couldn't be completed. Lambda function ${lambdaArn} encountered a problem while processing request.` +
          `The error message from the Lambda function is ${result.errorMessage}. Check the Lambda function log for error ` +
          'details, then try your request again after fixing the error.' +
          (fn.handlerPath !== undefined || fn.url !== undefined ? WHERE_THE_LOG_IS : ''),
        lambdaArn,
      );
    }
    return outputs({ functionResponse: result.payload });
  },
};
