/**
 * PrepareFlow checks what a flow references against the fake world (README, IAM behaviour): each kind of prerequisite, missing
 * then present, and the execution role (missing, or not assumable by Bedrock).
 */
import { CreateFlowCommand, GetFlowCommand, PrepareFlowCommand, type FlowDefinition } from '@aws-sdk/client-bedrock-agent';
import t from 'tap';
import { DEFAULT_FIXTURES } from '../../src/package-root.js';
import { FLOW_ROLE, PLAYLIST_DEFINITION, withEmulator } from '../helpers/emulator.js';

const ACCOUNT = '123456789012';
const arn = (service: string, resource: string) => `arn:aws:${service}:us-east-1:${ACCOUNT}:${resource}`;

interface Port {
  name: string;
  type: string;
  expression?: string;
}

/** Input → node → Output, the node's inputs fed from fields of the input document. */
function around(type: string, configuration: object, inputs: Port[], output: Port): FlowDefinition {
  return {
    nodes: [
      { type: 'Input', name: 'In', outputs: [{ name: 'document', type: 'Object' }] },
      { type, name: 'Node', configuration, inputs: inputs.map((i) => ({ ...i, expression: `$.data.${i.name}` })), outputs: [output] },
      { type: 'Output', name: 'Out', inputs: [{ name: 'document', type: output.type, expression: '$.data' }] },
    ],
    connections: [
      ...inputs.map((i) => ({
        name: `In_${i.name}`,
        type: 'Data',
        source: 'In',
        target: 'Node',
        configuration: { data: { sourceOutput: 'document', targetInput: i.name } },
      })),
      {
        name: 'NodeOut',
        type: 'Data',
        source: 'Node',
        target: 'Out',
        configuration: { data: { sourceOutput: output.name, targetInput: 'document' } },
      },
    ],
  } as FlowDefinition;
}

const s = (name: string): Port => ({ name, type: 'String' });

const cases: { kind: string; missing: FlowDefinition; present: FlowDefinition; message: RegExp }[] = [
  {
    kind: 'prompt',
    missing: around(
      'Prompt',
      { prompt: { sourceConfiguration: { resource: { promptArn: arn('bedrock', 'prompt/NOPROMPT01') } } } },
      [s('genre'), s('number')],
      s('modelCompletion'),
    ),
    present: around(
      'Prompt',
      { prompt: { sourceConfiguration: { resource: { promptArn: arn('bedrock', 'prompt/PROMPT0001') } } } },
      [s('genre'), s('number')],
      s('modelCompletion'),
    ),
    message: /prompt/,
  },
  {
    kind: 'prompt version',
    missing: around(
      'Prompt',
      { prompt: { sourceConfiguration: { resource: { promptArn: arn('bedrock', 'prompt/PROMPT0001:5') } } } },
      [s('genre'), s('number')],
      s('modelCompletion'),
    ),
    present: around(
      'Prompt',
      { prompt: { sourceConfiguration: { resource: { promptArn: arn('bedrock', 'prompt/PROMPT0001:1') } } } },
      [s('genre'), s('number')],
      s('modelCompletion'),
    ),
    message: /version 5/,
  },
  {
    kind: 'knowledge base',
    missing: around('KnowledgeBase', { knowledgeBase: { knowledgeBaseId: 'NOSUCHKB01' } }, [s('retrievalQuery')], {
      name: 'retrievalResults',
      type: 'Array',
    }),
    present: around('KnowledgeBase', { knowledgeBase: { knowledgeBaseId: 'KB00000001' } }, [s('retrievalQuery')], {
      name: 'retrievalResults',
      type: 'Array',
    }),
    message: /NOSUCHKB01/,
  },
  {
    kind: 'agent alias',
    missing: around(
      'Agent',
      { agent: { agentAliasArn: arn('bedrock', 'agent-alias/AGENT00001/NOALIAS001') } },
      [s('agentInputText')],
      s('agentResponse'),
    ),
    present: around(
      'Agent',
      { agent: { agentAliasArn: arn('bedrock', 'agent-alias/AGENT00001/AGALIAS001') } },
      [s('agentInputText')],
      s('agentResponse'),
    ),
    message: /agent alias/,
  },
  {
    kind: 'Lambda function',
    missing: around(
      'LambdaFunction',
      { lambdaFunction: { lambdaArn: arn('lambda', 'function:nope') } },
      [s('codeHookInput')],
      s('functionResponse'),
    ),
    present: around(
      'LambdaFunction',
      { lambdaFunction: { lambdaArn: arn('lambda', 'function:classify') } },
      [s('codeHookInput')],
      s('functionResponse'),
    ),
    message: /function:nope/,
  },
  {
    kind: 'Lambda qualifier',
    missing: around(
      'LambdaFunction',
      { lambdaFunction: { lambdaArn: arn('lambda', 'function:classify:live') } },
      [s('codeHookInput')],
      s('functionResponse'),
    ),
    present: around(
      'LambdaFunction',
      { lambdaFunction: { lambdaArn: arn('lambda', 'function:classify:$LATEST') } },
      [s('codeHookInput')],
      s('functionResponse'),
    ),
    message: /live/,
  },
  {
    kind: 'Lex bot alias',
    missing: around(
      'Lex',
      { lex: { botAliasArn: arn('lex', 'bot-alias/BOT0000001/NOALIAS001'), localeId: 'en_US' } },
      [s('inputText')],
      s('predictedIntent'),
    ),
    present: around(
      'Lex',
      { lex: { botAliasArn: arn('lex', 'bot-alias/BOT0000001/ALIAS00001'), localeId: 'en_US' } },
      [s('inputText')],
      s('predictedIntent'),
    ),
    message: /Lex bot alias/,
  },
  {
    kind: 'Lex locale',
    missing: around(
      'Lex',
      { lex: { botAliasArn: arn('lex', 'bot-alias/BOT0000001/ALIAS00001'), localeId: 'fr_FR' } },
      [s('inputText')],
      s('predictedIntent'),
    ),
    present: around(
      'Lex',
      { lex: { botAliasArn: arn('lex', 'bot-alias/BOT0000001/ALIAS00001'), localeId: 'en_US' } },
      [s('inputText')],
      s('predictedIntent'),
    ),
    message: /fr_FR/,
  },
  {
    kind: 'S3 bucket (storage)',
    missing: around(
      'Storage',
      { storage: { serviceConfiguration: { s3: { bucketName: 'no-such-bucket' } } } },
      [s('content'), s('objectKey')],
      s('s3Uri'),
    ),
    present: around(
      'Storage',
      { storage: { serviceConfiguration: { s3: { bucketName: 'flow-data' } } } },
      [s('content'), s('objectKey')],
      s('s3Uri'),
    ),
    message: /no-such-bucket/,
  },
  {
    kind: 'S3 bucket (retrieval)',
    missing: around(
      'Retrieval',
      { retrieval: { serviceConfiguration: { s3: { bucketName: 'no-such-bucket' } } } },
      [s('objectKey')],
      s('s3Content'),
    ),
    present: around(
      'Retrieval',
      { retrieval: { serviceConfiguration: { s3: { bucketName: 'flow-data' } } } },
      [s('objectKey')],
      s('s3Content'),
    ),
    message: /no-such-bucket/,
  },
];

