/**
 * `role-policy <flow.json> [--fixtures FILE]... [--flow-id ID]`: the identity policy and trust policy the flow's
 * execution role needs, as JSON on stdout (README, IAM).
 */
import { parseArgs } from 'node:util';
import { flowRolePolicy } from '../role-policy.js';
import { fixturesAsUsage, readFlowFile, UsageError } from './usage.js';

export const ROLE_POLICY_HELP = `Usage: bedrock-flows-emulator role-policy <flow.json> [--fixtures FILE]... [--flow-id ID]

Prints {"policy": ..., "trustPolicy": ...}: the identity policy the flow's execution role needs to run every node
(exact ARNs: models, inference profiles and the foundation models they route to, prompt versions, knowledge bases,
agent aliases, Lambda functions with their qualifiers, Lex bot aliases, S3 objects) and the trust policy letting
Amazon Bedrock assume the role for this flow (aws:SourceAccount, aws:SourceArn). The file holds a flow definition or
a CreateFlow body. With --fixtures, prompt resources resolve to their model in that world; --flow-id names the flow
the trust policy admits (default: any flow of the account). Exit status: 0, or 2 for usage.
`;

export async function printRolePolicy(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      fixtures: { type: 'string', multiple: true },
      'flow-id': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(ROLE_POLICY_HELP);
    return 0;
  }
  const [file, extra] = positionals;
  if (!file || extra) throw new UsageError('role-policy takes exactly one flow file');
  const doc = readFlowFile(file);
  const policies = await fixturesAsUsage(() =>
    flowRolePolicy(doc, {
      ...(values.fixtures ? { fixtures: values.fixtures } : {}),
      ...(values['flow-id'] ? { flowId: values['flow-id'] } : {}),
    }),
  );
  process.stdout.write(`${JSON.stringify(policies, null, 2)}\n`);
  return 0;
}
