/**
 * The workbench's HTTP face (routes/workbench.ts): its page and files, the JSON its pages read, Try it's invoke, and
 * how a browser presents the admin token (src/ui/admin-auth.ts).
 */
import t from 'tap';
import { buildWorkbench } from '../../scripts/bundle-ui.mjs';
import { startEmulator } from '../../src/index.js';

await buildWorkbench();

const invoke = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/_emulator/ui/api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-bfe-workbench': '1', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const PLAYLIST = { flowIdentifier: 'FLOW000001', flowAliasIdentifier: 'TSTALIASID', nodeName: 'FlowInput', nodeOutputName: 'document' };

t.test('the page, its files and its JSON', async (t) => {
  const emu = await startEmulator({ port: 0 });
  t.teardown(() => emu.close());
  const page = await fetch(`${emu.url}/_emulator/ui`);
  t.equal(page.status, 200);
  t.match(page.headers.get('content-type'), /^text\/html/);
  t.match(page.headers.get('content-security-policy'), /default-src 'self'/, 'the page loads nothing from elsewhere');
  t.match(await page.text(), /\/_emulator\/ui\/assets\/app\.js/);
  const app = await fetch(`${emu.url}/_emulator/ui/assets/app.js`);
  t.equal(app.status, 200);
  t.match(app.headers.get('content-type'), /^text\/javascript/);
  const etag = app.headers.get('etag')!;
  t.equal(
    (await fetch(`${emu.url}/_emulator/ui/assets/app.js`, { headers: { 'if-none-match': etag } })).status,
    304,
    'revalidated, not resent',
  );
  const outside = await fetch(`${emu.url}/_emulator/ui/assets/..%2F..%2Fpackage.json`);
  t.equal(outside.status, 404, 'only the built files are served');
  t.equal(outside.headers.get('x-amzn-errortype'), 'ResourceNotFoundException');

  const { flows } = (await (await fetch(`${emu.url}/_emulator/ui/api/flows`)).json()) as { flows: Record<string, unknown>[] };
  t.match(flows, [
    {
      id: 'FLOW000001',
      name: 'playlist',
      status: 'Prepared',
      account: '123456789012',
      region: 'us-east-1',
      validations: [],
      aliases: [{ id: 'TSTALIASID' }],
    },
  ]);
  const principals = await (await fetch(`${emu.url}/_emulator/ui/api/principals`)).text();
  t.match(principals, /user\/flow-developer/);
  t.notMatch(principals, /secretAccessKey|flow-developer-secret/, 'secrets never reach the browser');
});

t.test('Try it: InvokeFlow as an identity of the world, through the same checks', async (t) => {
  const emu = await startEmulator({ port: 0 });
  t.teardown(() => emu.close());
  const ok = await invoke(emu.url, { ...PLAYLIST, document: { genre: 'pop', number: 3 } });
  t.equal(ok.status, 200);
  t.match(await ok.json(), {
    outcome: 'SUCCESS',
    executionId: /^[0-9a-f-]{36}$/,
    outputs: [{ nodeName: 'FlowOutput', document: /Song A/ }],
  });

  emu.load({
    identities: [
      {
        arn: 'arn:aws:iam::123456789012:user/nobody',
        accessKeyId: 'AKIANOBODY0000000001',
        secretAccessKey: 'x',
        policies: [{ Version: '2012-10-17', Statement: [{ Sid: 'Reads', Effect: 'Allow', Action: 'bedrock:GetFlow', Resource: '*' }] }],
      },
    ],
  });
  const denied = await invoke(emu.url, { ...PLAYLIST, accessKeyId: 'AKIANOBODY0000000001', document: {} });
  t.equal(denied.status, 403);
  t.equal(denied.headers.get('x-amzn-errortype'), 'AccessDeniedException');
  const decisions = (await (await fetch(`${emu.url}/_emulator/decisions`)).json()) as {
    decisions: { principal: string; decision: string }[];
  };
  t.match(
    decisions.decisions.at(-1),
    { principal: 'arn:aws:iam::123456789012:user/nobody', decision: 'ImplicitDeny' },
    'the denial is logged',
  );
});