t.test('each missing prerequisite fails PrepareFlow; present, it prepares', async (t) => {
  const { agent } = await withEmulator(t);
  const client = agent();
  const prepared = async (name: string, definition: FlowDefinition, role = FLOW_ROLE) => {
    const flow = await client.send(new CreateFlowCommand({ name, executionRoleArn: role, definition }));
    await client.send(new PrepareFlowCommand({ flowIdentifier: flow.id }));
    return client.send(new GetFlowCommand({ flowIdentifier: flow.id }));
  };
  for (const [i, c] of cases.entries()) {
    const failed = await prepared(`missing${i}`, c.missing);
    t.equal(failed.status, 'Failed', `${c.kind} missing: Failed`);
    t.match(failed.validations, [{ severity: 'Error', type: 'Unspecified', message: c.message }], `${c.kind} missing: named`);
    const ok = await prepared(`present${i}`, c.present);
    t.equal(ok.status, 'Prepared', `${c.kind} present: Prepared ${JSON.stringify(ok.validations ?? [])}`);
  }
});

t.test('the execution role must exist and let Bedrock assume it', async (t) => {
  const untrusted = 'arn:aws:iam::123456789012:role/service-role/AmazonBedrockExecutionRoleForFlows_UNTRUSTED';
  const { agent } = await withEmulator(t, {
    fixtures: [
      DEFAULT_FIXTURES,
      {
        roles: [
          {
            arn: untrusted,
            trustPolicy: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
            },
          },
        ],
      },
    ],
  });
  const client = agent();
  const definition = PLAYLIST_DEFINITION as unknown as FlowDefinition;
  for (const [role, message] of [
    ['arn:aws:iam::123456789012:role/service-role/AmazonBedrockExecutionRoleForFlows_MISSING', /does not exist/],
    [untrusted, /cannot assume the execution role/],
  ] as const) {
    const flow = await client.send(new CreateFlowCommand({ name: 'roles', executionRoleArn: role, definition }));
    await client.send(new PrepareFlowCommand({ flowIdentifier: flow.id }));
    const got = await client.send(new GetFlowCommand({ flowIdentifier: flow.id }));
    t.equal(got.status, 'Failed');
    t.match(got.validations, [{ severity: 'Error', message }]);
  }
});
