/**
 * Server-side SigV4 verification (header form), written against node:crypto because it runs on every request:
 * the signing key is cached per (secret, date, region, service), and the canonical request is rebuilt from the raw
 * URL and the raw body, never from decoded values (the SDKs encode the path twice: the encoded ARN in
 * test/protocol/sigv4.test.ts). The Authorization header itself is parsed and checked in sigv4-authorization.ts.
 */
import { createHmac, hash } from 'node:crypto';
import { incompleteSignature, invalidSignature } from './errors.js';
import { header, type Authorization } from './sigv4-authorization.js';

export { parseAuthorization, scopeRegion, type Authorization } from './sigv4-authorization.js';

export interface SignedRequest {
  method: string;
  /** Path and query exactly as received (still percent-encoded). */
  rawUrl: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer | undefined;
}

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key ' +
  'and signing method. Consult the service documentation for details.';

/** RFC 3986 encoding as the SDK signers apply it. */
const uriEncode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Paths made only of unreserved characters, without empty, `.` or `..` segments, are their own canonical form. */
const ALREADY_CANONICAL = /^(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9\-._~]+)*\/?$/;

function canonicalPath(rawPath: string): string {
  if (rawPath.startsWith('/') && ALREADY_CANONICAL.test(rawPath)) return rawPath;
  const segments: string[] = [];
  for (const seg of rawPath.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(uriEncode(seg));
  }
  const trailing = segments.length > 0 && rawPath.endsWith('/') ? '/' : '';
  return `/${segments.join('/')}${trailing}`;
}

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

function canonicalQuery(rawQuery: string): string {
  if (!rawQuery) return '';
  const pairs: [string, string][] = [];
  for (const part of rawQuery.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const k = uriEncode(safeDecode(eq < 0 ? part : part.slice(0, eq)));
    const v = eq < 0 ? '' : uriEncode(safeDecode(part.slice(eq + 1)));
    pairs.push([k, v]);
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

const BLOCK = 64;
/** A signing key as HMAC uses it: XORed with the inner and outer pads (RFC 2104), ready to prefix. */
interface SigningKey {
  inner: Buffer;
  outer: Buffer;
}

const padded = (key: Buffer, pad: number) => {
  const out = Buffer.alloc(BLOCK, pad);
  for (let i = 0; i < key.length; i++) out[i]! ^= key[i]!;
  return out;
};

/**
 * HMAC-SHA256 (hex) over the one-shot crypto.hash: on Node 20 each createHmac/createHash object costs 3-4 µs, and a
 * Buffer digest 1 µs more than a string one, which made them most of the signature check. The SDK-signed requests of
 * test/protocol/sigv4.test.ts check it.
 */
function hmacSha256Hex(key: SigningKey, data: string): string {
  const inner = Buffer.allocUnsafe(BLOCK + Buffer.byteLength(data));
  key.inner.copy(inner, 0);
  inner.write(data, BLOCK);
  const outer = Buffer.allocUnsafe(BLOCK + 32);
  key.outer.copy(outer, 0);
  outer.write(hash('sha256', inner, 'binary'), BLOCK, 'binary');
  return hash('sha256', outer, 'hex');
}

/**
 * Signing keys change once a day per credential and scope: caching them saves four HMACs per request. Looked up by
 * the secret, then by comparing the scope, so that a hit builds no key string.
 */
interface CachedKey extends SigningKey {
  date: string;
  region: string;
  service: string;
}
const signingKeys = new Map<string, CachedKey[]>();
function signingKey(secret: string, date: string, region: string, service: string): SigningKey {
  let scopes = signingKeys.get(secret);
  if (scopes) {
    for (const k of scopes) if (k.date === date && k.region === region && k.service === service) return k;
  } else {
    if (signingKeys.size > 1000) signingKeys.clear();
    signingKeys.set(secret, (scopes = []));
  }
  if (scopes.length > 32) scopes.length = 0;
  const derived = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
  const key = { inner: padded(derived, 0x36), outer: padded(derived, 0x5c), date, region, service };
  scopes.push(key);
  return key;
}

const sha256Hex = (body: Buffer | undefined) => (body && body.length > 0 ? hash('sha256', body, 'hex') : EMPTY_SHA256);

/**
 * Verifies the signature and the body hash (InvalidSignatureException otherwise), and that every signed header was
 * sent (IncompleteSignatureException, as AWS answers). The clock skew was checked with the date, when parsing.
 */
export function verifySignature(req: SignedRequest, auth: Authorization, secret: string): void {
  const bodyHash = sha256Hex(req.body);
  const claimedHash = header(req.headers, 'x-amz-content-sha256');
  if (claimedHash !== undefined && claimedHash !== 'UNSIGNED-PAYLOAD' && claimedHash !== bodyHash) {
    throw invalidSignature("The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
  const q = req.rawUrl.indexOf('?');
  const path = q < 0 ? req.rawUrl : req.rawUrl.slice(0, q);
  let headerBlock = '';
  for (const name of auth.signedHeaders) {
    // Over HTTP/2 a client may name the host only in the `:authority` pseudo-header.
    const value = header(req.headers, name) ?? (name === 'host' ? header(req.headers, ':authority') : undefined);
    if (value === undefined) {
      throw incompleteSignature(`'${name}' is named as a SignedHeader, but it does not exist in the HTTP request.`);
    }
    headerBlock += `${name}:${value.trim().replace(/\s+/g, ' ')}\n`;
  }
  const canonical = [
    req.method,
    canonicalPath(path),
    canonicalQuery(q < 0 ? '' : req.rawUrl.slice(q + 1)),
    headerBlock,
    auth.signedHeaders.join(';'),
    claimedHash ?? bodyHash,
  ].join('\n');
  const stringToSign = `AWS4-HMAC-SHA256\n${auth.amzDate}\n${auth.date}/${auth.region}/${auth.service}/aws4_request\n${hash('sha256', canonical, 'hex')}`;
  // A plain comparison: timing attacks on a local emulator's made-up secrets are no threat worth a microsecond.
  if (hmacSha256Hex(signingKey(secret, auth.date, auth.region, auth.service), stringToSign) !== auth.signature) {
    throw invalidSignature(MISMATCH);
  }
}
