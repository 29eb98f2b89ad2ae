/**
 * The world the executor and InvokeFlow tests run in: the bundled default fixtures plus the fakes below, and
 * builders for small definitions around one node.
 */
import { fileURLToPath } from 'node:url';
import type { FixtureDocument } from '../../../src/fixtures/schema.js';
import { DEFAULT_FIXTURES } from '../../../src/package-root.js';
import { dataConnection, type Json } from '../fixtures.js';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const FLOW_ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonBedrockExecutionRoleForFlows_DEFAULT001';
export const MODEL = 'amazon.nova-lite-v1:0';
export const lambdaArn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
export const BOT_ALIAS = `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/BOT0000001/ALIAS00001`;
export const AGENT_ALIAS = `arn:aws:bedrock:${REGION}:${ACCOUNT}:agent-alias/AGENT00002/AGALIAS002`;
export const PROMPT_V1 = `arn:aws:bedrock:${REGION}:${ACCOUNT}:prompt/PROMPT0001:1`;

const handler = (file: string) => fileURLToPath(new URL(`../../fixtures/lambda-handlers/${file}`, import.meta.url));

/** A flow role that trusts Bedrock but may not call Lambda. */
export const NO_LAMBDA_ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonBedrockExecutionRoleForFlows_NOLAMBDA';
const BEDROCK_TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'bedrock.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

export const TEST_FAKES: FixtureDocument = {
  account: ACCOUNT,
  region: REGION,
  roles: [
    {
      arn: NO_LAMBDA_ROLE,
      trustPolicy: BEDROCK_TRUST,
      policies: [
        { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['bedrock:InvokeModel', 's3:GetObject'], Resource: '*' }] },
      ],
    },
  ],
  buckets: [{ name: 'flow-binary', objects: { 'latin1.txt': { base64: Buffer.from([0x63, 0x61, 0x66, 0xe9]).toString('base64') } } }],
  lambdaFunctions: [
    { name: 'echo', handler: handler('echo.mjs') },
    { name: 'loopStep', handler: handler('loop-step.mjs') },
    { name: 'explode', handler: handler('throws.mjs') },
    { name: 'slow', handler: handler('slow.mjs'), timeoutMs: 50 },
    { name: 'sleepy', handler: handler('slow.mjs'), timeoutMs: 5000 },
    { name: 'broken', error: 'Access to the ledger failed' },
    { name: 'words', response: ['alpha', 'beta', 'gamma'] },
  ],
  agents: [
    {
      agentId: 'AGENT00002',
      agentName: 'orders',
      aliases: [{ agentAliasId: 'AGALIAS002', agentAliasName: 'live' }],
      responses: [
        { match: '^[0-9]+$', text: 'Order {{agentInputText}} ships tomorrow.' },
        { match: 'order', askUser: 'Which order number?' },
        { match: '.*', text: 'Ask me about an order.' },
      ],
    },
  ],
  models: [{ modelId: '*', rules: [{ match: 'Describe the band', completion: '{{artist}} rocks.' }] }],
};

export const TEST_WORLD = [DEFAULT_FIXTURES, TEST_FAKES];

export const inputNode = (type = 'Object'): Json => ({ type: 'Input', name: 'FlowInput', outputs: [{ name: 'document', type }] });
export const outputNode = (name = 'FlowOutput', type = 'String', expression = '$.data'): Json => ({
  type: 'Output',
  name,
  inputs: [{ name: 'document', type, expression }],
});

/** FlowInput → node (each input from the flow input) → FlowOutput (from the node's first output). */
export function around(node: Json, outputType = 'String', inputType = 'Object'): Json {
  return {
    nodes: [inputNode(inputType), node, outputNode('FlowOutput', outputType)],
    connections: [
      ...node.inputs.map((i: Json) => dataConnection('FlowInput', 'document', node.name, i.name)),
      dataConnection(node.name, node.outputs[0].name, 'FlowOutput', 'document'),
    ],
  };
}

