/**
 * A flow that streams an output at once, then calls a slow Lambda twice before its last output: a client can
 * leave it mid-stream, and the handler's counters show whether the run kept going without it.
 */
import { fileURLToPath } from 'node:url';
import type { FixtureDocument } from '../../src/fixtures/schema.js';

export const SLOW_FLOW_ID = 'SLOWFLOW01';
export const SLEEP_HANDLER = fileURLToPath(new URL('./handlers/sleep.mjs', import.meta.url));
const ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonBedrockExecutionRoleForFlows_DEFAULT001';
const lambdaArn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

const data = (source: string, sourceOutput: string, target: string, targetInput: string) => ({
  name: `${source}_${target}`,
  source,
  target,
  type: 'Data',
  configuration: { data: { sourceOutput, targetInput } },
});
const lambda = (name: string) => ({
  type: 'LambdaFunction',
  name,
  configuration: { lambdaFunction: { lambdaArn: lambdaArn('sleepy') } },
  inputs: [{ name: 'event', type: 'Object', expression: '$.data' }],
  outputs: [{ name: 'functionResponse', type: 'Object' }],
});

/** A CreateFlow body plus the fixture-only members (not a fresh literal, so FlowFixture's typing accepts it). */
const slowFlow = {
  flowId: SLOW_FLOW_ID,
  name: 'slow',
  executionRoleArn: ROLE,
  prepare: true,
  definition: {
    nodes: [
      { type: 'Input', name: 'FlowInput', outputs: [{ name: 'document', type: 'Object' }] },
      { type: 'Output', name: 'Early', inputs: [{ name: 'document', type: 'Object', expression: '$.data' }] },
      lambda('SleepOne'),
      lambda('SleepTwo'),
      { type: 'Output', name: 'Late', inputs: [{ name: 'document', type: 'Object', expression: '$.data' }] },
    ],
    connections: [
      data('FlowInput', 'document', 'Early', 'document'),
      data('FlowInput', 'document', 'SleepOne', 'event'),
      data('SleepOne', 'functionResponse', 'SleepTwo', 'event'),
      data('SleepTwo', 'functionResponse', 'Late', 'document'),
    ],
  },
};

export const SLOW_FLOW_FIXTURE: FixtureDocument = {
  account: '123456789012',
  region: 'us-east-1',
  lambdaFunctions: [{ name: 'sleepy', handler: SLEEP_HANDLER }],
  flows: [slowFlow],
};
