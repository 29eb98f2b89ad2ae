/** Our verifier against requests signed by the SDK's own signer, and what it must refuse. */
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '../helpers/signed-request.js';
import t from 'tap';
import { parseAuthorization, scopeRegion, verifySignature, type SignedRequest } from '../../src/protocol/sigv4.js';

const credentials = { accessKeyId: 'AKIAEXAMPLE000000001', secretAccessKey: 'secret', sessionToken: undefined };
async function signed(opts: {
  method?: string;
  path: string;
  query?: Record<string, string | string[]>;
  body?: string;
  region?: string;
  service?: string;
  date?: Date;
  headerName?: string;
  /** Headers sent but left out of SignedHeaders. */
  unsigned?: string[];
}): Promise<SignedRequest> {
  const signer = new SignatureV4({
    service: opts.service ?? 'bedrock',
    region: opts.region ?? 'us-east-1',
    credentials,
    sha256: Sha256,
    uriEscapePath: true,
    applyChecksum: true,
  });
  const body = opts.body;
  const hostHeader = opts.headerName ?? 'host';
  const request = await signer.sign(
    {
      method: opts.method ?? 'GET',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 5050,
      path: opts.path,
      query: opts.query ?? {},
      headers: {
        [hostHeader]: '127.0.0.1:5050',
        'content-type': 'application/json',
        ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
      },
      body,
    },
    { signingDate: opts.date ?? new Date(), unsignableHeaders: new Set(opts.unsigned ?? []) },
  );
  const qs = Object.entries(opts.query ?? {})
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`))
    .join('&');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.headers)) headers[k.toLowerCase()] = v;
  return { method: request.method, rawUrl: qs ? `${opts.path}?${qs}` : opts.path, headers, body: body ? Buffer.from(body) : undefined };
}

const verify = (req: SignedRequest, secret = 'secret', now = Date.now()) =>
  verifySignature(req, parseAuthorization(req.headers, now), secret);

t.test('accepts what the SDK signs: bodies, queries, encoded ARNs, other regions, :authority', async (t) => {
  verify(await signed({ method: 'POST', path: '/flows/', body: '{"name":"x"}' }));
  verify(await signed({ method: 'POST', path: '/flows/', body: `{"description":"${'é✓🙂'.repeat(300)}"}` }));
  verify(await signed({ path: '/flows/', query: { nextToken: 'ünïcode✓'.repeat(20) } }));
  // Paths already canonical take a shortcut; these sit on its edges.
  for (const path of ['/', '/a./..b/c~d_e-f.g/', '/a/./b', '/a/../b/', '/a//b', '/.', '/x%20y', '/ä']) verify(await signed({ path }));
  verify(await signed({ path: '/flows/', query: { maxResults: '5', nextToken: 'a b+c/d=~*' } }));
  verify(await signed({ path: '/flows/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Aflow%2FABCDEFGHIJ/' }));
  verify(await signed({ path: '/tags/x', query: { tagKeys: ['b', 'a'] }, region: 'ap-south-1' }));
  verify(await signed({ path: '/flows/', headerName: ':authority' }));
  t.equal(parseAuthorization((await signed({ path: '/', region: 'eu-central-1' })).headers, Date.now()).region, 'eu-central-1');
  // Signed with `host`, sent over HTTP/2 with only `:authority`.
  const { host, ...h2Headers } = (await signed({ path: '/flows/' })).headers;
  verify({ method: 'GET', rawUrl: '/flows/', headers: { ...h2Headers, ':authority': host }, body: undefined });
  t.pass('all verified');
});

t.test('refuses a wrong secret, a tampered body, a changed path and a stale date', async (t) => {
  const req = await signed({ method: 'POST', path: '/flows/', body: '{"name":"x"}' });
  t.throws(() => verify(req, 'other'), { name: 'InvalidSignatureException', message: /does not match/ });
  t.throws(() => verify({ ...req, body: Buffer.from('{"name":"y"}') }), {
    name: 'InvalidSignatureException',
    message: /x-amz-content-sha256/,
  });
  t.throws(() => verify({ ...req, rawUrl: '/flows/x' }), { name: 'InvalidSignatureException' });
  const old = await signed({ path: '/flows/', date: new Date(Date.now() - 16 * 60_000) });
  t.throws(() => verify(old), { name: 'InvalidSignatureException', message: /^Signature expired: \d{8}T\d{6}Z is now earlier than/ });
  const future = await signed({ path: '/flows/', date: new Date(Date.now() + 16 * 60_000) });
  t.throws(() => verify(future), { message: /^Signature not yet current/ });
  t.throws(() => parseAuthorization({}, Date.now()), { name: 'MissingAuthenticationTokenException' });
  t.throws(() => parseAuthorization({ authorization: 'AWS4-HMAC-SHA256 Credential=x' }, Date.now()), {
    name: 'IncompleteSignatureException',
  });
});

/** A signed request with its Authorization header or its date rewritten, as a hand-made client might send it. */
const tampered = (req: SignedRequest, edit: { auth?: (a: string) => string; amzDate?: (d: string) => string }): SignedRequest => {
  const headers = { ...req.headers };
  if (edit.auth) headers.authorization = edit.auth(headers.authorization as string);
  if (edit.amzDate) headers['x-amz-date'] = edit.amzDate(headers['x-amz-date'] as string);
  return { ...req, headers };
};

t.test('accepts every partition shape of region name, signed by the SDK', async (t) => {
  for (const region of [
    'us-gov-west-1',
    'us-iso-east-1',
    'us-isob-east-1',
    'eu-isoe-west-1',
    'us-isof-south-1',
    'cn-northwest-1',
    'eusc-de-east-1',
    'il-central-1',
  ]) {
    const req = await signed({ path: '/flows/', region });
    verify(req);
    t.equal(scopeRegion(req.headers), region);
  }
});

t.test('refuses a scope region that is not a well-formed region name', async (t) => {
  for (const region of ['xx', 'US-EAST-1', 'us-east-1:999999999999:x', 'us_east_1', 'us-east-1a', `us-${'e'.repeat(40)}-1`]) {
    const req = await signed({ path: '/flows/', region });
    t.throws(
      () => verify(req),
      {
        name: 'InvalidSignatureException',
        statusCode: 403,
        message: `Credential should be scoped to a valid region, not '${region}'. `,
      },
      region,
    );
    t.equal(scopeRegion(req.headers), undefined, `mode off ignores ${region}`);
  }
  // A blank region splits the Credential in two: AWS sees a parameter without '='.
  const blank = await signed({ path: '/flows/', region: ' ' });
  t.throws(() => parseAuthorization(blank.headers, Date.now()), {
    name: 'IncompleteSignatureException',
    statusCode: 400,
    message: /not a valid key=value pair \(missing equal-sign\) in Authorization header/,
  });
  t.equal(scopeRegion(blank.headers), undefined);
});

t.test('refuses a scope for another service, terminator or day, all faults in one message', async (t) => {
  const iam = await signed({ path: '/flows/', service: 'iam' });
  t.throws(() => verify(iam), {
    name: 'InvalidSignatureException',
    statusCode: 403,
    message: "Credential should be scoped to correct service: 'bedrock'. ",
  });
  const req = await signed({ path: '/flows/' });
  const day = (req.headers['x-amz-date'] as string).slice(0, 8);
  const everything = tampered(req, { auth: (a) => a.replace(`/${day}/us-east-1/bedrock/aws4_request`, '/20000101/xx/iam/aws5_request') });
  t.throws(() => verify(everything), {
    name: 'InvalidSignatureException',
    message:
      "Credential should be scoped to a valid region, not 'xx'. Credential should be scoped to correct service: 'bedrock'. " +
      "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. " +
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20000101' != '${day}', from '${req.headers['x-amz-date']}'.`,
  });
  const four = tampered(req, { auth: (a) => a.replace('/aws4_request', '') });
  t.throws(() => verify(four), {
    name: 'IncompleteSignatureException',
    statusCode: 400,
    message:
      /^Credential must have exactly 5 slash-delimited elements, e\.g\. keyid\/date\/region\/service\/term, got 'AKIAEXAMPLE000000001\/\d{8}\/us-east-1\/bedrock'$/,
  });
});

