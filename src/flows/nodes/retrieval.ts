/** Retrieval: gets `objectKey` from the configured bucket (s3:GetObject); the object must be UTF-8 text. */
import { TextDecoder } from 'node:util';
import { validationException } from '../../protocol/errors.js';
import { getObject, s3Uri } from '../../fakes/s3.js';
import type { RetrievalFlowNodeConfiguration } from '../definition.js';
import { configurationOf, outputs, type NodeRunner } from '../executor/runner.js';
import { retrievalCalls } from './role-requirements.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export const retrieval: NodeRunner<RetrievalFlowNodeConfiguration> = {
  compile: (node) => configurationOf(node, 'retrieval'),
  run(ctx, inputs) {
    const bucket = ctx.node.compiled.serviceConfiguration.s3.bucketName;
    const key = inputs.objectKey as string;
    for (const call of retrievalCalls(ctx.node.compiled, key)) ctx.authorize(call.action, call.resource);
    const body = getObject(ctx.env.universe, bucket, key);
    // No action trace: AWS emits them for Prompt, Agent and Lambda nodes only (docs/behaviour.md#traces).
    ctx.record({
      serviceName: 's3',
      operationName: 'GetObject',
      operationRequest: { Bucket: bucket, Key: key },
      operationResponse: { ContentLength: body.length },
    });
    let s3Content: string;
    try {
      s3Content = utf8.decode(body);
    } catch {
      throw validationException(
        `The content of ${s3Uri(bucket, key)} is not valid UTF-8. Retrieval nodes can only read UTF-8 encoded text.`,
      );
    }
    return outputs({ s3Content });
  },
};
