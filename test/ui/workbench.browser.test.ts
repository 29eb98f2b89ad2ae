/**
 * The workbench in a real browser (issue 17 part 3): headless Chromium from the machine's `chromium` package
 * (test/ui/browser.ts) against an emulator serving the bundled world. Screenshots go to .test-cache/, or to docs/
 * (the README's pictures) with UPDATE_SCREENSHOTS=1.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { BedrockAgentClient, GetFlowCommand, PrepareFlowCommand } from '@aws-sdk/client-bedrock-agent';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { startEmulator } from '../../src/index.js';
import { buildAssets, chromiumPath, launch, ROOT, SKIP_REASON } from './browser.js';
import { iteratorFlow } from '../flows/fixtures.js';
import { failedRun, manyRuns, multiTurnRun } from './sample-runs.js';

const executable = chromiumPath();
if (!executable) {
  t.plan(0, SKIP_REASON);
  process.exit(0);
}

const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs') : join(ROOT, '.test-cache', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

const BLOCKED = {
  arn: 'arn:aws:iam::123456789012:user/blocked',
  accessKeyId: 'AKIABLOCKED000000001',
  secretAccessKey: 'blocked-secret',
  policies: [
    {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'ReadFlows', Effect: 'Allow', Action: 'bedrock:*', Resource: '*' },
        { Sid: 'NoInvokingFlows', Effect: 'Deny', Action: 'bedrock:InvokeFlow', Resource: '*' },
      ],
    },
  ],
};

await buildAssets();
const emu = await startEmulator({ port: 0 });
emu.load({ identities: [BLOCKED] });
const browser: Browser = await launch(executable);
// One context for every page: they share the HTTP cache, so ELK's worker is fetched and compiled once.
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
// The copy buttons write to the clipboard; the tests read it back.
await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: emu.url });
t.teardown(async () => {
  await browser.close();
  await emu.close();
});

/** What the pages logged as errors or threw (a CSP refusal, a script error), apart from failed fetches the page handles. */
const pageErrors: string[] = [];

async function open(hash: string, setup?: (page: Page) => Promise<void>): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(m.text());
  });
  // A missing element fails in seconds, not in playwright's default 30 s.
  page.setDefaultTimeout(5000);
  await setup?.(page);
  await page.goto(`${emu.url}/_emulator/ui/${hash}`);
  await page.waitForSelector('body[data-ready]');
  return page;
}

/** Serves `runs` as GET /_emulator/runs (for pages drawn from sample records, before or beside real ones). */
const withRuns = (runs: unknown[]) => async (page: Page) => {
  await page.route('**/_emulator/runs', (route) => route.fulfill({ json: { runs } }));
};

t.test('the default flow is drawn with its nodes and connections, its JSON beside', async (t) => {
  const page = await open('#/flows');
  await page.waitForSelector('svg[data-graph] [data-node]');
  const nodes = await page.$$eval('svg[data-graph] [data-node]', (els) => els.map((e) => e.getAttribute('data-node')));
  t.same(nodes.sort(), ['FlowInput', 'FlowOutput', 'MakePlaylist']);
  const edges = await page.$$eval('svg[data-graph] [data-edge] path', (els) =>
    els.map((e) => ({ name: e.parentElement!.getAttribute('data-edge'), d: e.getAttribute('d') })),
  );
  t.same(edges.map((e) => e.name).sort(), ['FlowInput_MakePlaylist_genre', 'FlowInput_MakePlaylist_number', 'MakePlaylist_FlowOutput']);
  t.ok(
    edges.every((e) => /^M [\d.-]+ [\d.-]+ (L [\d.-]+ [\d.-]+ ?)+$/.test(e.d ?? '')),
    'every connection is routed',
  );
  const ports = await page.$$eval('[data-node="MakePlaylist"] .port text', (els) => els.map((e) => e.textContent));
  t.same(ports, ['genre', 'number', 'modelCompletion'], 'ports are labelled');
  t.match(await page.textContent('[data-definition]'), /"MakePlaylist"/);
  t.match(await page.textContent('[data-flow-list]'), /playlist[\s\S]*Prepared/);
  await page.screenshot({ path: join(SHOTS, 'workbench-flows.png') });
  await page.close();
});

