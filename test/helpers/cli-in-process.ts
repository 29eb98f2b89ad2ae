/**
 * One of the CLI's commands run in this process, settling as `runCli` (test/helpers/cli-bundle.ts) does: its stdout on
 * status 0, a rejection with `code` and `stdout` otherwise. Spawning the bundled CLI costs some 0.3 s of CPU per call;
 * tests about a command's output and status run it here, and keep a spawn for what only the entry point does
 * (src/cli.ts: --version, the status and one-line message of a UsageError or a refused port).
 */
import { lintPolicies } from '../../src/cli/lint-policy.js';
import { printRolePolicy } from '../../src/cli/role-policy.js';
import { validateFlowFile } from '../../src/cli/validate.js';

const COMMANDS = { validate: validateFlowFile, 'lint-policy': lintPolicies, 'role-policy': printRolePolicy } as const;

export async function runCommand([name, ...argv]: [keyof typeof COMMANDS, ...string[]]): Promise<{ stdout: string; stderr: string }> {
  const { status, stdout } = await commandOutput(name, argv);
  if (status !== 0) throw Object.assign(new Error(`${name} exited with ${status}`), { code: status, stdout, stderr: '' });
  return { stdout, stderr: '' };
}

/** The command in-process: its exit status and what it printed to stdout, whatever the status. */
export async function commandOutput(name: keyof typeof COMMANDS, argv: string[]): Promise<{ status: number; stdout: string }> {
  let stdout = '';
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
  try {
    return { status: await COMMANDS[name](argv), stdout };
  } finally {
    process.stdout.write = write;
  }
}
