/**
 * `validate <template>`: a CloudFormation template deployed onto the fixtures' world (or an empty one) as
 * `--cloudformation` would deploy it, then each AWS::Bedrock::Flow resource's validations, under its logical id.
 * A template that does not deploy is one error line naming the logical id and property path (exit 1).
 */
import { worldOf } from '../world/universe.js';
import { FixtureError } from '../fixtures/fixture-error.js';
import { loadWorld } from './load-world.js';

export async function validateTemplate(file: string, fixtures: string[], parameters: Record<string, string>): Promise<number> {
  // Without fixtures the world is the template's own: no bundled resources that it might accidentally rely on.
  const emulator = await loadWorld(fixtures.length > 0 ? fixtures : [{}]);
  try {
    await emulator.loadTemplate(file, file, { parameters });
  } catch (err) {
    if (!(err instanceof FixtureError)) throw err;
    process.stdout.write(`${file}: ${err.path}: Error: ${err.reason}\n1 error(s), 0 warning(s)\n`);
    return 1;
  }
  const { universe } = emulator;
  const world = worldOf(universe, universe.defaultAccount, universe.defaultRegion);
  let errors = 0;
  let warnings = 0;
  for (const stack of emulator.stacks) {
    for (const [logicalId, flowId] of Object.entries(stack.flows)) {
      const flow = world.flows.get(flowId);
      // A Terraform document's flows are known by address (aws_bedrockagent_flow.x); logical ids have no dots.
      const label = logicalId.includes('.') ? logicalId : `Resources.${logicalId}`;
      const validations = flow?.validations ?? [];
      for (const v of validations) {
        process.stdout.write(`${file}: ${label}: ${v.severity} ${v.type}: ${v.message}\n`);
        if (v.severity === 'Error') errors++;
        else warnings++;
      }
      process.stdout.write(`${file}: ${label}: ${flow?.status ?? 'not created'}\n`);
    }
  }
  process.stdout.write(`${errors} error(s), ${warnings} warning(s)\n`);
  return errors > 0 ? 1 : 0;
}
