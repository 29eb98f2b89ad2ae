/** Our verifier against requests signed by the SDK's own signer, and what it must refuse. */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import t from 'tap';
import { parseAuthorization, verifySignature, type SignedRequest } from '../../src/protocol/sigv4.js';

const credentials = { accessKeyId: 'AKIAEXAMPLE000000001', secretAccessKey: 'secret', sessionToken: undefined };
/** The signer's hash constructor: HMAC when given a secret. */
class Sha256 {
  private h: Hash | Hmac;
  constructor(secret?: string | Uint8Array) {
    this.h = secret === undefined ? createHash('sha256') : createHmac('sha256', secret);
  }
  update(d: string | Uint8Array) {
    this.h.update(d);
  }
  async digest() {
    return new Uint8Array(this.h.digest());
  }
}

async function signed(opts: {
  method?: string;
  path: string;
  query?: Record<string, string | string[]>;
  body?: string;
  region?: string;
  date?: Date;
  headerName?: string;
}): Promise<SignedRequest> {
  const signer = new SignatureV4({ service: 'bedrock', region: opts.region ?? 'us-east-1', credentials, sha256: Sha256, uriEscapePath: true, applyChecksum: true });
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
      headers: { [hostHeader]: '127.0.0.1:5050', 'content-type': 'application/json', ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
      body,
    },
    { signingDate: opts.date ?? new Date() },
  );
  const qs = Object.entries(opts.query ?? {})
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`))
    .join('&');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.headers)) headers[k.toLowerCase()] = v;
  return { method: request.method, rawUrl: qs ? `${opts.path}?${qs}` : opts.path, headers, body: body ? Buffer.from(body) : undefined };
}

const verify = (req: SignedRequest, secret = 'secret', now = Date.now()) =>
  verifySignature(req, parseAuthorization(req.headers), secret, now);

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
  t.equal(parseAuthorization((await signed({ path: '/', region: 'eu-central-1' })).headers).region, 'eu-central-1');
  // Signed with `host`, sent over HTTP/2 with only `:authority`.
  const { host, ...h2Headers } = (await signed({ path: '/flows/' })).headers;
  verify({ method: 'GET', rawUrl: '/flows/', headers: { ...h2Headers, ':authority': host }, body: undefined });
  t.pass('all verified');
});

t.test('refuses a wrong secret, a tampered body, a changed path and a stale date', async (t) => {
  const req = await signed({ method: 'POST', path: '/flows/', body: '{"name":"x"}' });
  t.throws(() => verify(req, 'other'), { name: 'InvalidSignatureException', message: /does not match/ });
  t.throws(() => verify({ ...req, body: Buffer.from('{"name":"y"}') }), { name: 'InvalidSignatureException', message: /x-amz-content-sha256/ });
  t.throws(() => verify({ ...req, rawUrl: '/flows/x' }), { name: 'InvalidSignatureException' });
  const old = await signed({ path: '/flows/', date: new Date(Date.now() - 16 * 60_000) });
  t.throws(() => verify(old), { name: 'InvalidSignatureException', message: /^Signature expired: \d{8}T\d{6}Z is now earlier than/ });
  const future = await signed({ path: '/flows/', date: new Date(Date.now() + 16 * 60_000) });
  t.throws(() => verify(future), { message: /^Signature not yet current/ });
  t.throws(() => parseAuthorization({}), { name: 'MissingAuthenticationTokenException' });
  t.throws(() => parseAuthorization({ authorization: 'AWS4-HMAC-SHA256 Credential=x' }), { name: 'IncompleteSignatureException' });
});
