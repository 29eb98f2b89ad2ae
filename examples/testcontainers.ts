/**
 * The emulator as a Testcontainers container (needs a Docker engine; `npm i -D testcontainers`). Use it where an
 * in-process startEmulator() is not an option, e.g. when the code under test is not Node. The image's own
 * HEALTHCHECK is the wait strategy, so start() returns once the emulator answers.
 */
import { BedrockAgentClient, ListFlowsCommand } from '@aws-sdk/client-bedrock-agent';
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';

export async function startEmulatorContainer(fixtureFile?: string): Promise<StartedTestContainer> {
  // Either build from a checkout of this repository, or use an image you pushed: new GenericContainer('REGISTRY/bedrock-flows-emulator:TAG').
  const image = await GenericContainer.fromDockerfile('path/to/bedrock-flows-emulator').build('bedrock-flows-emulator:local', {
    deleteOnExit: false, // keep it between test runs: the build is the slow part
  });
  let container = image.withExposedPorts(5050).withWaitStrategy(Wait.forHealthCheck());
  if (fixtureFile) {
    // Your fixtures replace the bundled ones: the image reads BFE_FIXTURES=/fixtures/default.json.
    container = container.withCopyFilesToContainer([{ source: fixtureFile, target: '/fixtures/default.json' }]);
  }
  return container.start();
}

// Usage:
const emulator = await startEmulatorContainer();
const client = new BedrockAgentClient({
  endpoint: `http://${emulator.getHost()}:${emulator.getMappedPort(5050)}`,
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});
console.log((await client.send(new ListFlowsCommand({}))).flowSummaries);
client.destroy();
await emulator.stop();
