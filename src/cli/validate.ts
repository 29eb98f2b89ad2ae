/**
 * `validate <flow.json> [--fixtures FILE]...`: what PrepareFlow would find, without a server. The file holds a flow
 * definition or a CreateFlow body; with fixtures, referenced resources and the execution role are checked against
 * that world too. Prints one line per validation, like a linter; exit 1 when any is an Error.
 */
import { parseArgs } from 'node:util';
import { validateDefinition } from '../flows/index.js';
import { checkForPreparation } from '../operations/flows/prepare-checks.js';
import { flowArn } from '../world/arns.js';
import { worldOf } from '../world/universe.js';
import { keyValues, readFlowFile, UsageError } from './usage.js';
import { loadWorld } from './load-world.js';
import { validateTemplate } from './validate-template.js';
import { isTerraformDocument } from '../cloudformation/terraform/terraform-document.js';

export const VALIDATE_HELP = `Usage: bedrock-flows-emulator validate <flow.json | template> [--fixtures FILE]... [--parameter K=V]...

Checks a flow definition (or a CreateFlow request body) as PrepareFlow does and prints its validations.
With --fixtures, node references (prompts, knowledge bases, agents, Lambda functions, Lex bots, buckets) and the
execution role are checked against the fixtures' world.
A CloudFormation template (JSON with Resources, or YAML) or \`terraform show -json\` output is deployed onto the
fixtures' world (or an empty one) as --cloudformation would, and each flow resource's validations are printed
under its logical id (or Terraform address).
Exit status: 0 no errors, 1 errors, 2 usage (including a fixture file that does not load).
`;

interface Validation {
  type: string;
  severity: string;
  message: string;
}

export async function validateFlowFile(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      fixtures: { type: 'string', multiple: true },
      parameter: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(VALIDATE_HELP);
    return 0;
  }
  const [file, extra] = positionals;
  if (!file || extra) throw new UsageError('validate takes exactly one flow file');
  if (/\.ya?ml$/i.test(file)) return validateTemplate(file, values.fixtures ?? [], keyValues('--parameter', values.parameter ?? []));
  // Templates are objects too, so reading it as a flow file first refuses nothing a template could be.
  const doc = readFlowFile(file);
  if ('Resources' in doc || isTerraformDocument(doc)) {
    return validateTemplate(file, values.fixtures ?? [], keyValues('--parameter', values.parameter ?? []));
  }
  const body: Record<string, unknown> = 'definition' in doc ? doc : { definition: doc };
  let validations: Validation[];
  if (values.fixtures) {
    const emulator = await loadWorld(values.fixtures);
    const universe = emulator.universe;
    const world = worldOf(universe, universe.defaultAccount, universe.defaultRegion);
    const ctx = emulator.contextFor(world, { arn: '', account: world.account });
    const snapshot = { name: '', executionRoleArn: String(body.executionRoleArn ?? ''), definition: body.definition as never };
    // Without an executionRoleArn in the file there is no role to check.
    const checks = { executionRole: Boolean(body.executionRoleArn) };
    validations = checkForPreparation(ctx, snapshot, flowArn(world, 'VALIDATE00'), checks) as unknown as Validation[];
  } else {
    validations = validateDefinition(body.definition) as unknown as Validation[];
  }
  for (const v of validations) process.stdout.write(`${file}: ${v.severity} ${v.type}: ${v.message}\n`);
  const errors = validations.filter((v) => v.severity === 'Error').length;
  process.stdout.write(`${errors} error(s), ${validations.length - errors} warning(s)\n`);
  // Without a world, a prompt or Lambda that does not exist passes: say so rather than imply it was checked.
  if (!values.fixtures) {
    process.stdout.write(
      'references (prompts, knowledge bases, agents, Lambda functions, Lex bots, buckets) and the execution role were not checked: add --fixtures FILE to check them against a world\n',
    );
  }
  return errors > 0 ? 1 : 0;
}