t.test('refuses SignedHeaders without host (or :authority)', async (t) => {
  const req = await signed({ path: '/flows/', unsigned: ['host'] });
  t.notMatch(req.headers.authorization, /SignedHeaders=[^,]*host/);
  t.throws(() => verify(req), {
    name: 'InvalidSignatureException',
    statusCode: 403,
    message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
  });
});

t.test('refuses an x-amz-date that is not exactly YYYYMMDDTHHMMSSZ or not on the calendar', async (t) => {
  const req = await signed({ path: '/flows/' });
  const good = req.headers['x-amz-date'] as string;
  for (const bad of [
    `${good}garbage`,
    `${good} `,
    ` ${good}`,
    good.slice(0, -1),
    good.replace('T', 't'),
    `${good.slice(0, 4)}0230${good.slice(8)}`,
    `${good.slice(0, 9)}246000Z`,
    '2024-01-01T00:00:00Z',
  ]) {
    t.throws(
      () => verify(tampered(req, { amzDate: () => bad })),
      {
        name: 'IncompleteSignatureException',
        statusCode: 400,
        message: `Date must be in ISO-8601 'basic format'. Got '${bad}'. See http://en.wikipedia.org/wiki/ISO_8601`,
      },
      JSON.stringify(bad),
    );
  }
  // Without x-amz-date AWS reads Date, in the same format: an HTTP date is refused the same way.
  const { 'x-amz-date': _, ...noAmzDate } = req.headers;
  const httpDate = new Date().toUTCString();
  t.throws(() => parseAuthorization({ ...noAmzDate, date: httpDate }, Date.now()), {
    name: 'IncompleteSignatureException',
    message: `Date must be in ISO-8601 'basic format'. Got '${httpDate}'. See http://en.wikipedia.org/wiki/ISO_8601`,
  });
  t.equal(parseAuthorization({ ...noAmzDate, date: good }, Date.now()).amzDate, good);
});

