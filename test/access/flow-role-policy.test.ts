/**
 * The execution-role policy generated from a flow's definition (GET /_emulator/iam/flow-role-policy), through the
 * real SDK: a role holding exactly that policy and trust policy runs a flow calling every kind of resource, and the
 * same role without any one of the statements (or one inference-profile destination) cannot.
 */
import {
  CreateFlowVersionCommand,
  GetFlowCommand,
  PrepareFlowCommand,
  UpdateFlowCommand,
  type FlowDefinition,
} from '@aws-sdk/client-bedrock-agent';
import t from 'tap';
import { DEFAULT_FIXTURES } from '../../src/package-root.js';
import { dataConnection, type Json } from '../flows/fixtures.js';
import { completionOf, deploy, invoke } from '../flows/executor/sdk.js';
import { FLOW_ROLE, withEmulator } from '../helpers/emulator.js';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/service-role/AmazonBedrockExecutionRoleForFlows_${name}`;
const BEDROCK_TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'bedrock.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const EXTRA = {
  roles: [{ arn: role('PLACEHOLDER'), trustPolicy: BEDROCK_TRUST, policies: [] }],
  lambdaFunctions: [{ name: 'versioned', qualifiers: ['live'], response: { ok: true } }],
};

const node = (type: string, name: string, configuration: Json, inputs: [string, string, string][], output: [string, string]): Json => ({
  type,
  name,
  configuration,
  inputs: inputs.map(([n, type, expression]) => ({ name: n, type, expression })),
  outputs: [{ name: output[0], type: output[1] }],
});

/** Every node type that calls something as the role, each feeding an Output node of its own. */
function everyCallFlow(): Json {
  const text: [string, string, string] = ['inputText', 'String', '$.data.text'];
  const inline = (modelId: string) => ({
    prompt: {
      sourceConfiguration: {
        inline: { modelId, templateType: 'TEXT', templateConfiguration: { text: { text: 'Say {{genre}}' } } },
      },
    },
  });
  const callers = [
    node('Prompt', 'Profiled', inline('us.amazon.nova-lite-v1:0'), [['genre', 'String', '$.data.genre']], ['modelCompletion', 'String']),
    node(
      'Prompt',
      'Managed',
      { prompt: { sourceConfiguration: { resource: { promptArn: `arn:aws:bedrock:${REGION}:${ACCOUNT}:prompt/PROMPT0001:1` } } } },
      [
        ['genre', 'String', '$.data.genre'],
        ['number', 'Number', '$.data.number'],
      ],
      ['modelCompletion', 'String'],
    ),
    node(
      'KnowledgeBase',
      'Answer',
      { knowledgeBase: { knowledgeBaseId: 'KB00000001', modelId: 'amazon.nova-pro-v1:0' } },
      [['retrievalQuery', 'String', '$.data.text']],
      ['outputText', 'String'],
    ),
    node(
      'LambdaFunction',
      'Call',
      { lambdaFunction: { lambdaArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:versioned:live` } },
      [['payload', 'Object', '$.data']],
      ['functionResponse', 'Object'],
    ),
    node(
      'Lex',
      'Intent',
      { lex: { botAliasArn: `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/BOT0000001/ALIAS00001`, localeId: 'en_US' } },
      [text],
      ['predictedIntent', 'String'],
    ),
    node(
      'Agent',
      'Ask',
      { agent: { agentAliasArn: `arn:aws:bedrock:${REGION}:${ACCOUNT}:agent-alias/AGENT00001/AGALIAS001` } },
      [['agentInputText', 'String', '$.data.text']],
      ['agentResponse', 'String'],
    ),
    node(
      'Storage',
      'Keep',
      { storage: { serviceConfiguration: { s3: { bucketName: 'flow-data' } } } },
      [
        ['content', 'String', '$.data.text'],
        ['objectKey', 'String', '$.data.key'],
      ],
      ['s3Uri', 'String'],
    ),
    node(
      'Retrieval',
      'Read',
      { retrieval: { serviceConfiguration: { s3: { bucketName: 'flow-data' } } } },
      [['objectKey', 'String', '$.data.readKey']],
      ['s3Content', 'String'],
    ),
  ];
  const outputs = callers.map((c) => ({
    type: 'Output',
    name: `${c.name}Out`,
    inputs: [{ name: 'document', type: c.outputs[0].type, expression: '$.data' }],
  }));
  return {
    nodes: [{ type: 'Input', name: 'FlowInput', outputs: [{ name: 'document', type: 'Object' }] }, ...callers, ...outputs],
    connections: [
      ...callers.flatMap((c) => c.inputs.map((i: Json) => dataConnection('FlowInput', 'document', c.name, i.name))),
      ...callers.map((c) => dataConnection(c.name, c.outputs[0].name, `${c.name}Out`, 'document')),
    ],
  };
}

const DOCUMENT = { genre: 'jazz', number: 3, text: 'refund please', key: 'out/kept.txt', readKey: 'in/greeting.txt' };