export const promptNode = (name: string, text: string, inputs: [string, string, string][], modelId = MODEL): Json => ({
  type: 'Prompt',
  name,
  configuration: {
    prompt: { sourceConfiguration: { inline: { modelId, templateType: 'TEXT', templateConfiguration: { text: { text } } } } },
  },
  inputs: inputs.map(([n, type, expression]) => ({ name: n, type, expression })),
  outputs: [{ name: 'modelCompletion', type: 'String' }],
});

export const lambdaNode = (name: string, fn: string, inputs: [string, string, string][], responseType = 'Object'): Json => ({
  type: 'LambdaFunction',
  name,
  configuration: { lambdaFunction: { lambdaArn: lambdaArn(fn) } },
  inputs: inputs.map(([n, type, expression]) => ({ name: n, type, expression })),
  outputs: [{ name: 'functionResponse', type: responseType }],
});

export const knowledgeBaseNode = (name: string, extra: Json = {}, outputType = 'Array'): Json => ({
  type: 'KnowledgeBase',
  name,
  configuration: { knowledgeBase: { knowledgeBaseId: 'KB00000001', ...extra } },
  inputs: [{ name: 'retrievalQuery', type: 'String', expression: '$.data' }],
  outputs: [{ name: extra.modelId ? 'outputText' : 'retrievalResults', type: outputType }],
});

export const lexNode = (name: string): Json => ({
  type: 'Lex',
  name,
  configuration: { lex: { botAliasArn: BOT_ALIAS, localeId: 'en_US' } },
  inputs: [{ name: 'inputText', type: 'String', expression: '$.data' }],
  outputs: [{ name: 'predictedIntent', type: 'String' }],
});

export const agentNode = (name: string, agentAliasArn = AGENT_ALIAS): Json => ({
  type: 'Agent',
  name,
  configuration: { agent: { agentAliasArn } },
  inputs: [{ name: 'agentInputText', type: 'String', expression: '$.data' }],
  outputs: [{ name: 'agentResponse', type: 'String' }],
});

export const storageNode = (name: string, bucketName = 'flow-data'): Json => ({
  type: 'Storage',
  name,
  configuration: { storage: { serviceConfiguration: { s3: { bucketName } } } },
  inputs: [
    { name: 'content', type: 'String', expression: '$.data.content' },
    { name: 'objectKey', type: 'String', expression: '$.data.key' },
  ],
  outputs: [{ name: 's3Uri', type: 'String' }],
});

export const retrievalNode = (name: string, bucketName = 'flow-data'): Json => ({
  type: 'Retrieval',
  name,
  configuration: { retrieval: { serviceConfiguration: { s3: { bucketName } } } },
  inputs: [{ name: 'objectKey', type: 'String', expression: '$.data' }],
  outputs: [{ name: 's3Content', type: 'String' }],
});

export const inlineCodeNode = (name: string, code: string, inputs: [string, string, string][], responseType = 'String'): Json => ({
  type: 'InlineCode',
  name,
  configuration: { inlineCode: { code, language: 'Python_3' } },
  inputs: inputs.map(([n, type, expression]) => ({ name: n, type, expression })),
  outputs: [{ name: 'response', type: responseType }],
});

/**
 * A multi-turn flow with work on both sides of the pause: declaration order runs Echoed and Log (a Lambda call, a
 * side effect) before the agent asks; Reply and Logged come after the answer.
 */
export const pausingFlow = (): Json => ({
  nodes: [
    inputNode('String'),
    outputNode('Echoed'),
    lambdaNode('Log', 'echo', [['text', 'String', '$.data']]),
    agentNode('Orders'),
    outputNode('Reply'),
    outputNode('Logged', 'Object'),
  ],
  connections: [
    dataConnection('FlowInput', 'document', 'Echoed', 'document'),
    dataConnection('FlowInput', 'document', 'Log', 'text'),
    dataConnection('Log', 'functionResponse', 'Logged', 'document'),
    dataConnection('FlowInput', 'document', 'Orders', 'agentInputText'),
    dataConnection('Orders', 'agentResponse', 'Reply', 'document'),
  ],
});
