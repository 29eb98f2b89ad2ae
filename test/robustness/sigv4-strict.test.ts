/**
 * SigV4 variants AWS refuses, sent over HTTP as CreateFlow (signed with @smithy/signature-v4, some then tampered):
 * each must get AWS's error type, status and message, and create nothing: no flow, no new world for a made-up
 * region. In IAM mode off, where nothing is refused, a malformed region must fall back to the default one.
 */
import t from 'tap';
import { FLOW_ROLE, PLAYLIST_DEFINITION, withEmulator } from '../helpers/emulator.js';
import { MAX_WORLDS, worldOf } from '../../src/world/universe.js';
import { sendPrepared, sendSigned, signRequest, type RawRequest, type RawResponse } from '../helpers/signed-request.js';

const createFlow = (name: string, extra: Partial<RawRequest> = {}): RawRequest => ({
  method: 'POST',
  path: '/flows/',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ name, executionRoleArn: FLOW_ROLE, definition: PLAYLIST_DEFINITION }),
  ...extra,
});

interface Refusal {
  name: string;
  send: (origin: string) => Promise<RawResponse>;
  type: string;
  status: number;
  message: string | RegExp;
}

/** Signs `req`, then rewrites one header of the signed request. */
const tamper = (req: RawRequest, name: string, edit: (value: string) => string) => async (origin: string) => {
  const prepared = await signRequest(origin, req);
  prepared.headers[name] = edit(prepared.headers[name] as string);
  return sendPrepared(origin, prepared);
};

const invalidRegion = (region: string): Refusal => ({
  name: `region ${JSON.stringify(region)}`,
  send: (origin) => sendSigned(origin, createFlow('r', { region })),
  type: 'InvalidSignatureException',
  status: 403,
  message: `Credential should be scoped to a valid region, not '${region}'. `,
});

const REFUSALS: Refusal[] = [
  invalidRegion('xx'),
  invalidRegion('US-EAST-1'),
  invalidRegion('us-east-1:999999999999:x'),
  {
    // The blank region splits the Credential parameter in two.
    name: 'region " "',
    send: (origin) => sendSigned(origin, createFlow('r', { region: ' ' })),
    type: 'IncompleteSignatureException',
    status: 400,
    message:
      /^'\/bedrock\/aws4_request' not a valid key=value pair \(missing equal-sign\) in Authorization header: 'AWS4-HMAC-SHA256 Credential=test\/\d{8}\/ \/bedrock\/aws4_request, /,
  },
  {
    name: 'service iam',
    send: (origin) => sendSigned(origin, createFlow('s', { service: 'iam' })),
    type: 'InvalidSignatureException',
    status: 403,
    message: "Credential should be scoped to correct service: 'bedrock'. ",
  },
  {
    name: 'host not signed',
    send: (origin) => sendSigned(origin, createFlow('h', { unsigned: ['host'] })),
    type: 'InvalidSignatureException',
    status: 403,
    message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
  },
  {
    name: 'x-amz-date with trailing garbage',
    send: tamper(createFlow('d'), 'x-amz-date', (d) => `${d}garbage`),
    type: 'IncompleteSignatureException',
    status: 400,
    message: /^Date must be in ISO-8601 'basic format'\. Got '\d{8}T\d{6}Zgarbage'\. See http:\/\/en\.wikipedia\.org\/wiki\/ISO_8601$/,
  },
  {
    name: 'an extra Authorization parameter',
    send: tamper(createFlow('p'), 'authorization', (a) => `${a}, Region=us-west-2`),
    type: 'IncompleteSignatureException',
    status: 400,
    message:
      /^'Region' is not an Authorization header parameter: expected only 'Credential', 'SignedHeaders' and 'Signature'\. Authorization=AWS4-HMAC-SHA256 /,
  },
  {
    name: 'a signed header left out of the request',
    send: async (origin) => {
      const prepared = await signRequest(origin, createFlow('m', { headers: { 'content-type': 'application/json', 'x-team': 'ml' } }));
      delete prepared.headers['x-team'];
      return sendPrepared(origin, prepared);
    },
    type: 'IncompleteSignatureException',
    status: 400,
    message: "'x-team' is named as a SignedHeader, but it does not exist in the HTTP request.",
  },
  {
    name: 'a second Credential',
    send: tamper(createFlow('c'), 'authorization', (a) => `${a}, Credential=test/20000101/eu-west-1/bedrock/aws4_request`),
    type: 'IncompleteSignatureException',
    status: 400,
    message: /^Authorization header has more than one 'Credential' parameter\. Authorization=AWS4-HMAC-SHA256 /,
  },
];

