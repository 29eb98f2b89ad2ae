/** Starts the CLI (its bundle, test/helpers/cli-bundle.ts) as a child process and resolves its URL once it logs its ready line. */
import { spawn } from 'node:child_process';
import { cliBundle, ROOT } from '../helpers/cli-bundle.js';

const CLI = await cliBundle();

export interface CliProcess {
  child: ReturnType<typeof spawn>;
  url: Promise<string>;
  /** The exit code, or the signal that killed it. */
  exited: Promise<number | NodeJS.Signals | null>;
  output(): string;
}

export function startCli(args: string[], nodeArgs: string[] = [], env: NodeJS.ProcessEnv = {}): CliProcess {
  const child = spawn(process.execPath, [...nodeArgs, CLI, '--port', '0', '--log-level', 'info', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      output += d;
      const m = /listening on (http:\/\/[^\s"]+)/.exec(output);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (d) => (output += d));
    void exited.then((code) => reject(new Error(`the CLI exited with ${code} before listening:\n${output}`)));
  });
  url.catch(() => {});
  return { child, url, exited, output: () => output };
}