t.test("PrepareFlow's validations are marked on the nodes and connections they name", async (t) => {
  const flow = structuredClone(emu.state().flows![0]) as {
    flowId: string;
    name: string;
    prepare?: boolean;
    definition: { nodes: unknown[]; connections: unknown[] };
  };
  Object.assign(flow, { flowId: 'BROKEN0001', name: 'broken', prepare: false });
  flow.definition.nodes.push({ name: 'Orphan', type: 'Output', inputs: [{ name: 'document', type: 'String', expression: '$.data' }] });
  flow.definition.connections.push({
    name: 'ghost',
    source: 'FlowInput',
    target: 'FlowOutput',
    type: 'Data',
    configuration: { data: { sourceOutput: 'nothing', targetInput: 'document' } },
  });
  emu.load({ flows: [flow] } as never);
  const client = new BedrockAgentClient({ endpoint: emu.url, region: 'us-east-1', credentials: emu.credentials, maxAttempts: 1 });
  t.teardown(() => client.destroy());
  await client.send(new PrepareFlowCommand({ flowIdentifier: 'BROKEN0001' }));
  while ((await client.send(new GetFlowCommand({ flowIdentifier: 'BROKEN0001' }))).status === 'Preparing')
    await new Promise((r) => setImmediate(r));
  const page = await open('#/flows/123456789012/us-east-1/BROKEN0001');
  await page.waitForSelector('[data-node="Orphan"].invalid');
  t.match(await page.textContent('[data-node="Orphan"] > title'), /Orphan cannot be reached/, 'the message is on the node');
  t.ok(await page.$('[data-edge="ghost"].invalid'), 'and on the connection');
  t.notOk(await page.$('[data-node="MakePlaylist"].invalid'), 'nodes no validation names stay unmarked');
  t.match(await page.textContent('[data-validations]'), /Connection ghost reads output nothing/);
  await page.screenshot({ path: join(SHOTS, 'workbench-validations.png') });
  await page.close();
});

t.test("an Iterator's per-item nodes are drawn in a box between the Iterator and its Collector", async (t) => {
  const flow = { ...(emu.state().flows![0] as object), flowId: 'ITERATE001', name: 'iterate', prepare: false, definition: iteratorFlow() };
  emu.load({ flows: [flow] } as never);
  const page = await open('#/flows/123456789012/us-east-1/ITERATE001');
  await page.waitForSelector('svg[data-graph] [data-iteration="EachArtist"]');
  t.same(
    await page.$$eval('[data-iteration="EachArtist"] [data-node]', (els) => els.map((e) => e.getAttribute('data-node'))),
    ['Describe'],
    'the node run per item is inside the box',
  );
  t.same(
    await page.$$eval('svg[data-graph] [data-node]:not([data-iteration] [data-node])', (els) =>
      els.map((e) => e.getAttribute('data-node')).sort(),
    ),
    ['EachArtist', 'FlowInput', 'FlowOutput', 'Gather'],
    'the Iterator and the Collector flank it',
  );
  t.match(await page.textContent('[data-iteration="EachArtist"] .iteration-label'), /each item of EachArtist → Gather/);
  const box = (await page.locator('[data-iteration="EachArtist"] > rect').boundingBox())!;
  const inner = (await page.locator('[data-node="Describe"] > rect.body').boundingBox())!;
  const gather = (await page.locator('[data-node="Gather"] > rect.body').boundingBox())!;
  t.ok(
    inner.x >= box.x && inner.x + inner.width <= box.x + box.width && inner.y >= box.y && inner.y + inner.height <= box.y + box.height,
    'drawn within it',
  );
  t.ok(gather.x >= box.x + box.width, 'the Collector to its right');
  const routes = await page.$$eval('svg[data-graph] [data-edge] path', (els) => els.map((e) => e.getAttribute('d') ?? ''));
  t.equal(routes.length, 5, 'every connection is drawn, the ones crossing the border too');
  t.ok(routes.every((d) => /^M [\d.-]+ [\d.-]+ (L [\d.-]+ [\d.-]+ ?)+$/.test(d)));
  await page.locator('svg[data-graph]').screenshot({ path: join(SHOTS, 'workbench-iteration.png') });
  await page.close();
});