t.test('bad Try it requests are AWS-shaped errors and change nothing', async (t) => {
  const emu = await startEmulator({ port: 0 });
  t.teardown(() => emu.close());
  const worlds = () => emu.emulator.universe.worlds.size;
  const before = worlds();
  const cases: [string, unknown, number, string, RegExp][] = [
    ['not JSON', '{"flowIdentifier":', 400, 'SerializationException', /could not be parsed/],
    ['not an object', '[1]', 400, 'ValidationException', /JSON object/],
    ['no flow', { flowAliasIdentifier: 'TSTALIASID', document: 1 }, 400, 'ValidationException', /flowIdentifier/],
    ['no document', { ...PLAYLIST }, 400, 'ValidationException', /document is required/],
    [
      'unknown identity',
      { ...PLAYLIST, accessKeyId: 'AKIANOSUCHKEY', document: 1 },
      400,
      'ValidationException',
      /access key AKIANOSUCHKEY/,
    ],
    [
      'a region with no world',
      { ...PLAYLIST, region: 'eu-west-3', document: 1 },
      400,
      'ValidationException',
      /no flows in region eu-west-3/,
    ],
    ['not a region', { ...PLAYLIST, region: '../x', document: 1 }, 400, 'ValidationException', /not a region/],
    ['a node name the model refuses', { ...PLAYLIST, nodeName: 'no spaces allowed', document: 1 }, 400, 'ValidationException', /nodeName/],
    ['an unknown flow', { ...PLAYLIST, flowIdentifier: 'NOSUCHFLOW', document: 1 }, 404, 'ResourceNotFoundException', /./],
    [
      'a deep document',
      `{"flowIdentifier":"FLOW000001","flowAliasIdentifier":"TSTALIASID","document":${'['.repeat(600)}${']'.repeat(600)}}`,
      400,
      'SerializationException',
      /deeper/,
    ],
  ];
  for (const [what, body, status, type, message] of cases) {
    const res = await invoke(emu.url, body);
    t.equal(res.status, status, `${what}: status`);
    t.equal(res.headers.get('x-amzn-errortype'), type, `${what}: type`);
    t.match(((await res.json()) as { message: string }).message, message, `${what}: message`);
  }
  t.equal(worlds(), before, 'no world was made');
});

t.test('with an admin token: the browser trades it once for an HttpOnly cookie, good for reads and the workbench own POSTs', async (t) => {
  const emu = await startEmulator({ port: 0, adminToken: 'sekret' });
  t.teardown(() => emu.close());
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${emu.url}${path}`, { headers, redirect: 'manual' });
  t.equal((await get('/_emulator/ui')).status, 401, 'no token, no page');
  t.equal((await get('/_emulator/ui?token=wrong')).status, 401);
  const traded = await get('/_emulator/ui?token=sekret');
  t.equal(traded.status, 303);
  t.equal(traded.headers.get('location'), '/_emulator/ui/', 'the token leaves the address bar');
  const cookie = traded.headers.get('set-cookie')!;
  t.match(cookie, /^bfe_admin=sekret; Path=\/_emulator; HttpOnly; SameSite=Strict$/);
  const jar = { cookie: cookie.split(';')[0]! };
  t.equal((await get('/_emulator/ui/', jar)).status, 200);
  t.equal((await get('/_emulator/ui/api/flows', jar)).status, 200);
  t.equal((await get('/_emulator/decisions', jar)).status, 200, 'the admin reads the pages use');
  t.equal((await get('/_emulator/ui/api/flows', { cookie: 'bfe_admin=nope' })).status, 401);
  t.equal((await get('/_emulator/ui/api/flows', { authorization: 'Bearer sekret' })).status, 200, 'the bearer header still works');
  const reset = await fetch(`${emu.url}/_emulator/reset`, { method: 'POST', headers: jar });
  t.equal(reset.status, 401, 'a cookie alone cannot change the world (a cross-site form could send it)');
  const DOC = { genre: 'pop', number: 3 };
  t.equal((await invoke(emu.url, { ...PLAYLIST, document: DOC }, jar)).status, 200, 'the workbench header with the cookie may');
  const bare = await fetch(`${emu.url}/_emulator/ui/api/invoke`, {
    method: 'POST',
    headers: jar,
    body: JSON.stringify({ ...PLAYLIST, document: DOC }),
  });
  t.equal(bare.status, 401, 'without it, not');
});

t.test("role gaps: what the flow's actual execution role lacks of the policy its definition needs", async (t) => {
  const emu = await startEmulator({ port: 0 });
  t.teardown(() => emu.close());
  const narrow = 'arn:aws:iam::123456789012:role/narrow';
  emu.load({
    roles: [
      {
        arn: narrow,
        trustPolicy: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        },
        policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }],
      },
    ],
    flows: [{ ...(emu.state().flows![0] as object), flowId: 'NARROW0001', name: 'narrow', executionRoleArn: narrow, prepare: false }],
  } as never);
  const gaps = async (query: string) => {
    const res = await fetch(`${emu.url}/_emulator/ui/api/role-gaps?${query}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  t.same(await gaps('flow=FLOW000001'), {
    status: 200,
    body: { roleArn: 'arn:aws:iam::123456789012:role/service-role/AmazonBedrockExecutionRoleForFlows_DEFAULT001', missing: [] },
  });
  const { status, body } = await gaps('flow=NARROW0001&version=DRAFT');
  t.equal(status, 200);
  t.match(body, {
    roleArn: narrow,
    trust: /bedrock\.amazonaws\.com|sts:AssumeRole/,
    missing: [
      {
        action: 'bedrock:InvokeModel',
        resource: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0',
        why: /bedrock:InvokeModel/,
      },
    ],
  });
  t.equal((body.missing as unknown[]).length, 1);
  t.match(await gaps(''), { status: 400, body: { message: /flow query parameter is required/ } });
  t.match(await gaps('flow=NOPE&version=9'), { status: 404 });
  t.match(await gaps('flow=FLOW000001&version=9'), { status: 404, body: { message: /no version 9/ } });
});