t.test('a role with exactly the generated policy runs the flow; without any one statement it cannot', async (t) => {
  const { emu, agent, runtime } = await withEmulator(t, { fixtures: [DEFAULT_FIXTURES, EXTRA] });
  const admin = agent();
  const definition = everyCallFlow();
  const flowId = await deploy(admin, definition, role('PLACEHOLDER'));
  const res = await fetch(`${emu.url}/_emulator/iam/flow-role-policy?flow=${flowId}`);
  t.equal(res.status, 200);
  const { policy, trustPolicy } = (await res.json()) as { policy: Json; trustPolicy: Json };
  t.same(emu.flowRolePolicy(flowId), { policy, trustPolicy }, 'the library answers the same');

  t.same(
    policy.Statement.map((s: Json) => s.Sid),
    [
      'BedrockInvokeAgent',
      'BedrockInvokeModel',
      'BedrockRenderPrompt',
      'BedrockRetrieveAndGenerate',
      'LambdaInvokeFunction',
      'LexRecognizeUtterance',
      'S3GetObject',
      'S3PutObject',
    ],
  );
  const invokeModel = policy.Statement.find((s: Json) => s.Sid === 'BedrockInvokeModel');
  t.same(invokeModel.Resource, [
    `arn:aws:bedrock:${REGION}:${ACCOUNT}:inference-profile/us.amazon.nova-lite-v1:0`,
    'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0',
    'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0',
    'arn:aws:bedrock:us-east-2::foundation-model/amazon.nova-lite-v1:0',
    'arn:aws:bedrock:us-west-2::foundation-model/amazon.nova-lite-v1:0',
  ]);
  t.match(policy.Statement, [
    { Resource: `arn:aws:bedrock:${REGION}:${ACCOUNT}:agent-alias/AGENT00001/AGALIAS001` },
    {},
    { Resource: `arn:aws:bedrock:${REGION}:${ACCOUNT}:prompt/PROMPT0001:1` },
    { Resource: '*' },
    { Resource: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:versioned:live` },
    { Resource: `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/BOT0000001/ALIAS00001` },
    { Resource: 'arn:aws:s3:::flow-data/*' },
    { Resource: 'arn:aws:s3:::flow-data/*' },
  ]);
  t.same(trustPolicy.Statement[0].Condition, {
    StringEquals: { 'aws:SourceAccount': ACCOUNT },
    ArnLike: { 'aws:SourceArn': `arn:aws:bedrock:${REGION}:${ACCOUNT}:flow/${flowId}` },
  });

  // One role a variant: the whole policy, each statement left out, and one profile destination left out.
  const variants: [string, Json[]][] = [
    ['FULL', policy.Statement],
    ...policy.Statement.map((s: Json, i: number): [string, Json[]] => [
      `NO${s.Sid.toUpperCase()}`,
      policy.Statement.filter((_: Json, j: number) => j !== i),
    ]),
    [
      'NOUSWEST2',
      policy.Statement.map((s: Json) =>
        s === invokeModel ? { ...s, Resource: s.Resource.filter((r: string) => !r.startsWith('arn:aws:bedrock:us-west-2')) } : s,
      ),
    ],
  ];
  await emu.load({
    roles: variants.map(([name, statements]) => ({
      arn: role(name),
      trustPolicy,
      policies: [{ Version: '2012-10-17', Statement: statements }],
    })),
  });
  for (const [name] of variants) {
    await admin.send(
      new UpdateFlowCommand({
        flowIdentifier: flowId,
        name: 'every-call',
        executionRoleArn: role(name),
        definition: definition as FlowDefinition,
      }),
    );
    await admin.send(new PrepareFlowCommand({ flowIdentifier: flowId }));
    const run = await invoke(runtime(), flowId, DOCUMENT);
    if (name === 'FULL') {
      t.equal(run.error, undefined, 'the generated policy is enough');
      t.equal(completionOf(run), 'SUCCESS');
    } else {
      t.match(run.error, { name: 'AccessDeniedException' }, `${name}: denied`);
    }
  }
});

t.test('versions, worlds and bad queries', async (t) => {
  const { emu, agent } = await withEmulator(t);
  // Version 1 keeps the playlist's model; the draft then moves to another one.
  await agent().send(new CreateFlowVersionCommand({ flowIdentifier: 'FLOW000001' }));
  const draft = (await agent().send(new GetFlowCommand({ flowIdentifier: 'FLOW000001' }))).definition as Json;
  draft.nodes[1].configuration.prompt.sourceConfiguration.inline.modelId = 'amazon.nova-pro-v1:0';
  await agent().send(
    new UpdateFlowCommand({ flowIdentifier: 'FLOW000001', name: 'playlist', executionRoleArn: FLOW_ROLE, definition: draft }),
  );
  const get = (query: string) => fetch(`${emu.url}/_emulator/iam/flow-role-policy${query}`);
  const missing = await get('');
  t.equal(missing.status, 400);
  t.match(await missing.json(), { message: /flow query parameter is required/ });
  t.equal((await get('?flow=NOSUCHFLOW')).status, 404);
  t.equal((await get('?flow=FLOW000001&version=9')).status, 404);
  t.equal((await get('?flow=FLOW000001&region=eu-west-9')).status, 404);
  const state = (await (await fetch(`${emu.url}/_emulator/state`)).json()) as Json;
  t.notOk(JSON.stringify(state).includes('eu-west-9'), 'asking created no world');
  const playlist = (await (await get('?flow=FLOW000001&version=DRAFT')).json()) as Json;
  t.match(playlist.policy.Statement, [{ Resource: /nova-pro-v1:0$/ }], 'the draft');
  const v1 = (await (await get('?flow=FLOW000001&version=1')).json()) as Json;
  t.same(v1.policy.Statement, [
    {
      Sid: 'BedrockInvokeModel',
      Effect: 'Allow',
      Action: 'bedrock:InvokeModel',
      Resource: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0',
    },
  ]);
});
