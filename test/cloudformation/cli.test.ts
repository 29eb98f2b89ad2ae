/** The command line's CloudFormation flags (src/cli/serve.ts) and `validate <template>` (src/cli/validate-template.ts). */
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { parse } from '../../src/cli/serve.js';
import { UsageError } from '../../src/cli/usage.js';
import { commandOutput } from '../helpers/cli-in-process.js';
import { DEFAULT_FIXTURES } from '../../src/package-root.js';

const template = (name: string) => fileURLToPath(new URL(`templates/${name}`, import.meta.url));

t.test('--cloudformation and --parameter repeat; BFE_CLOUDFORMATION is comma-separated; flags win', async (t) => {
  const flags = parse(
    ['--cloudformation', 'a.yaml', '--cloudformation', 'b.json', '--parameter', 'Stage=prod', '--parameter', 'Url=x=y'],
    {},
  );
  t.same(flags.cloudformation, ['a.yaml', 'b.json']);
  t.same(flags.parameters, { Stage: 'prod', Url: 'x=y' }, 'the first = splits');
  t.same(parse([], { BFE_CLOUDFORMATION: 'a.yaml,b.json' }).cloudformation, ['a.yaml', 'b.json']);
  t.same(parse(['--cloudformation', 'c.yaml'], { BFE_CLOUDFORMATION: 'a.yaml' }).cloudformation, ['c.yaml']);
  t.equal(parse([], {}).cloudformation, undefined);
  t.throws(() => parse(['--parameter', 'novalue'], {}), new UsageError("--parameter must be KEY=VALUE, got 'novalue'"));
});

async function validate(args: string[]): Promise<{ status: number; out: string }> {
  const { status, stdout } = await commandOutput('validate', args);
  return { status, out: stdout };
}

t.test('validate <template> reports per flow resource', async (t) => {
  const good = await validate([template('short-forms.yaml'), '--parameter', 'SharedTeamName=team']);
  t.equal(good.status, 0);
  t.match(good.out, /short-forms\.yaml: Resources\.Flow: Prepared\n0 error\(s\), 0 warning\(s\)\n$/);

  const cdk = await validate([template('PlaylistStack.template.json')]);
  t.equal(cdk.status, 0);
  t.match(cdk.out, /Resources\.PlaylistFlow0F1E2D3C: Prepared/);

  const failing = await validate([template('uses-fixtures.yaml'), '--fixtures', DEFAULT_FIXTURES]);
  t.equal(failing.status, 1);
  t.match(failing.out, /uses-fixtures\.yaml: Resources\.Classifier: Prepared\n/);
  t.match(failing.out, /uses-fixtures\.yaml: Resources\.Unfinished: Error UnreachableNode: /);
  t.match(failing.out, /uses-fixtures\.yaml: Resources\.Unfinished: Failed\n2 error\(s\), 0 warning\(s\)\n$/);

  const missing = await validate([template('short-forms.yaml')]);
  t.equal(missing.status, 1);
  t.match(missing.out, /Resources\.Flow\.Properties\.Tags\.imported\.Fn::ImportValue: Error: no export named SharedTeamName/);
});
