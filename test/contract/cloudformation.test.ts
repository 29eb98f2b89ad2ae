/**
 * CloudFormation templates as worlds (docs/cloudformation.md), through the real SDK clients: a CDK-shaped template
 * and a hand-written YAML template each load, prepare and run; the outputs are served; HTTP loading is all or
 * nothing and refuses inline code unless the operator opted in; reset deploys the start-up templates again.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetFlowAliasCommand, GetFlowCommand, GetFlowVersionCommand, GetPromptCommand } from '@aws-sdk/client-bedrock-agent';
import t from 'tap';
import { completionOf, invoke, outputsOf } from '../flows/executor/sdk.js';
import { withEmulator } from '../helpers/emulator.js';
import { startEmulator } from '../../src/index.js';
import { parseTemplate } from '../../src/cloudformation/parse-template.js';

const lambdaDefinition = {
  nodes: [
    { name: 'FlowInput', type: 'Input', outputs: [{ name: 'document', type: 'Object' }] },
    {
      name: 'Call',
      type: 'LambdaFunction',
      configuration: { lambdaFunction: { lambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:from-s3' } },
      inputs: [{ name: 'event', type: 'Object', expression: '$.data' }],
      outputs: [{ name: 'functionResponse', type: 'Object' }],
    },
    { name: 'FlowOutput', type: 'Output', inputs: [{ name: 'document', type: 'Object', expression: '$.data' }] },
  ],
  connections: [
    {
      name: 'InToCall',
      source: 'FlowInput',
      target: 'Call',
      type: 'Data',
      configuration: { data: { sourceOutput: 'document', targetInput: 'event' } },
    },
    {
      name: 'CallToOut',
      source: 'Call',
      target: 'FlowOutput',
      type: 'Data',
      configuration: { data: { sourceOutput: 'functionResponse', targetInput: 'document' } },
    },
  ],
};

const template = (name: string) => fileURLToPath(new URL(`../cloudformation/templates/${name}`, import.meta.url));
/** The outputs these templates declare (the index type alone would make each one possibly undefined). */
type Outputs = Record<'FlowId' | 'FlowAliasId' | 'AliasId', string> & Record<string, string>;

const CDK = template('PlaylistStack.template.json');
const YAML = template('short-forms.yaml');

