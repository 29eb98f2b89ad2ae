/**
 * Terraform documents (`terraform show -json`) as worlds (docs/cloudformation.md, "Terraform"), through the real
 * SDK clients: a state with a flow whose prompt node uses a prompt of a child module, a role with an inline policy
 * and a Lambda function loads, prepares and runs; a plan whose needed value is unknown until apply, and a flow
 * definition the API refuses, each give one error naming the resource address and attribute.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GetFlowCommand, GetPromptCommand } from '@aws-sdk/client-bedrock-agent';
import t, { type Test } from 'tap';
import { completionOf, invoke, outputsOf } from '../flows/executor/sdk.js';
import { withEmulator } from '../helpers/emulator.js';
import { DEFAULT_FIXTURES } from '../../src/package-root.js';
import { FixtureError } from '../../src/fixtures/fixture-error.js';

const document = (name: string) => fileURLToPath(new URL(`../terraform/documents/${name}`, import.meta.url));
const STATE = document('playlist.tfstate.json');
const SHOUT = document('shout.fixture.json');
type Doc = { values: { root_module: { resources: { address: string; values: Record<string, unknown> }[] } } };
const state = (): Doc => JSON.parse(readFileSync(STATE, 'utf8')) as Doc;
const resource = (doc: Doc, address: string) => doc.values.root_module.resources.find((r) => r.address === address)!;

t.test('a Terraform state loads, prepares and runs: prompt of a module, role with an inline policy, Lambda', async (t) => {
  const { emu, agent, runtime } = await withEmulator(t, { fixtures: [DEFAULT_FIXTURES, SHOUT], cloudformation: [STATE] });
  t.same(emu.cloudformationOutputs(), {
    flow_id: 'FLOWTF0001',
    flow_arn: 'arn:aws:bedrock:us-east-1:123456789012:flow/FLOWTF0001',
    node_names: 'FlowInput,MakePlaylist,Shout,FlowOutput',
  });
  const control = agent();
  const flow = await control.send(new GetFlowCommand({ flowIdentifier: 'FLOWTF0001' }));
  t.match(flow, {
    name: 'playlist-flow',
    description: 'Makes a playlist and shouts it',
    status: 'Prepared',
    executionRoleArn: 'arn:aws:iam::123456789012:role/service-role/playlist-flow-role',
  });
  t.same(flow.definition?.nodes?.[1]?.configuration, {
    prompt: { sourceConfiguration: { resource: { promptArn: 'arn:aws:bedrock:us-east-1:123456789012:prompt/PROMPTTF01' } } },
  });
  t.same(flow.definition?.connections?.[0]?.configuration, { data: { sourceOutput: 'document', targetInput: 'genre' } });
  const prompt = await control.send(new GetPromptCommand({ promptIdentifier: 'PROMPTTF01' }));
  t.match(prompt, {
    name: 'playlist-prompt',
    defaultVariant: 'v1',
    variants: [{ templateConfiguration: { text: { inputVariables: [{ name: 'genre' }, { name: 'number' }] } } }],
  });
  const role = emu.state().roles?.find((r) => r.arn.endsWith('/playlist-flow-role'));
  t.equal(role?.policies?.length, 1, 'the inline policy, listed by the role and by aws_iam_role_policy, is added once');
  t.same(role?.tags, { team: 'playlists' });
  t.ok(
    emu.state().buckets?.some((b) => b.name === 'playlist-documents-123456789012'),
    'the bucket exists',
  );

  // Prompt (the default fixtures' model answers "playlist" prompts) → the fixture's Lambda upper-cases → output.
  const run = await invoke(runtime(), 'FLOWTF0001', { genre: 'pop', number: 3 });
  t.equal(completionOf(run), 'SUCCESS');
  t.same(outputsOf(run), ['1. SONG A\n2. SONG B\n3. SONG C']);
});

t.test('posted over HTTP; a Lambda function without a fixture function fails at invoke, naming itself', async (t) => {
  const { emu, runtime } = await withEmulator(t);
  const response = await fetch(`${emu.url}/_emulator/cloudformation?stackName=tf`, { method: 'POST', body: readFileSync(STATE) });
  t.match(await response.json(), { status: 'loaded', outputs: { flow_id: 'FLOWTF0001' } });
  const run = await invoke(runtime(), 'FLOWTF0001', { genre: 'pop', number: 3 });
  t.match(
    run.error ?? run.events,
    /Function playlist-shout \(aws_lambda_function\.shout in the Terraform document\) has no behaviour in the emulator: Terraform gives no inline code\. Declare a fixture Lambda function named playlist-shout\./,
  );
});

/** The load's error: the path in the document and the reason. */
async function loadError(t: Test, doc: unknown): Promise<{ path: string; reason: string }> {
  const { emu } = await withEmulator(t);
  const before = emu.state();
  try {
    await emu.loadCloudFormation(doc as Record<string, unknown>, { stackName: 'broken' });
  } catch (err) {
    if (!(err instanceof FixtureError)) throw err;
    t.same(emu.state(), before, 'nothing applied');
    return { path: err.path, reason: err.reason };
  }
  throw new Error('the document loaded');
}

t.test('a plan whose needed value is known only after apply is refused, naming the address and attribute', async (t) => {
  const doc = state() as unknown as Record<string, unknown>;
  const flow = resource(doc as unknown as Doc, 'aws_bedrockagent_flow.playlist');
  const planned = { ...flow, values: { ...flow.values } };
  delete planned.values.execution_role_arn;
  delete planned.values.id;
  const plan = {
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: { root_module: { resources: [planned] } },
    resource_changes: [
      {
        address: 'aws_bedrockagent_flow.playlist',
        type: 'aws_bedrockagent_flow',
        change: {
          actions: ['create'],
          before: null,
          after: planned.values,
          after_unknown: { arn: true, id: true, execution_role_arn: true },
        },
      },
    ],
  };
  t.match(await loadError(t, plan), {
    path: 'aws_bedrockagent_flow.playlist.execution_role_arn',
    reason: /is known only after apply in this plan/,
  });
});

t.test('a flow definition the API refuses names the Terraform attribute path', async (t) => {
  const doc = state();
  const flow = resource(doc, 'aws_bedrockagent_flow.playlist');
  (flow.values.definition as { node: { type: string }[] }[])[0]!.node[1]!.type = 'Prompts';
  t.match(await loadError(t, doc), {
    path: 'aws_bedrockagent_flow.playlist.definition[0].node[1].type',
    reason: /^ValidationException: 1 validation error detected: Value at 'definition\.nodes\.2\.member\.type' failed to satisfy constraint/,
  });
});
