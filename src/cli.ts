#!/usr/bin/env node
/** The command line: `serve` (default), `validate`, `lint-policy`, `role-policy`, `--version`. */
import { lintPolicies } from './cli/lint-policy.js';
import { printRolePolicy } from './cli/role-policy.js';
import { serve } from './cli/serve.js';
import { UsageError } from './cli/usage.js';
import { validateFlowFile } from './cli/validate.js';
import { FixtureError } from './fixtures/fixture-error.js';
import { TemplateLoadError } from './cloudformation/template-error.js';
import { version } from './version.js';

const COMMANDS: Record<string, (argv: string[]) => Promise<void | number>> = {
  serve,
  validate: validateFlowFile,
  'lint-policy': lintPolicies,
  'role-policy': printRolePolicy,
};

/** What the operating system refuses a listener, in one line instead of Node's stack. */
const LISTEN_ERRORS: Record<string, (err: { address?: string; port?: number }) => string> = {
  EADDRINUSE: (e) =>
    `${e.address}:${e.port} is already in use (EADDRINUSE): stop what holds it, or pick another port with --port (0 = any free one)`,
  EACCES: (e) => `not allowed to listen on ${e.address}:${e.port} (EACCES): ports below 1024 need privileges; pick another with --port`,
  EADDRNOTAVAIL: (e) => `${e.address} is not an address of this machine (EADDRNOTAVAIL): check --host`,
};

/**
 * Ordinary mistakes end with one line on stderr and the documented status: 2 for usage, 1 for a fixture the loader
 * refuses or a port that cannot be had. Anything else is a bug and keeps its stack.
 */
function failure(err: unknown): { message: string; status: number } | undefined {
  if (err instanceof UsageError || String((err as { code?: string }).code).startsWith('ERR_PARSE_ARGS')) {
    return { message: `${(err as Error).message}\nTry --help.`, status: 2 };
  }
  if (err instanceof TemplateLoadError) return { message: `invalid template: ${err.message}`, status: 1 };
  if (err instanceof FixtureError) return { message: `invalid fixture: ${err.message}`, status: 1 };
  const code = (err as { code?: string; syscall?: string }).code;
  const listen = code !== undefined && (err as { syscall?: string }).syscall === 'listen' ? LISTEN_ERRORS[code] : undefined;
  if (listen) return { message: listen(err as { address?: string; port?: number }), status: 1 };
  return undefined;
}

async function main(argv: string[]) {
  if (argv.includes('--version')) {
    process.stdout.write(`${version}\n`);
    return;
  }
  const named = argv[0] !== undefined && Object.hasOwn(COMMANDS, argv[0]);
  const command = named ? COMMANDS[argv[0]!]! : serve;
  try {
    const status = await command(named ? argv.slice(1) : argv);
    if (typeof status === 'number') process.exitCode = status;
  } catch (err) {
    const known = failure(err);
    if (!known) throw err;
    process.stderr.write(`bedrock-flows-emulator: ${known.message}\n`);
    process.exit(known.status);
  }
}

void main(process.argv.slice(2));