t.test("the flow page shows the role policy its definition needs, copyable, and what the flow's role lacks of it", async (t) => {
  const page = await open('#/flows/123456789012/us-east-1/FLOW000001');
  await page.waitForSelector('[data-role-policy] [data-policy="policy"] pre');
  const expected = (await (await fetch(`${emu.url}/_emulator/iam/flow-role-policy?flow=FLOW000001`)).json()) as {
    policy: unknown;
    trustPolicy: unknown;
  };
  t.same(JSON.parse((await page.textContent('[data-policy="policy"] pre'))!), expected.policy, 'the generated identity policy');
  t.same(JSON.parse((await page.textContent('[data-policy="trust"] pre'))!), expected.trustPolicy, 'and trust policy');
  t.match(await page.textContent('[data-policy="policy"] pre'), /foundation-model\/amazon\.nova-lite-v1:0/);
  await page.waitForSelector('[data-role-gaps="none"]');
  await page.click('[data-policy="policy"] [data-copy]');
  await page.waitForSelector('[data-policy="policy"] [data-copy]:has-text("Copied")');
  t.same(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())), expected.policy, 'the copy button copies it');
  await page.close();

  const narrow = 'arn:aws:iam::123456789012:role/narrow';
  emu.load({
    roles: [
      {
        arn: narrow,
        trustPolicy: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'bedrock.amazonaws.com' },
              Action: 'sts:AssumeRole',
              Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
            },
          ],
        },
        policies: [
          {
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'OnlyTitan',
                Effect: 'Allow',
                Action: 'bedrock:InvokeModel',
                Resource: 'arn:aws:bedrock:*::foundation-model/amazon.titan-*',
              },
            ],
          },
        ],
      },
    ],
    flows: [{ ...(emu.state().flows![0] as object), flowId: 'NARROW0001', name: 'narrow-role', executionRoleArn: narrow, prepare: false }],
  } as never);
  const narrowPage = await open('#/flows/123456789012/us-east-1/NARROW0001');
  await narrowPage.waitForSelector('[data-role-gaps="1"]');
  const gap = narrowPage.locator('[data-gap="bedrock:InvokeModel"]');
  t.match(await gap.textContent(), /bedrock:InvokeModel on arn:aws:bedrock:us-east-1::foundation-model\/amazon\.nova-lite-v1:0/);
  t.match(await gap.textContent(), /OnlyTitan/, 'with why: the statement that names the action but not this model');
  await narrowPage.locator('[data-role-policy]').screenshot({ path: join(SHOTS, 'workbench-role-policy.png') });
  await narrowPage.close();
});

t.test('a run started from Try it answers with its outputs and appears on the Runs page with its path', async (t) => {
  const page = await open('#/try');
  await page.fill('[data-try-document]', '{"genre": "pop", "number": 3}');
  await page.click('[data-try-invoke]');
  await page.waitForSelector('[data-try-result]');
  t.equal(await page.getAttribute('[data-try-result]', 'data-try-result'), 'SUCCESS');
  t.match(await page.textContent('[data-try-output]'), /Song A/);
  await page.screenshot({ path: join(SHOTS, 'workbench-try.png') });
  // The page has not reloaded since it opened with no runs: the run reaches it over the live feed (/_emulator/runs/events).
  const href = await page.getAttribute('[data-try-result] a', 'href');
  await page.click('[data-try-result] a');
  await page.waitForSelector(`[data-execution="${href!.split('/').pop()}"] svg[data-graph] [data-node]`);
  const ran = await page.$$eval('[data-node].ran', (els) => els.map((e) => e.getAttribute('data-node')).sort());
  t.same(ran, ['FlowInput', 'FlowOutput', 'MakePlaylist'], 'the path: every node ran');
  t.equal(await page.locator('[data-edge].on-path').count(), 3, 'and every connection carried data');
  await page.click('[data-node="FlowOutput"] > rect.header');
  t.match(await page.textContent('[data-inspector]'), /Song A/, 'the output node received the playlist');
  await page.close();
});

