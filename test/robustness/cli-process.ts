/** The CLI in a child process (through tsx): for attacks that would freeze or abort the process serving them. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface CliProcess {
  child: ChildProcess;
  /** Resolves with the base URL once the CLI logs its ready line. */
  url: Promise<string>;
  exited: Promise<number | null>;
  output(): string;
}

export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--port', '0', '--log-level', 'info', ...args], {
    cwd: new URL('../..', import.meta.url).pathname,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      output += d;
      const m = /listening on (http:\/\/[^\s"]+)/.exec(output);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (d) => (output += d));
    void exited.then((code) => reject(new Error(`the CLI exited with ${code} before listening:\n${output}`)));
  });
  return { child, url, exited, output: () => output };
}