t.test('IAM enforce: each variant AWS refuses gets its AWS error and creates nothing', async (t) => {
  const { emu } = await withEmulator(t);
  const flowCount = () => [...emu.emulator.universe.worlds.values()].reduce((n, w) => n + w.flows.size, 0);
  const worldsBefore = [...emu.emulator.universe.worlds.keys()];
  const flowsBefore = flowCount();
  for (const refusal of REFUSALS) {
    const res = await refusal.send(emu.url);
    t.equal(res.status, refusal.status, `${refusal.name}: status`);
    t.equal(res.headers['x-amzn-errortype'], refusal.type, `${refusal.name}: error type`);
    const message = (res.json as { message?: string } | undefined)?.message;
    if (typeof refusal.message === 'string') t.equal(message, refusal.message, `${refusal.name}: message`);
    else t.match(message, refusal.message, `${refusal.name}: message`);
  }
  t.same([...emu.emulator.universe.worlds.keys()], worldsBefore, 'no world was created');
  t.equal(flowCount(), flowsBefore, 'no flow was created');
  // The same request, signed as the SDK signs it, goes through: the refusals above are about the variants only.
  const ok = await sendSigned(emu.url, createFlow('control'));
  t.equal(ok.status, 201, 'a well-signed CreateFlow is created');
  t.equal(flowCount(), flowsBefore + 1);
});

t.test('IAM off: a malformed scope region names neither a world nor an ARN', async (t) => {
  const { emu } = await withEmulator(t, { iam: 'off' });
  for (const region of ['us-east-1:999999999999:x', 'xx', 'US-EAST-1']) {
    const res = await sendSigned(emu.url, createFlow(`off_${region.length}`, { region }));
    t.equal(res.status, 201, `${region}: accepted, as mode off accepts any credentials`);
    t.match((res.json as { arn?: string }).arn, /^arn:aws:bedrock:us-east-1:123456789012:flow\/[0-9A-Z]{10}$/, `${region}: default region`);
  }
  t.same(
    [...emu.emulator.universe.worlds.keys()].filter((k) => k !== '123456789012/us-east-1'),
    [],
    'only the default world',
  );
  const wellFormed = await sendSigned(emu.url, createFlow('off_west', { region: 'eu-west-3' }));
  t.match((wellFormed.json as { arn?: string }).arn, /^arn:aws:bedrock:eu-west-3:/, 'a well-formed region is still honoured');
});

t.test('well-formed regions name worlds up to a bound: a client cycling through region names cannot grow memory', async (t) => {
  const { emu } = await withEmulator(t);
  const universe = emu.emulator.universe;
  // Fill in-process up to one short of the bound; the last world and the one past it come over HTTP.
  for (let i = 0; universe.worlds.size < MAX_WORLDS - 1; i++) worldOf(universe, '123456789012', `xx-fill-${i}`);
  const listFlows = (region: string): RawRequest => ({ method: 'GET', path: '/flows/', region });
  t.equal((await sendSigned(emu.url, listFlows('ap-south-7'))).status, 200, 'the last world that fits');
  const refused = await sendSigned(emu.url, listFlows('ap-south-8'));
  t.equal(refused.status, 403);
  t.equal(refused.headers['x-amzn-errortype'], 'InvalidSignatureException');
  t.match((refused.json as { message: string }).message, `The emulator keeps at most ${MAX_WORLDS} account and region pairs.`);
  t.equal(universe.worlds.size, MAX_WORLDS, 'no world past the bound');
  t.equal((await sendSigned(emu.url, listFlows('us-east-1'))).status, 200, 'known worlds still answer');
});