t.test('a failed run marks its node with its error; the node record is a click away', async (t) => {
  const run = failedRun();
  const page = await open(`#/runs/${run.executionId}`, withRuns([run, ...manyRuns(3)]));
  await page.waitForSelector('[data-node="MakePlaylist"].failed');
  const failure = await page.$$eval('[data-failure="MakePlaylist"] tspan', (els) => els.map((e) => e.textContent).join(' '));
  t.match(failure, /^✖ DependencyFailedException: The model amazon\.nova-lite-v1:0/, 'the error is written under the node');
  t.match(await page.textContent('[data-node="MakePlaylist"] > title'), /refused: throttled/, 'in full in its tooltip');
  t.same(await page.$$eval('[data-node].ran', (els) => els.map((e) => e.getAttribute('data-node')).sort()), ['FlowInput', 'MakePlaylist']);
  t.notOk(await page.$('[data-node="FlowOutput"].ran'), 'the output node never ran');
  await page.click('[data-node="MakePlaylist"] > rect.header');
  t.match(await page.textContent('[data-node-error]'), /throttled/);
  t.match(await page.textContent('[data-inspector]'), /Make me a pop playlist/, 'the model request is shown');
  await page.screenshot({ path: join(SHOTS, 'workbench-runs.png') });
  await page.close();
});

t.test("a multi-turn exchange shows as one conversation, each turn's path a click away", async (t) => {
  const run = multiTurnRun();
  const page = await open(`#/runs/${run.executionId}`, withRuns([run]));
  await page.waitForSelector('[data-conversation]');
  t.match(await page.textContent(`[data-run="${run.executionId}"]`), /2 turns/);
  t.match(await page.textContent('[data-turn="1"]'), /in\s*\{"genre":"pop","number":3\}[\s\S]*asks\s*How many songs\?/);
  t.match(await page.textContent('[data-turn="2"]'), /in\s*\{"agentInputText":"three"\}[\s\S]*out\s*\[\{"document":"1\. Song A"\}\]/);
  await page.waitForSelector('[data-node="FlowOutput"].ran');
  await page.click('[data-turn="1"] button');
  await page.waitForSelector('[data-turn="1"].current');
  t.notOk(await page.$('[data-node="FlowOutput"].ran'), 'turn 1 stopped at the question');
  t.ok(await page.$('[data-node="MakePlaylist"].ran'));
  await page.close();
});

t.test('a denial shows its deciding statement on the IAM page', async (t) => {
  const page = await open('#/try');
  await page.selectOption('[data-try-identity]', BLOCKED.accessKeyId);
  await page.click('[data-try-invoke]');
  await page.waitForSelector('[data-try-error]');
  t.match(await page.textContent('[data-try-error]'), /not authorized to perform: bedrock:InvokeFlow/);
  await page.click('[data-tab="iam"]');
  await page.waitForSelector('[data-decisions] tbody tr');
  await page.check('[data-denied-filter]');
  await page.selectOption('[data-principal-filter]', BLOCKED.arn);
  const rows = page.locator('[data-decisions] tbody tr');
  t.equal(await rows.count(), 1, 'one denial of that principal');
  t.equal(await rows.first().getAttribute('data-decision'), 'ExplicitDeny');
  t.match(await rows.first().locator('[data-statement]').textContent(), /NoInvokingFlows/);
  t.match(await rows.first().locator('[data-why]').textContent(), /NoInvokingFlows/, 'why, in words');
  t.match(
    await rows.first().locator('[data-fix] pre').textContent(),
    /"Action": "bedrock:InvokeFlow"/,
    'and the statement that would allow it',
  );
  const generated = page.locator('[data-least-privilege] [data-generated-policy] pre');
  await page.waitForFunction(() => !document.querySelector('[data-generated-policy] pre')?.textContent?.startsWith('Loading'));
  const policy = JSON.parse((await generated.textContent())!) as { Statement: { Action: string; Resource: string }[] };
  t.ok(
    policy.Statement.some((s) => s.Action === 'bedrock:InvokeFlow' && /flow\/FLOW000001\/alias\/TSTALIASID/.test(String(s.Resource))),
    'its least-privilege policy allows what it tried',
  );
  t.match(await page.textContent('[data-least-privilege] [data-current-policies]'), /NoInvokingFlows/, 'beside its current policies');
  await rows.first().locator('[data-fix] summary').click();
  await page.screenshot({ path: join(SHOTS, 'workbench-iam.png'), fullPage: true });
  await page.close();
});

