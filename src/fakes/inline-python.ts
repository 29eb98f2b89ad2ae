/**
 * InlineCode nodes: the code runs in a `python3` subprocess. The node's inputs are Python variables; the value of
 * the code's last line, when that line is an expression, is the result (None otherwise). The result comes back as
 * JSON on file descriptor 3, so that the code may print freely. How many run at once is python-processes.ts's job.
 *
 * Nothing the code does may throw in a listener here: such a throw has no request to fail and would end the whole
 * emulator. Every listener only records, and `settle` is the one way out.
 */
import { spawn } from 'node:child_process';

/** `cancelled`: the run stopped; `stopped`: the emulator did. */
export type PythonFailure = 'missing' | 'error' | 'timeout' | 'output' | 'cancelled' | 'stopped';

export type PythonResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: PythonFailure; readonly message: string };

export interface PythonLimits {
  readonly timeoutMs: number;
  /** Bytes the child may write to stdout, stderr and the result together before it is killed. */
  readonly maxOutputBytes: number;
}

/** One started child: its result, and a way to end it early. */
export interface PythonChild {
  readonly pid: number | undefined;
  readonly result: Promise<PythonResult>;
  /** Resolves once the process has ended and been reaped: a SIGKILL is delivered, not waited for. */
  readonly exited: Promise<void>;
  /** Kills the child (SIGKILL) and settles its result with this reason; nothing once it has settled. */
  cancel(reason: 'cancelled' | 'stopped', message: string): void;
}

export const DEFAULT_MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

/*
 * allow_nan=False: Python would write NaN/Infinity, which are not JSON (JSON.parse throws); as an error the flow
 * author sees why. JSON has no such numbers (RFC 8259 §6), and neither do flow documents.
 */
const WRAPPER = `
import ast, json, os, sys
request = json.load(sys.stdin)
scope = {"__name__": "__main__"}
scope.update(request["variables"])
tree = ast.parse(request["code"], "<inline code>")
last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
exec(compile(tree, "<inline code>", "exec"), scope)
result = eval(compile(ast.Expression(last.value), "<inline code>", "eval"), scope) if last else None
try:
    text = json.dumps(result, default=str, allow_nan=False)
except ValueError:
    raise ValueError("the result contains NaN or Infinity, which JSON cannot carry") from None
with os.fdopen(3, "w") as out:
    out.write(text)
`;

export function startPython(code: string, variables: Readonly<Record<string, unknown>>, limits: PythonLimits): PythonChild {
  let resolve!: (r: PythonResult) => void;
  const result = new Promise<PythonResult>((r) => (resolve = r));
  const child = spawn('python3', ['-c', WRAPPER], { stdio: ['pipe', 'pipe', 'pipe', 'pipe'] });
  const exited = new Promise<void>((done) => {
    child.once('exit', () => done());
    child.once('error', () => done()); // never started (ENOENT): nothing to wait for
  });
  const stderr: Buffer[] = [];
  const value: Buffer[] = [];
  let written = 0;
  let settled = false;
  const settle = (r: PythonResult) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    resolve(r);
  };
  const stop = (r: PythonResult) => {
    child.kill('SIGKILL');
    settle(r);
  };
  const timer = setTimeout(
    () => stop({ ok: false, reason: 'timeout', message: `The code did not finish within ${limits.timeoutMs / 1000} seconds.` }),
    limits.timeoutMs,
  );
  /** Counts every byte; keeps those worth keeping (stdout's are never read: prints are the author's own). */
  const collect = (into: Buffer[] | undefined) => (chunk: Buffer) => {
    written += chunk.length;
    if (written > limits.maxOutputBytes) {
      stop({
        ok: false,
        reason: 'output',
        message: `The code wrote more than ${limits.maxOutputBytes} bytes of output (stdout, stderr and result).`,
      });
    } else into?.push(chunk);
  };
  child.stdout!.on('data', collect(undefined));
  child.stderr!.on('data', collect(stderr));
  const resultPipe = child.stdio[3] as NodeJS.ReadableStream;
  resultPipe.on('data', collect(value));
  // A pipe error (the child gone mid-write) is followed by `close`, which decides.
  const pipes: NodeJS.EventEmitter[] = [child.stdin!, child.stdout!, child.stderr!, resultPipe];
  for (const pipe of pipes) pipe.on('error', () => undefined);
  child.on('error', (err: NodeJS.ErrnoException) =>
    settle(
      err.code === 'ENOENT'
        ? { ok: false, reason: 'missing', message: 'python3 was not found on the PATH of the emulator.' }
        : { ok: false, reason: 'error', message: err.message },
    ),
  );
  child.on('close', (code) => {
    if (settled) return;
    if (code !== 0) {
      const lines = Buffer.concat(stderr).toString('utf8').trim().split('\n');
      return settle({ ok: false, reason: 'error', message: lines.at(-1) || `python3 exited with code ${code}` });
    }
    settle(parseResult(Buffer.concat(value).toString('utf8')));
  });
  child.stdin!.end(JSON.stringify({ code, variables }));
  return {
    pid: child.pid,
    result,
    exited,
    cancel: (reason, message) => {
      if (!settled) stop({ ok: false, reason, message });
    },
  };
}

/** One child, no sharing: for callers that bound concurrency themselves (and tests). */
export function runPython(
  code: string,
  variables: Readonly<Record<string, unknown>>,
  timeoutMs: number,
  maxOutputBytes = DEFAULT_MAX_OUTPUT_BYTES,
): Promise<PythonResult> {
  return startPython(code, variables, { timeoutMs, maxOutputBytes }).result;
}

/** The code may write to file descriptor 3 itself: what is there need not be JSON. */
function parseResult(text: string): PythonResult {
  try {
    return { ok: true, value: JSON.parse(text || 'null') };
  } catch {
    return { ok: false, reason: 'error', message: 'The result is not valid JSON.' };
  }
}
