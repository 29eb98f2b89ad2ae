/**
 * `lint-policy <policy.json>...`: IAM's verdict on each document (MalformedPolicyDocument messages), where the
 * problem is, and our lint warnings (unknown actions with the nearest real one, keys, resource types). Exit 1 if any
 * document is malformed.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { PolicyWarning } from '../iam/index.js';
import type { PolicyTextFinding } from '../iam/policy-text.js';
import { UsageError } from './usage.js';

export const LINT_HELP = `Usage: bedrock-flows-emulator lint-policy [--operations] <policy.json>...

Validates IAM policy documents as IAM does and prints warnings (actions no service defines, unknown condition keys,
actions paired with resources they cannot be used on). A malformed document gets IAM's message, then where
(file:line:column) and what was meant, then the warnings of what can still be read past a trailing comma, a
comment or a missing comma. With --operations, then one line for each of the emulator's operations: whether the
policy allows it, on which resources, under which conditions (and iam:PassRole where the operation passes a role).
Exit status: 0 valid, 1 malformed, 2 usage.
`;

export async function lintPolicies(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' }, operations: { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write(LINT_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('lint-policy needs at least one policy file');
  // Loaded here, not at the top: `serve` shares this module graph and never needs the tolerant JSON parser.
  const { checkPolicyText } = await import('../iam/policy-text.js');
  let malformed = 0;
  for (const file of positionals) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new UsageError(`cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    // The raw text, as IAM receives it: a trailing comma is IAM's syntax error, not ours.
    const report = checkPolicyText(text, file, 'inline');
    if (report.malformed !== undefined) {
      malformed++;
      process.stdout.write(`${file}: MalformedPolicyDocument: ${report.malformed}\n`);
    }
    for (const finding of report.findings) process.stdout.write(`${formatFinding(file, finding)}\n`);
    for (const warning of report.warnings) process.stdout.write(`${formatWarning(file, warning)}\n`);
    const verdict = report.malformed === undefined ? 'valid' : 'malformed';
    process.stdout.write(`${file}: ${verdict}, ${report.warnings.length} warning(s)\n`);
    if (values.operations && report.policy !== undefined) {
      // Loaded here: the route table pulls in every operation, which plain linting never needs.
      const { operationsReport } = await import('./operations-report.js');
      for (const entry of operationsReport(file, report.policy)) process.stdout.write(`${entry}\n`);
    }
  }
  return malformed > 0 ? 1 : 0;
}

/** `file:line:column: message`, the form editors and terminals turn into a link. */
function formatFinding(file: string, finding: PolicyTextFinding): string {
  const where = finding.line === undefined ? file : `${file}:${finding.line}:${finding.column}`;
  return `${where}: ${finding.message}`;
}

function formatWarning(file: string, warning: PolicyWarning): string {
  const where = warning.sid ? `statement ${warning.sid}` : `statement ${warning.statementIndex}`;
  return `${file}: warning (${where}) ${warning.code}: ${warning.message}`;
}