t.test('refuses Authorization parameters beyond Credential, SignedHeaders and Signature, or given twice', async (t) => {
  const req = await signed({ path: '/flows/' });
  const auth = req.headers.authorization as string;
  const cases: [string, RegExp][] = [
    [
      `${auth}, Extra=1`,
      /^'Extra' is not an Authorization header parameter: expected only 'Credential', 'SignedHeaders' and 'Signature'\. Authorization=/,
    ],
    [
      auth.replace('Credential=', 'Credential=AKIAOTHER/20000101/us-east-1/bedrock/aws4_request, Credential='),
      /^Authorization header has more than one 'Credential' parameter\. Authorization=/,
    ],
    [`${auth}, Signature=0000`, /^Authorization header has more than one 'Signature' parameter\./],
    [
      `${auth}, garbage`,
      /^'garbage' not a valid key=value pair \(missing equal-sign\) in Authorization header: 'AWS4-HMAC-SHA256 Credential=.*'\.$/,
    ],
  ];
  for (const [value, message] of cases) {
    t.throws(() => verify(tampered(req, { auth: () => value })), { name: 'IncompleteSignatureException', statusCode: 400, message }, value);
  }
  // Spacing AWS tolerates still verifies: no space after commas, several spaces.
  verify(tampered(req, { auth: (a) => a.replace(/, /g, ',') }));
  verify(tampered(req, { auth: (a) => a.replace(/, /g, ' ,   ') }));
});

t.test('lists each missing part as AWS does', async (t) => {
  const req = await signed({ path: '/flows/' });
  const auth = req.headers.authorization as string;
  const noSignature = auth.replace(/, Signature=\w+/, '');
  t.throws(() => parseAuthorization({ ...req.headers, authorization: noSignature }, Date.now()), {
    name: 'IncompleteSignatureException',
    message: `Authorization header requires 'Signature' parameter. Authorization=${noSignature}`,
  });
  const { 'x-amz-date': _, ...noDate } = req.headers;
  t.throws(() => parseAuthorization({ ...noDate, authorization: 'AWS4-HMAC-SHA256 SignedHeaders=host' }, Date.now()), {
    message:
      "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256 SignedHeaders=host",
  });
  t.throws(() => parseAuthorization({ authorization: 'AWS4-HMAC-SHA256X Credential=a' }, Date.now()), {
    name: 'IncompleteSignatureException',
    message: "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA256X'",
  });
});

t.test('refuses a SignedHeaders name the request does not carry', async (t) => {
  const req = await signed({ method: 'POST', path: '/flows/', body: '{"name":"x"}' });
  const { 'content-type': _, ...withoutType } = req.headers;
  t.throws(() => verify({ ...req, headers: withoutType }), {
    name: 'IncompleteSignatureException',
    statusCode: 400,
    message: "'content-type' is named as a SignedHeader, but it does not exist in the HTTP request.",
  });
});

t.test('an expired date is reported before anything about the credential, as AWS orders its checks', async (t) => {
  const old = await signed({ path: '/flows/', region: 'xx', service: 'iam', date: new Date(Date.now() - 60 * 60_000) });
  t.throws(() => parseAuthorization(old.headers, Date.now()), { name: 'InvalidSignatureException', message: /^Signature expired: / });
});
