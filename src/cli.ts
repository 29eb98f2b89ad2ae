#!/usr/bin/env node
/** The command line: `serve` (default), `validate`, `lint-policy`. */
import { lintPolicies } from './cli/lint-policy.js';
import { serve } from './cli/serve.js';
import { UsageError } from './cli/usage.js';
import { validateFlowFile } from './cli/validate.js';

const COMMANDS: Record<string, (argv: string[]) => Promise<void | number>> = {
  serve,
  validate: validateFlowFile,
  'lint-policy': lintPolicies,
};

async function main(argv: string[]) {
  const named = argv[0] !== undefined && Object.hasOwn(COMMANDS, argv[0]);
  const command = named ? COMMANDS[argv[0]!]! : serve;
  try {
    const status = await command(named ? argv.slice(1) : argv);
    if (typeof status === 'number') process.exitCode = status;
  } catch (err) {
    if (!(err instanceof UsageError) && !String((err as { code?: string }).code).startsWith('ERR_PARSE_ARGS')) throw err;
    process.stderr.write(`bedrock-flows-emulator: ${(err as Error).message}\nTry --help.\n`);
    process.exit(2);
  }
}

void main(process.argv.slice(2));
