/**
 * InlineCode nodes: the code runs in a `python3` subprocess. The node's inputs are Python variables; the value of
 * the code's last line, when that line is an expression, is the result (None otherwise). The result comes back as
 * JSON on file descriptor 3, so that the code may print freely.
 */
import { spawn } from 'node:child_process';

export type PythonResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: 'missing' | 'error' | 'timeout'; readonly message: string };

const WRAPPER = `
import ast, json, os, sys
request = json.load(sys.stdin)
scope = {"__name__": "__main__"}
scope.update(request["variables"])
tree = ast.parse(request["code"], "<inline code>")
last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
exec(compile(tree, "<inline code>", "exec"), scope)
result = eval(compile(ast.Expression(last.value), "<inline code>", "eval"), scope) if last else None
with os.fdopen(3, "w") as out:
    json.dump(result, out, default=str)
`;

export function runPython(code: string, variables: Readonly<Record<string, unknown>>, timeoutMs: number): Promise<PythonResult> {
  return new Promise((resolve) => {
    const child = spawn('python3', ['-c', WRAPPER], { stdio: ['pipe', 'ignore', 'pipe', 'pipe'] });
    const stderr: Buffer[] = [];
    const result: Buffer[] = [];
    let settled = false;
    const settle = (r: PythonResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle({ ok: false, reason: 'timeout', message: `The code did not finish within ${timeoutMs / 1000} seconds.` });
    }, timeoutMs);
    child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => result.push(chunk));
    child.on('error', (err: NodeJS.ErrnoException) =>
      settle(
        err.code === 'ENOENT'
          ? { ok: false, reason: 'missing', message: 'python3 was not found on the PATH of the emulator.' }
          : { ok: false, reason: 'error', message: err.message },
      ),
    );
    child.on('close', (code) => {
      if (code !== 0) {
        const lines = Buffer.concat(stderr).toString('utf8').trim().split('\n');
        return settle({ ok: false, reason: 'error', message: lines.at(-1) || `python3 exited with code ${code}` });
      }
      settle({ ok: true, value: JSON.parse(Buffer.concat(result).toString('utf8') || 'null') });
    });
    child.stdin!.on('error', () => undefined); // the process may exit before reading everything
    child.stdin!.end(JSON.stringify({ code, variables }));
  });
}
