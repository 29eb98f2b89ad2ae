/**
 * What an in-process Lambda handler prints goes to the emulator's log at debug, as a real function's goes to its
 * CloudWatch log stream (docs: nodejs-logging), instead of onto the emulator's stdout between its JSON lines.
 *
 * The console methods are wrapped once per process; the wrapper asks an AsyncLocalStorage which invocation (if
 * any) is running, so concurrent handlers each get their own lines, and everything else in the process prints as
 * before. Limits: only console.log/info/warn/error/debug/trace are captured, not process.stdout.write; output a
 * handler's timers make after it returned is still attributed to it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';
import type { RunLog } from '../run-log.js';

export interface HandlerOutput {
  log: RunLog;
  functionName: string;
  requestId: string;
}

/** One console call's text is cut here: a handler printing a huge object must not write megabytes of log. */
export const MAX_LINE_CHARS = 16 * 1024;

const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
const current = new AsyncLocalStorage<HandlerOutput>();
let installed = false;

function install(): void {
  installed = true;
  for (const method of METHODS) {
    const original = console[method];
    console[method] = function captured(this: Console, ...args: unknown[]) {
      const output = current.getStore();
      if (!output) return original.apply(this, args);
      if (!output.log.isLevelEnabled('debug')) return;
      const text = format(...args);
      const line = text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS)}… (${text.length} chars)` : text;
      output.log.debug({ lambda: output.functionName, lambdaRequestId: output.requestId, stream: method }, line);
    };
  }
}

/** Runs `call` with its console output going to `output.log` at debug. */
export function withHandlerOutput<T>(output: HandlerOutput, call: () => T): T {
  if (!installed) install();
  return current.run(output, call);
}
