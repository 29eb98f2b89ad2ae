/**
 * `lint-policy <policy.json>...`: IAM's verdict on each document (MalformedPolicyDocument messages) and our lint
 * warnings (unknown actions with the nearest real one, keys, resource types). Exit 1 if any document is malformed.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadPolicy, MalformedPolicyDocumentError } from '../iam/index.js';
import { UsageError } from './usage.js';

export const LINT_HELP = `Usage: bedrock-flows-emulator lint-policy <policy.json>...

Validates IAM policy documents as IAM does and prints warnings (actions no service defines, unknown condition keys,
actions paired with resources they cannot be used on). Exit status: 0 valid, 1 malformed, 2 usage.
`;

export async function lintPolicies(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write(LINT_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('lint-policy needs at least one policy file');
  let malformed = 0;
  for (const file of positionals) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new UsageError(`cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    try {
      // The raw text, as IAM receives it: a trailing comma is IAM's syntax error, not ours.
      const { warnings } = loadPolicy(text, file, 'inline');
      for (const w of warnings) {
        const where = w.sid ? `statement ${w.sid}` : `statement ${w.statementIndex}`;
        process.stdout.write(`${file}: warning (${where}) ${w.code}: ${w.message}\n`);
      }
      process.stdout.write(`${file}: valid, ${warnings.length} warning(s)\n`);
    } catch (err) {
      if (!(err instanceof MalformedPolicyDocumentError)) throw err;
      malformed++;
      process.stdout.write(`${file}: MalformedPolicyDocument: ${err.message}\n`);
    }
  }
  return malformed > 0 ? 1 : 0;
}
