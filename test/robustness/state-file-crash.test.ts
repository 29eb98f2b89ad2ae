/**
 * --state-file survives a crash mid-save: the CLI is killed (SIGKILL) halfway through writing the state on
 * SIGTERM, and the state file from before must still be whole, so the next start loads it.
 */
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BedrockAgentClient, CreateFlowCommand, GetFlowCommand } from '@aws-sdk/client-bedrock-agent';
import t from 'tap';
import { DEFAULT_FIXTURES } from '../../src/package-root.js';
import { saveStateFile } from '../../src/fixtures/save-state-file.js';
import { ADMIN, FLOW_ROLE, PLAYLIST_DEFINITION } from '../helpers/emulator.js';
import { startCli } from './cli-process.js';

const CRASH_PRELOAD = new URL('./handlers/crash-mid-save.cjs', import.meta.url).pathname;

t.test('SIGKILL halfway through the save on SIGTERM leaves the old state file whole', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bfe-crash-save-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const stateFile = join(dir, 'state.json');
  // A world saved earlier: the default fixtures plus one flow.
  const saved = JSON.parse(readFileSync(DEFAULT_FIXTURES, 'utf8'));
  saved.flows = [
    ...(saved.flows ?? []),
    { flowId: 'KEPTFLOW01', name: 'kept', executionRoleArn: FLOW_ROLE, definition: PLAYLIST_DEFINITION },
  ];
  writeFileSync(stateFile, JSON.stringify(saved, null, 2));
  const before = readFileSync(stateFile, 'utf8');

  const crashing = startCli(['--state-file', stateFile], ['--require', CRASH_PRELOAD], { BFE_CRASH_SAVE_DIR: dir });
  t.teardown(() => void crashing.child.kill('SIGKILL'));
  const agent = new BedrockAgentClient({ endpoint: await crashing.url, region: 'us-east-1', credentials: ADMIN, maxAttempts: 1 });
  t.teardown(() => agent.destroy());
  await agent.send(
    new CreateFlowCommand({ name: 'lost-in-the-crash', executionRoleArn: FLOW_ROLE, definition: PLAYLIST_DEFINITION as never }),
  );
  crashing.child.kill('SIGTERM');
  t.equal(await crashing.exited, 'SIGKILL', 'the process died during the save');

  t.equal(readFileSync(stateFile, 'utf8'), before, 'the state file is the one from before, byte for byte');
  const next = startCli(['--state-file', stateFile]);
  t.teardown(() => void next.child.kill('SIGKILL'));
  const again = new BedrockAgentClient({ endpoint: await next.url, region: 'us-east-1', credentials: ADMIN, maxAttempts: 1 });
  t.teardown(() => again.destroy());
  const kept = await again.send(new GetFlowCommand({ flowIdentifier: 'KEPTFLOW01' }));
  t.equal(kept.name, 'kept', 'the next start loads the old world');
  next.child.kill('SIGTERM');
  t.equal(await next.exited, 0, 'and stops cleanly');
});

t.test('a save that fails leaves the old file and no temporary file', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bfe-save-fail-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const stateFile = join(dir, 'state.json');
  writeFileSync(stateFile, '{"flows":[]}');
  // A folder where the file should be: the rename over it fails after the temporary file was written.
  const blocked = join(dir, 'blocked.json');
  const { mkdirSync, readdirSync } = await import('node:fs');
  mkdirSync(join(blocked, 'inside'), { recursive: true });
  t.throws(() => saveStateFile(blocked, { flows: [] }), 'the failed save throws');
  t.same(readdirSync(dir).sort(), ['blocked.json', 'state.json'], 'no temporary file is left behind');
  saveStateFile(stateFile, { region: 'us-east-1' });
  t.same(JSON.parse(readFileSync(stateFile, 'utf8')), { region: 'us-east-1' }, 'a good save replaces the file');
});
