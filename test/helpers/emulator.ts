/** Starts an emulator for a test file and builds real SDK clients against it (default HTTP handlers). */
import { BedrockAgentClient } from '@aws-sdk/client-bedrock-agent';
import { BedrockAgentRuntimeClient } from '@aws-sdk/client-bedrock-agent-runtime';
import type { Test } from 'tap';
import { startEmulator, type RunningEmulator, type StartOptions } from '../../src/index.js';
import { playlistFlow } from '../flows/fixtures.js';

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
    // A copy: the SDK marks the credentials object it is given (`$source`), and the constants above are shared by
    // every test file of a suite (test/helpers/suite.ts).
    agent: (credentials = ADMIN, region = 'us-east-1') =>
      track(new BedrockAgentClient({ endpoint: emu.url, region, credentials: { ...credentials }, maxAttempts: 1 })),
    runtime: (credentials = ADMIN, region = 'us-east-1') =>
      track(new BedrockAgentRuntimeClient({ endpoint: emu.url, region, credentials: { ...credentials }, maxAttempts: 1 })),
  };
}

/** A minimal valid definition: the AWS user guide's playlist flow (one copy, in the flow fixtures). */
export const PLAYLIST_DEFINITION = playlistFlow();