t.test('a CDK-synthesized template: prompt, inline Lambda code, role with inline policies, version, alias, outputs', async (t) => {
  const { emu, agent, runtime } = await withEmulator(t, { cloudformation: [CDK] });
  const outputs = emu.cloudformationOutputs() as Outputs;
  t.match(outputs, {
    FlowId: /^[0-9A-Z]{10}$/,
    FlowAliasId: /^[0-9A-Z]{10}$/,
    FlowStatus: 'Prepared',
    FunctionName: /^PlaylistStack-ShoutFunction/,
  });
  t.same(await (await fetch(`${emu.url}/_emulator/cloudformation/outputs`)).json(), outputs, 'served as JSON');

  const control = agent();
  const flow = await control.send(new GetFlowCommand({ flowIdentifier: outputs.FlowId }));
  t.equal(flow.name, 'playlist-flow');
  t.equal(flow.status, 'Prepared');
  t.match(flow.executionRoleArn, /^arn:aws:iam::123456789012:role\/PlaylistStack-FlowRole9A8B7C6D-[0-9A-Z]{10}$/);
  t.match(flow.definition?.nodes?.[1], {
    type: 'Prompt',
    configuration: { prompt: { sourceConfiguration: { resource: { promptArn: /prompt\// } } } },
  });
  const promptArn = /arn:aws:bedrock:[^"]+:prompt\/[0-9A-Z]{10}/.exec(JSON.stringify(flow.definition))?.[0] ?? '';
  const prompt = await control.send(new GetPromptCommand({ promptIdentifier: promptArn }));
  t.match(prompt, { name: 'playlist-prompt', defaultVariant: 'v1', variants: [{ inferenceConfiguration: { text: { maxTokens: 200 } } }] });
  t.match(await control.send(new GetFlowVersionCommand({ flowIdentifier: outputs.FlowId, flowVersion: '1' })), {
    description: 'first release',
  });
  t.match(await control.send(new GetFlowAliasCommand({ flowIdentifier: outputs.FlowId, aliasIdentifier: outputs.FlowAliasId })), {
    name: 'live',
    routingConfiguration: [{ flowVersion: '1' }],
  });

  // Prompt → Lambda (the template's inline code upper-cases) → output, through the alias the stack made.
  const run = await invoke(runtime(), outputs.FlowId, { genre: 'pop', number: 3 }, { alias: outputs.FlowAliasId });
  t.equal(completionOf(run), 'SUCCESS');
  t.same(outputsOf(run), ['1. SONG A\n2. SONG B\n3. SONG C']);

  // reset deploys the start-up template again: same ids, same outputs.
  emu.reset();
  t.same(emu.cloudformationOutputs(), outputs);
  t.equal((await control.send(new GetFlowCommand({ flowIdentifier: outputs.FlowId }))).status, 'Prepared');
});

t.test('a hand-written YAML template with short-form intrinsics, parameters and conditions', async (t) => {
  const { emu, agent, runtime } = await withEmulator(t, {
    cloudformation: [YAML],
    parameters: { SharedTeamName: 'flows-team' },
  });
  const outputs = emu.cloudformationOutputs() as Outputs;
  t.match(outputs, { FlowId: /^[0-9A-Z]{10}$/, AliasId: /^[0-9A-Z]{10}$/, Summary: 'dev v1 (Prepared)' });
  t.equal(outputs.AliasArn, `arn:aws:bedrock:us-east-1:123456789012:flow/${outputs.FlowId}/alias/${outputs.AliasId}`);
  t.notOk('Bucket' in outputs, 'an output whose condition is false is left out');
  const flow = await agent().send(new GetFlowCommand({ flowIdentifier: outputs.FlowId }));
  t.equal(flow.name, 'playlist-dev-us');
  t.equal(flow.description, 'a dev flow for us-east-1');
  t.equal(flow.executionRoleArn, 'arn:aws:iam::123456789012:role/short-forms-flow-role');
  t.match(flow.definition?.nodes?.[1], {
    configuration: {
      prompt: {
        sourceConfiguration: {
          inline: { modelId: 'anthropic.claude-3-haiku-20240307-v1:0', inferenceConfiguration: { text: { maxTokens: 300 } } },
        },
      },
    },
  });
  const tags = emu.state().flows?.find((f) => f.flowId === outputs.FlowId)?.tags;
  t.same(tags, { encoded: Buffer.from('playlist').toString('base64'), imported: 'flows-team', genre: 'rock' });

  const run = await invoke(runtime(), outputs.FlowId, { genre: 'pop', number: 3 }, { alias: outputs.AliasId });
  t.equal(completionOf(run), 'SUCCESS');
  t.same(outputsOf(run), ['1. Song A\n2. Song B\n3. Song C']);
});

t.test('parameters choose: Stage=prod takes the other branches', async (t) => {
  const { emu, agent } = await withEmulator(t, {
    cloudformation: [YAML],
    parameters: { SharedTeamName: 'x', Stage: 'prod' },
  });
  const outputs = emu.cloudformationOutputs() as Outputs;
  t.match(outputs, { Bucket: /^short-forms-prodonlybucket-[0-9a-z]{10}$/ });
  t.equal((await agent().send(new GetFlowCommand({ flowIdentifier: outputs.FlowId }))).description, 'production flow');
  t.equal(emu.state().flows?.find((f) => f.flowId === outputs.FlowId)?.tags?.optional, 'yes');
});

t.test('fixtures first: a template uses their role and their Lambda function; a failing flow deploys Failed', async (t) => {
  const { emu, runtime } = await withEmulator(t, { cloudformation: [template('uses-fixtures.yaml')] });
  const outputs = emu.cloudformationOutputs() as Outputs;
  t.equal(outputs.UnfinishedStatus, 'Failed');
  const run = await invoke(runtime(), outputs.ClassifierId!, { text: 'hi' });
  t.equal(completionOf(run), 'SUCCESS');
  const fixture = emu.state().lambdaFunctions?.find((f) => f.name === 'classify');
  t.same(outputsOf(run), [fixture?.response], "the fixture's function answered");
});

t.test('a template Lambda function without code fails at invoke, naming itself', async (t) => {
  const { emu, runtime } = await withEmulator(t, { parameters: { SharedTeamName: 'x' } });
  const fn = {
    Type: 'AWS::Lambda::Function',
    Properties: { FunctionName: 'from-s3', Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { S3Bucket: 'b', S3Key: 'k.zip' } },
  };
  const yaml = readFileSync(YAML, 'utf8').replace('Resources:\n', `Resources:\n  Fn: ${JSON.stringify(fn)}\n`);
  const doc = parseTemplate(yaml) as { Resources: { Flow: { Properties: Record<string, unknown> } } };
  doc.Resources.Flow.Properties.DefinitionString = JSON.stringify(lambdaDefinition);
  const outputs = (await emu.loadCloudFormation(doc as Record<string, unknown>)) as Outputs;
  const run = await invoke(runtime(), outputs.FlowId, { x: 1 });
  t.match(
    run.error ?? run.events,
    /Function from-s3 \(Fn in the CloudFormation template\) has no behaviour in the emulator: it has no inline ZipFile code/,
  );
});

t.test('with --state-file, a restart loads the saved world instead of deploying the templates again', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bfe-cfn-state-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const options = { port: 0, cloudformation: [YAML], parameters: { SharedTeamName: 'x' }, stateFile: join(dir, 'world.json') };
  const first = await startEmulator(options);
  const { FlowId } = first.cloudformationOutputs() as Outputs;
  await first.close();
  const second = await withEmulator(t, options);
  t.equal((await second.agent().send(new GetFlowCommand({ flowIdentifier: FlowId }))).status, 'Prepared');
});

t.test('templates posted at once both apply: neither replaces the world the other made', async (t) => {
  const { emu } = await withEmulator(t, { allowHttpFixtureCode: true, parameters: { SharedTeamName: 'x' } });
  const [a, b] = await Promise.all([
    postTemplate(emu.url, readFileSync(CDK, 'utf8'), '?stackName=One'),
    postTemplate(emu.url, readFileSync(YAML, 'utf8'), '?stackName=Two'),
  ]);
  t.same([a.status, b.status], [200, 200]);
  const flows = emu.state().flows?.map((f) => f.name) ?? [];
  t.ok(flows.includes('playlist-flow') && flows.includes('playlist-dev-us'), 'both stacks are in the world');
});

const postTemplate = (url: string, body: string, query = '') =>
  fetch(`${url}/_emulator/cloudformation${query}`, { method: 'POST', headers: { 'content-type': 'application/yaml' }, body });

t.test('POST /_emulator/cloudformation: all or nothing, inline code refused unless allowed', async (t) => {
  const { emu, agent } = await withEmulator(t, { parameters: { SharedTeamName: 'posted' } });
  const yaml = readFileSync(YAML, 'utf8');
  const loaded = await postTemplate(emu.url, yaml, '?stackName=Posted');
  t.equal(loaded.status, 200);
  const { outputs } = (await loaded.json()) as { outputs: Outputs };
  t.equal((await agent().send(new GetFlowCommand({ flowIdentifier: outputs.FlowId }))).status, 'Prepared');
  t.same(await (await fetch(`${emu.url}/_emulator/cloudformation/outputs`)).json(), outputs);

  const again = await postTemplate(emu.url, yaml, '?stackName=Posted');
  t.equal(again.status, 400);
  t.equal(again.headers.get('x-amzn-errortype'), 'FixtureError');
  t.match(await again.json(), { file: 'POST /_emulator/cloudformation', path: '$', reason: 'a stack named Posted is already loaded' });

  const before = JSON.stringify(emu.state());
  const cdk = await postTemplate(emu.url, readFileSync(CDK, 'utf8'));
  t.equal(cdk.status, 400, 'inline Lambda code is refused over HTTP');
  t.match(await cdk.json(), {
    path: 'Resources.ShoutFunction5C6D7E8F.Properties.Code.ZipFile',
    reason: /refused in a template posted over HTTP.*--allow-http-fixture-code/,
  });
  t.equal(JSON.stringify(emu.state()), before, 'nothing applied');
  const path = await postTemplate(emu.url, '/etc/passwd');
  t.equal(path.status, 400, 'a path is text, not a file to read');
  t.match(await path.json(), { reason: /paths to files on the server are not accepted over HTTP/ });

  emu.reset();
  t.same(emu.cloudformationOutputs(), {}, 'reset drops templates loaded after start-up');
});

t.test('--allow-http-fixture-code lets a posted template run its inline code', async (t) => {
  const { emu, runtime } = await withEmulator(t, { allowHttpFixtureCode: true });
  const loaded = await postTemplate(emu.url, readFileSync(CDK, 'utf8'));
  t.equal(loaded.status, 200);
  const { outputs } = (await loaded.json()) as { outputs: Outputs };
  const run = await invoke(runtime(), outputs.FlowId, { genre: 'pop', number: 3 }, { alias: outputs.FlowAliasId });
  t.same(outputsOf(run), ['1. SONG A\n2. SONG B\n3. SONG C']);
});
