/**
 * Fake Lambda invocation of a fixture function: a static `response`, a fixture `error`, a module's exported
 * `handler(event, context)` (imported once, Node caches it), or a POST of the event to `url` (undici). Whatever
 * runs is cut off after the timeout. Results go through JSON, as Lambda's payloads do.
 */
import { pathToFileURL } from 'node:url';
import type { Clock } from '../world/clock.js';
import type { LambdaFunction } from '../world/universe.js';
import type { RunLog } from '../run-log.js';
import { withHandlerOutput } from './lambda-console.js';
import { readCapped } from './read-capped.js';

export type LambdaResult =
  | { readonly ok: true; readonly payload: unknown }
  | { readonly ok: false; readonly errorType: string; readonly errorMessage: string };

export interface InvokeOptions {
  timeoutMs: number;
  requestId: string;
  /** The emulator's clock: the handler's getRemainingTimeInMillis counts down in its monotonic time. */
  clock: Clock;
  /** Gets the handler's console output and the failures of `handler` and `url` functions, at debug. */
  log?: RunLog;
}

/**
 * Lambda's synchronous invocation response payload quota, 6 MB (docs: gettingstarted-limits). A URL answering
 * more is cut off there instead of being read whole into memory.
 */
export const MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

/** The errorType Lambda reports for a function cut off at its timeout. */
export const TIMED_OUT_ERROR_TYPE = 'Sandbox.Timedout';

const failure = (errorType: string, errorMessage: string): LambdaResult => ({ ok: false, errorType, errorMessage });

export async function invokeLambda(fn: LambdaFunction, event: unknown, options: InvokeOptions): Promise<LambdaResult> {
  if (fn.error !== undefined) return failure('Unhandled', fn.error);
  if (fn.response !== undefined) return { ok: true, payload: fn.response };
  const timeoutSeconds = (options.timeoutMs / 1000).toFixed(2);
  const timedOut = failure(TIMED_OUT_ERROR_TYPE, `Task timed out after ${timeoutSeconds} seconds`);
  if (fn.url !== undefined) return logFailure(fn, options, await postEvent(fn.url, event, options.timeoutMs, timedOut));
  if (fn.handlerPath !== undefined)
    return logFailure(fn, options, await withTimeout(callHandler(fn, event, options), options.timeoutMs, timedOut));
  return failure('Runtime.HandlerNotFound', `Function ${fn.arn} has no response, handler, url or error in its fixture.`);
}

/**
 * Handler modules already loaded, by path. Node keeps a loaded module for the process's life anyway; this only skips
 * resolving it again on every call, a round trip to the hooks thread per call when module hooks are registered (as
 * under the test runner, docs/testing.md). Failed imports are not kept: a file added later loads on the next call.
 */
const handlerModules = new Map<string, { handler?: unknown }>();

async function callHandler(fn: LambdaFunction, event: unknown, options: InvokeOptions): Promise<LambdaResult> {
  let module = handlerModules.get(fn.handlerPath!);
  try {
    if (module === undefined) {
      module = (await import(pathToFileURL(fn.handlerPath!).href)) as { handler?: unknown };
      handlerModules.set(fn.handlerPath!, module);
    }
  } catch (err) {
    return failure('Runtime.ImportModuleError', `Error: Cannot load ${fn.handlerPath}: ${(err as Error).message}`);
  }
  if (typeof module.handler !== 'function') {
    return failure('Runtime.HandlerNotFound', `${fn.handlerPath}.handler is undefined or not exported`);
  }
  const { clock } = options;
  const deadline = clock.monotonicMs() + options.timeoutMs;
  const context = {
    functionName: fn.name,
    invokedFunctionArn: fn.arn,
    awsRequestId: options.requestId,
    getRemainingTimeInMillis: () => Math.max(0, Math.round(deadline - clock.monotonicMs())),
  };
  const handler = module.handler as (event: unknown, context: unknown) => unknown;
  const call = () => handler(event, context);
  try {
    const output = options.log && { log: options.log, functionName: fn.name, requestId: options.requestId };
    return { ok: true, payload: asJson(await (output ? withHandlerOutput(output, call) : call())) };
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    return failure(error.name || 'Error', error.message);
  }
}

/** A failed invocation as Lambda's log would show it (the emulator's log, at debug), then the result unchanged. */
function logFailure(fn: LambdaFunction, options: InvokeOptions, result: LambdaResult): LambdaResult {
  if (!result.ok && options.log?.isLevelEnabled('debug')) {
    options.log.debug(
      { lambda: fn.name, lambdaRequestId: options.requestId, errorType: result.errorType },
      `Lambda ${fn.name} failed: ${result.errorType}: ${result.errorMessage}`,
    );
  }
  return result;
}

async function postEvent(url: string, event: unknown, timeoutMs: number, timedOut: LambdaResult): Promise<LambdaResult> {
  try {
    // Loaded on first use: undici costs ~150 ms and ~8 MiB at start-up, and most fixtures have no URL Lambdas.
    const { request } = await import('undici');
    const response = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await readCapped(response.body, MAX_RESPONSE_BYTES);
    if (text === undefined) {
      return failure(
        'Function.ResponseSizeTooLarge',
        `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
      );
    }
    if (response.statusCode < 200 || response.statusCode > 299) {
      return failure('HttpError', `POST ${url} answered HTTP ${response.statusCode}${text ? `: ${text}` : ''}`);
    }
    return { ok: true, payload: parseJson(text) };
  } catch (err) {
    if ((err as Error).name === 'TimeoutError') return timedOut;
    return failure('HttpError', `POST ${url} failed: ${(err as Error).message}`);
  }
}

function withTimeout(work: Promise<LambdaResult>, timeoutMs: number, timedOut: LambdaResult): Promise<LambdaResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<LambdaResult>((resolve) => {
    timer = setTimeout(() => resolve(timedOut), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** A handler's return value as Lambda would serialize it (nothing JSON can carry → null). */
function asJson(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? null : JSON.parse(text);
}

/** A body that is not JSON is a JSON string, as a Lambda returning a plain string would give. */
function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
