/**
 * Patterns that froze the event loop with a backtracking RegExp: an IAM StringLike `a*a*a*a*a*a*b` against a
 * request tag of 250 `a`s (signed CreateFlow), and a model rule `(\w+\s?)+$` against a flow input of 30 `a`s and a
 * `!` (InvokeFlow). The emulator runs in a child process so that a freeze shows as `GET /_emulator/health` not
 * answering while the attack runs (a liveness bound, not a timing assertion). Rules RE2 cannot run in linear time
 * (lookaround, backreferences) are refused at load with file, JSON path and reason.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BedrockAgentClient, CreateFlowCommand } from '@aws-sdk/client-bedrock-agent';
import { BedrockAgentRuntimeClient, InvokeFlowCommand } from '@aws-sdk/client-bedrock-agent-runtime';
import t, { type Test } from 'tap';
import { DEFAULT_FIXTURES } from '../../src/package-root.js';
import { MODEL, around, promptNode } from '../flows/executor/world.js';
import { ADMIN, ADMIN_ONLY, FLOW_ROLE, withEmulator } from '../helpers/emulator.js';
import { startCli } from './cli-process.js';

const ACCOUNT = '123456789012';
const TAGGER = { accessKeyId: 'AKIAGLOBTAGGER000001', secretAccessKey: 'glob-tagger-secret' };
const FLOW_ID = 'REGEXFLOW1';
const LIVENESS_MS = 10_000;

const world = {
  account: ACCOUNT,
  region: 'us-east-1',
  identities: [
    {
      arn: `arn:aws:iam::${ACCOUNT}:user/glob-tagger`,
      ...TAGGER,
      policies: [
        {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'bedrock:CreateFlow',
              Resource: '*',
              Condition: { StringLike: { 'aws:RequestTag/team': 'a*a*a*a*a*a*b' } },
            },
            { Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::${ACCOUNT}:role/*e*e*e*e*_DEFAULT001` },
          ],
        },
      ],
    },
  ],
  models: [{ modelId: MODEL, rules: [{ match: '(\\w+\\s?)+$', completion: 'rule matched' }], fallback: 'echo' }],
  flows: [
    {
      flowId: FLOW_ID,
      name: 'echo-prompt',
      executionRoleArn: FLOW_ROLE,
      prepare: true,
      // FlowInput → a Prompt node echoing its text through the model rules above → FlowOutput.
      definition: around(promptNode('Ask', '{{text}}', [['text', 'String', '$.data']], MODEL), 'String', 'String'),
    },
  ],
};

/** Starts the CLI in a child process and resolves its URL once it logs its ready line. */
async function startChild(t: Test, fixtures: string[]): Promise<string> {
  const cli = startCli(fixtures.flatMap((file) => ['--fixtures', file]));
  // SIGKILL: a frozen event loop never handles SIGTERM.
  t.teardown(() => void cli.child.kill('SIGKILL'));
  return cli.url;
}

/** Whether health answers within the liveness bound while `attack` is in flight. */
async function healthyDuring(url: string, attack: Promise<unknown>): Promise<boolean> {
  attack.catch(() => undefined); // its outcome is asserted by the caller; no unhandled rejection meanwhile
  await new Promise((resolve) => setTimeout(resolve, 50)); // let the attack reach the server first
  try {
    const res = await fetch(`${url}/_emulator/health`, { signal: AbortSignal.timeout(LIVENESS_MS) });
    return res.status === 200;
  } catch {
    return false;
  }
}

