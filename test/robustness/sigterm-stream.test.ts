/**
 * SIGTERM with an InvokeFlow stream that would not end for a minute: the CLI must exit well inside docker stop's
 * 10 s grace, end the stream with an internalServerException frame (a stream that just stops reads as success to
 * the SDK), and still save the state file. Bounded by tap's timeout, not by a timed assertion. It runs with a drain of
 * 300 ms instead of the default 5 s (--drain-ms; the default is checked in test/cli/drain-ms-flag.test.ts): the
 * stream is cut after the drain whatever its length, and waiting out 5 s of it proved nothing more.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BedrockAgentRuntimeClient, InvokeFlowCommand } from '@aws-sdk/client-bedrock-agent-runtime';
import t from 'tap';
import { DEFAULT_FIXTURES } from '../../src/package-root.js';
import { ADMIN } from '../helpers/emulator.js';
import { startCli } from './cli-process.js';
import { SLOW_FLOW_FIXTURE, SLOW_FLOW_ID } from './slow-flow.js';

t.test('SIGTERM cuts a never-ending stream with an exception frame and exits', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bfe-sigterm-stream-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const stateFile = join(dir, 'state.json');
  const slowFixture = join(dir, 'slow.json');
  writeFileSync(slowFixture, JSON.stringify(SLOW_FLOW_FIXTURE));
  const cli = startCli(['--state-file', stateFile, '--fixtures', DEFAULT_FIXTURES, '--fixtures', slowFixture, '--drain-ms', '300']);
  t.teardown(() => void cli.child.kill('SIGKILL'));
  const runtime = new BedrockAgentRuntimeClient({ endpoint: await cli.url, region: 'us-east-1', credentials: ADMIN, maxAttempts: 1 });
  t.teardown(() => runtime.destroy());

  // The slow flow's Lambda sleeps a minute: far past any shutdown deadline.
  const events: string[] = [];
  let failure: { name: string; message: string } | undefined;
  const inFlight = (async () => {
    const res = await runtime.send(
      new InvokeFlowCommand({
        flowIdentifier: SLOW_FLOW_ID,
        flowAliasIdentifier: 'TSTALIASID',
        inputs: [{ nodeName: 'FlowInput', nodeOutputName: 'document', content: { document: { sleepMs: 60_000 } } }],
      }),
    );
    for await (const event of res.responseStream!) events.push(Object.keys(event)[0]!);
  })().catch((err: Error) => (failure = { name: err.name, message: err.message }));
  while (events.length === 0 && failure === undefined) await new Promise((r) => setTimeout(r, 10));
  t.same(events, ['flowOutputEvent'], 'the stream is open, its first event read');

  const sent = Date.now();
  cli.child.kill('SIGTERM');
  t.equal(await cli.exited, 0, 'the CLI exits, with code 0');
  t.comment(`exited ${Date.now() - sent} ms after SIGTERM`);
  await inFlight;
  t.same(events, ['flowOutputEvent'], 'no completion event');
  t.equal(failure?.name, 'InternalServerException', 'the SDK sees the stream fail with InternalServerException', { failure });
  t.match(failure?.message, /shutting down/, 'saying why');
  t.match(cli.output(), /draining and stopping/, 'the shutdown is logged');
  t.ok(existsSync(stateFile) && JSON.parse(readFileSync(stateFile, 'utf8')).flows.length > 0, 'the state file is saved');
});
