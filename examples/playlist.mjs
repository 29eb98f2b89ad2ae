// The Amazon Bedrock user guide's playlist flow, end to end, with the unmodified AWS SDK: create the flow
// (Input → Prompt → Output), prepare it, publish version 1 behind an alias, invoke it through the alias, print the
// output documents, delete the flow. Against AWS it would be the same code without AWS_ENDPOINT_URL.
//   AWS_ENDPOINT_URL=http://127.0.0.1:5050 node examples/playlist.mjs
import {
  BedrockAgentClient,
  CreateFlowAliasCommand,
  CreateFlowCommand,
  CreateFlowVersionCommand,
  DeleteFlowCommand,
  GetFlowCommand,
  PrepareFlowCommand,
} from '@aws-sdk/client-bedrock-agent';
import { BedrockAgentRuntimeClient, InvokeFlowCommand } from '@aws-sdk/client-bedrock-agent-runtime';

// Both clients read the endpoint, region and credentials from the standard environment variables.
process.env.AWS_ENDPOINT_URL ??= 'http://127.0.0.1:5050';
process.env.AWS_REGION ??= 'us-east-1';
if (!process.env.AWS_ACCESS_KEY_ID) Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' });

const ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonBedrockExecutionRoleForFlows_DEFAULT001';
const data = (source, sourceOutput, target, targetInput) => ({
  name: `${source}_${target}_${targetInput}`,
  source,
  target,
  type: 'Data',
  configuration: { data: { sourceOutput, targetInput } },
});
const definition = {
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
    data('FlowInput', 'document', 'MakePlaylist', 'genre'),
    data('FlowInput', 'document', 'MakePlaylist', 'number'),
    data('MakePlaylist', 'modelCompletion', 'FlowOutput', 'document'),
  ],
};

const agent = new BedrockAgentClient({});
const runtime = new BedrockAgentRuntimeClient({});
let flowId;
try {
  const flow = await agent.send(new CreateFlowCommand({ name: 'playlist-example', executionRoleArn: ROLE, definition }));
  flowId = flow.id;
  console.log(`flow created: ${flowId} (${flow.status})`);

  // PrepareFlow answers Preparing at once; GetFlow tells when it is done.
  await agent.send(new PrepareFlowCommand({ flowIdentifier: flowId }));
  let status;
  for (const deadline = Date.now() + 30_000; ; await new Promise((r) => setTimeout(r, 200))) {
    const got = await agent.send(new GetFlowCommand({ flowIdentifier: flowId, includedData: 'METADATA_ONLY' }));
    status = got.status;
    if (status === 'Failed') throw new Error(`preparation failed: ${JSON.stringify(got.validations)}`);
    if (status !== 'Preparing' || Date.now() > deadline) break;
  }
  if (status !== 'Prepared') throw new Error(`flow still ${status} after 30 s`);
  console.log(`flow prepared: ${status}`);

  const { version } = await agent.send(new CreateFlowVersionCommand({ flowIdentifier: flowId }));
  console.log(`version created: ${version}`);
  const alias = await agent.send(
    new CreateFlowAliasCommand({ flowIdentifier: flowId, name: 'live', routingConfiguration: [{ flowVersion: version }] }),
  );
  console.log(`alias created: ${alias.id} (${alias.name} → version ${version})`);

  const document = { genre: 'pop', number: 3 };
  console.log(`invoking with ${JSON.stringify(document)}`);
  const response = await runtime.send(
    new InvokeFlowCommand({
      flowIdentifier: flowId,
      flowAliasIdentifier: alias.id,
      inputs: [{ nodeName: 'FlowInput', nodeOutputName: 'document', content: { document } }],
    }),
  );
  // In-stream failures (a node that cannot run) are thrown by this loop, named like the AWS exceptions.
  for await (const event of response.responseStream) {
    if (event.flowOutputEvent) {
      const out = event.flowOutputEvent.content.document;
      console.log(`output from ${event.flowOutputEvent.nodeName}:\n${typeof out === 'string' ? out : JSON.stringify(out)}`);
    } else if (event.flowCompletionEvent) {
      console.log(`completion: ${event.flowCompletionEvent.completionReason}`);
    }
  }
} catch (err) {
  console.error(`failed: ${err.name}: ${err.message}`);
  process.exitCode = 1;
} finally {
  // Deleting the flow deletes its versions and aliases too; skip the in-use check the alias would trigger.
  if (flowId) {
    await agent.send(new DeleteFlowCommand({ flowIdentifier: flowId, skipResourceInUseCheck: true }));
    console.log('flow deleted');
  }
  agent.destroy();
  runtime.destroy();
}