/** The emulator in a child process with the default fixtures plus `world`, and SDK clients for it. */
async function startWorld(t: Test) {
  const dir = mkdtempSync(join(tmpdir(), 'bfe-regex-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const fixture = join(dir, 'world.json');
  writeFileSync(fixture, JSON.stringify(world));
  const url = await startChild(t, [DEFAULT_FIXTURES, fixture]);
  const options = { region: 'us-east-1', maxAttempts: 1, endpoint: url, requestHandler: { requestTimeout: 60_000 } };
  const tagger = new BedrockAgentClient({ ...options, credentials: TAGGER });
  const runtime = new BedrockAgentRuntimeClient({ ...options, credentials: ADMIN });
  t.teardown(() => (tagger.destroy(), runtime.destroy()));
  return { url, tagger, runtime };
}

/**
 * One child for both attacks: each test awaits its attack to the end, so the next starts on an idle server, and a
 * second CLI start only cost CPU. Its teardowns are the file's.
 */
let shared: ReturnType<typeof startWorld> | undefined;
const sharedWorld = () => (shared ??= startWorld(t));

t.test('StringLike a*a*a*a*a*a*b against a 250-character request tag answers, and health answers meanwhile', async (t) => {
  const { url, tagger } = await sharedWorld();
  const run = 'a'.repeat(250);
  const create = (team: string) => tagger.send(new CreateFlowCommand({ name: 'tagged', executionRoleArn: FLOW_ROLE, tags: { team } }));
  const denied = create(run);
  t.ok(await healthyDuring(url, denied), 'health answers while StringLike runs');
  await t.rejects(denied, { name: 'AccessDeniedException' }, 'the tag does not end in b');
  t.match(await create(`${run}b`), { id: /^[0-9A-Z]{10}$/ }, 'a tag that does end in b is allowed, PassRole glob included');
});

t.test('a model rule (\\w+\\s?)+$ against 30 a and ! completes InvokeFlow, and health answers meanwhile', async (t) => {
  const { url, runtime } = await sharedWorld();
  const invoke = (document: string) =>
    (async () => {
      const res = await runtime.send(
        new InvokeFlowCommand({
          flowIdentifier: FLOW_ID,
          flowAliasIdentifier: 'TSTALIASID',
          inputs: [{ nodeName: 'FlowInput', nodeOutputName: 'document', content: { document } }],
        }),
      );
      const events: Record<string, { document?: unknown }>[] = [];
      for await (const event of res.responseStream!) events.push(event as never);
      return events;
    })();
  // 22 letters took 0.5 s in V8 here, each one more doubles it: 30 take minutes.
  const evil = `${'a'.repeat(30)}!`;
  const attack = invoke(evil);
  t.ok(await healthyDuring(url, attack), 'health answers while the rule runs');
  const events = await attack;
  t.match(events.at(-1), { flowCompletionEvent: { completionReason: 'SUCCESS' } });
  t.match(
    events.find((e) => e.flowOutputEvent),
    { flowOutputEvent: { content: { document: evil } } },
    'no rule: echo',
  );
  const matched = await invoke('hello world');
  t.match(
    matched.find((e) => e.flowOutputEvent),
    { flowOutputEvent: { content: { document: 'rule matched' } } },
    'the rule still matches',
  );
});

t.test('rules RE2 cannot run in linear time are refused at load with file, JSON path and reason', async (t) => {
  const { emu } = await withEmulator(t, { fixtures: [ADMIN_ONLY] });
  const dir = mkdtempSync(join(tmpdir(), 'bfe-regex-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'lookaround.json');
  writeFileSync(
    file,
    JSON.stringify({
      models: [
        {
          modelId: '*',
          rules: [
            { match: 'ok', completion: 'x' },
            { match: 'a(?=b)', completion: 'y' },
          ],
        },
      ],
    }),
  );
  t.throws(() => emu.load(file), {
    name: 'FixtureError',
    file,
    path: '$.models[0].rules[1].match',
    reason: /^invalid regular expression \(RE2 syntax: no lookaround or backreferences\): .*\(\?=/,
  });
  const agent = { agentId: 'AGENTBAD01', agentName: 'bad', responses: [{ match: '(a)\\1', text: 'x' }] };
  t.throws(() => emu.load({ agents: [agent] }), { name: 'FixtureError', path: '$.agents[0].responses[0].match', reason: /\\1/ });
  t.throws(() => emu.load({ models: [{ modelId: '*', rules: [{ match: '(?<=a)b', completion: 'x' }] }] }), {
    name: 'FixtureError',
    path: '$.models[0].rules[0].match',
  });
  t.same(emu.state().models ?? [], [], 'nothing was loaded');

  const res = await fetch(`${emu.url}/_emulator/fixtures`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ models: [{ modelId: '*', rules: [{ match: '\\bword(?!s)', completion: 'x' }] }] }),
  });
  t.equal(res.status, 400);
  t.match(await res.json(), { message: /POST \/_emulator\/fixtures: \$\.models\[0\]\.rules\[0\]\.match: invalid regular expression/ });
});
