// Lists the flows the emulator knows, through the unmodified AWS SDK: only the endpoint (and the well-known test
// credentials) differ from talking to AWS, and both come from the standard environment variables.
//   AWS_ENDPOINT_URL=http://127.0.0.1:5050 node examples/list-flows.mjs
import { BedrockAgentClient, paginateListFlows } from '@aws-sdk/client-bedrock-agent';

process.env.AWS_ENDPOINT_URL ??= 'http://127.0.0.1:5050';
process.env.AWS_REGION ??= 'us-east-1';
if (!process.env.AWS_ACCESS_KEY_ID) Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' });

const client = new BedrockAgentClient({});
let count = 0;
for await (const page of paginateListFlows({ client }, {})) {
  for (const flow of page.flowSummaries ?? []) {
    console.log(`${flow.id}  ${flow.status.padEnd(11)}  ${flow.name}`);
    count++;
  }
}
console.log(`${count} flow(s) at ${process.env.AWS_ENDPOINT_URL}`);
client.destroy();