t.test("a role's least privilege: what its flow sessions did, beside the role's policies", async (t) => {
  const role = 'arn:aws:iam::123456789012:role/service-role/AmazonBedrockExecutionRoleForFlows_DEFAULT001';
  const page = await open('#/iam');
  await page.selectOption('[data-principal-filter]', role);
  await page.waitForSelector('[data-decisions] tbody tr');
  t.ok(
    (await page.$$eval('[data-decisions] tbody tr td:nth-child(2)', (els) => els.map((e) => e.textContent))).every((p) =>
      p?.includes(':assumed-role/AmazonBedrockExecutionRoleForFlows_DEFAULT001/'),
    ),
    "the role stands for its sessions' decisions",
  );
  await page.waitForFunction(() => !document.querySelector('[data-generated-policy] pre')?.textContent?.startsWith('Loading'));
  t.match(await page.textContent('[data-generated-policy] pre'), /"bedrock:InvokeModel"[\s\S]*foundation-model\/amazon\.nova-lite-v1:0/);
  t.match(await page.textContent('[data-current-policies]'), /FlowNodeCalls/);
  t.match(await page.textContent('[data-current-policies] .row'), /role/);
  await page.close();
});

t.test('render time with 100 flows and 1,000 runs (measured, not asserted)', async (t) => {
  // Up to 100 with the flows the tests before loaded.
  const flows = Array.from({ length: 100 - emu.state().flows!.length }, (_, i) => ({
    ...(emu.state().flows![0] as object),
    flowId: `PERF${String(i).padStart(6, '0')}`,
    name: `perf-${i}`,
  }));
  emu.load({ flows } as never);
  const runs = manyRuns(1000);
  for (const hash of ['#/flows', '#/runs']) {
    // The main thread's busy time (Chromium's Performance domain) besides the wall clock: on a shared machine the
    // clock mostly measures the neighbours, the busy time what the page itself costs.
    let cdp: CDPSession | undefined;
    const page = await open(hash, async (page) => {
      await withRuns(runs)(page);
      cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
    });
    const rendered = await page.evaluate(() => performance.getEntriesByName('bfe-rendered')[0]!.startTime);
    const { metrics } = await cdp!.send('Performance.getMetrics');
    const busy = (name: string) => ((metrics.find((m) => m.name === name)?.value ?? 0) * 1000).toFixed(0);
    const rows = await page.locator(hash === '#/flows' ? '[data-flow-list] tbody tr' : '[data-run-list] tbody tr').count();
    let drawn = '';
    if (hash === '#/flows') {
      await page.waitForSelector('svg[data-graph]');
      drawn = `, its graph drawn at ${(await page.evaluate(() => performance.getEntriesByName('bfe-graph')[0]!.startTime)).toFixed(0)} ms`;
    }
    t.comment(
      `${hash}: first render ${rendered.toFixed(0)} ms after navigation start${drawn}; main thread busy ${busy('TaskDuration')} ms ` +
        `(script ${busy('ScriptDuration')} ms, layout ${busy('LayoutDuration')} ms) (${rows} rows shown; 100 flows, 1000 runs)`,
    );
    t.ok(rows > 0, 'rows shown');
    await page.close();
  }
  t.equal((await (await fetch(`${emu.url}/_emulator/ui/api/flows`)).json()).flows.length, 100);
});

t.test('no page logged an error or threw', async (t) => {
  t.same(pageErrors, []);
});
