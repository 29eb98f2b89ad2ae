/** Starts an emulator for a test file and builds real SDK clients against it (default HTTP handlers). */
import { BedrockAgentClient } from '@aws-sdk/client-bedrock-agent';
import { BedrockAgentRuntimeClient } from '@aws-sdk/client-bedrock-agent-runtime';
import type { Test } from 'tap';
import { startEmulator, type RunningEmulator, type StartOptions } from '../../src/index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export const ADMIN = { accessKeyId: 'test', secretAccessKey: 'test' };
export const FLOW_DEVELOPER = { accessKeyId: 'AKIAFLOWDEV000000001', secretAccessKey: 'flow-developer-secret' };
export const BEDROCK_FULL = { accessKeyId: 'AKIABEDROCKFULL00001', secretAccessKey: 'bedrock-full-access-secret' };
export const FLOW_ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonBedrockExecutionRoleForFlows_DEFAULT001';

/** A world with nothing but an administrator holding `test`/`test`. */
export const ADMIN_ONLY = {
  identities: [
    {
      arn: 'arn:aws:iam::123456789012:user/admin',
      accessKeyId: 'test',
      secretAccessKey: 'test',
      policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }],
    },
  ],
};

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface Harness {
  emu: RunningEmulator;
  agent(credentials?: Credentials, region?: string): BedrockAgentClient;
  runtime(credentials?: Credentials, region?: string): BedrockAgentRuntimeClient;
}

export async function withEmulator(t: Test, options: StartOptions = {}): Promise<Harness> {
  const emu = await startEmulator({ port: 0, ...options });
  const clients: { destroy(): void }[] = [];
  t.teardown(async () => {
    for (const c of clients) c.destroy();
    await emu.close();
  });
  const track = <C extends { destroy(): void }>(c: C) => (clients.push(c), c);
  return {
    emu,
    agent: (credentials = ADMIN, region = 'us-east-1') =>
      track(new BedrockAgentClient({ endpoint: emu.url, region, credentials, maxAttempts: 1 })),
    runtime: (credentials = ADMIN, region = 'us-east-1') =>
      track(new BedrockAgentRuntimeClient({ endpoint: emu.url, region, credentials, maxAttempts: 1 })),
  };
}

/** A minimal valid definition: the AWS user guide's playlist flow. */
export const PLAYLIST_DEFINITION = {
  nodes: [
    { type: 'Input', name: 'FlowInput', outputs: [{ name: 'document', type: 'Object' }] },
    {
      type: 'Prompt',
      name: 'MakePlaylist',
      configuration: {
        prompt: {
          sourceConfiguration: {
            inline: {
              modelId: 'amazon.nova-lite-v1:0',
              templateType: 'TEXT',
              inferenceConfiguration: { text: { temperature: 0.8 } },
              templateConfiguration: {
                text: { text: 'Make me a {{genre}} playlist consisting of the following number of songs: {{number}}.' },
              },
            },
          },
        },
      },
      inputs: [
        { name: 'genre', type: 'String', expression: '$.data.genre' },
        { name: 'number', type: 'Number', expression: '$.data.number' },
      ],
      outputs: [{ name: 'modelCompletion', type: 'String' }],
    },
    { type: 'Output', name: 'FlowOutput', inputs: [{ name: 'document', type: 'String', expression: '$.data' }] },
  ],
  connections: [
    { name: 'FlowInput_MakePlaylist_genre', source: 'FlowInput', target: 'MakePlaylist', type: 'Data', configuration: { data: { sourceOutput: 'document', targetInput: 'genre' } } },
    { name: 'FlowInput_MakePlaylist_number', source: 'FlowInput', target: 'MakePlaylist', type: 'Data', configuration: { data: { sourceOutput: 'document', targetInput: 'number' } } },
    { name: 'MakePlaylist_FlowOutput', source: 'MakePlaylist', target: 'FlowOutput', type: 'Data', configuration: { data: { sourceOutput: 'modelCompletion', targetInput: 'document' } } },
  ],
} as const;
