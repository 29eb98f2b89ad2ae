/** Storage: puts `content` at `objectKey` in the configured bucket (s3:PutObject); `s3Uri` names the object. */
import { putObject, s3Uri } from '../../fakes/s3.js';
import type { StorageFlowNodeConfiguration } from '../definition.js';
import { configurationOf, outputs, type NodeRunner } from '../executor/runner.js';
import { storageCalls } from './role-requirements.js';

export const storage: NodeRunner<StorageFlowNodeConfiguration> = {
  compile: (node) => configurationOf(node, 'storage'),
  run(ctx, inputs) {
    const bucket = ctx.node.compiled.serviceConfiguration.s3.bucketName;
    const key = inputs.objectKey as string;
    for (const call of storageCalls(ctx.node.compiled, key)) ctx.authorize(call.action, call.resource);
    // Text is stored as it is; any other value as its JSON.
    const body = Buffer.from(typeof inputs.content === 'string' ? inputs.content : JSON.stringify(inputs.content), 'utf8');
    putObject(ctx.env.universe, bucket, key, body);
    // No action trace: AWS emits them for Prompt, Agent and Lambda nodes only (docs/behaviour.md#traces).
    ctx.record({
      serviceName: 's3',
      operationName: 'PutObject',
      operationRequest: { Bucket: bucket, Key: key, ContentLength: body.length },
      operationResponse: {},
    });
    return outputs({ s3Uri: s3Uri(bucket, key) });
  },
};
