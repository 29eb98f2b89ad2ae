/**
 * Server-side SigV4 verification (header form), written against node:crypto because it runs on every request:
 * the signing key is cached per (secret, date, region, service), and the canonical request is rebuilt from the raw
 * URL and the raw body, never from decoded values (the SDKs double-encode the path; see wire-notes §2).
 */
import { createHmac, hash } from 'node:crypto';
import { incompleteSignature, invalidSignature, missingAuthentication } from './errors.js';

export interface SignedRequest {
  method: string;
  /** Path and query exactly as received (still percent-encoded). */
  rawUrl: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer | undefined;
}

export interface Authorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  amzDate: string;
  /** `amzDate` in epoch milliseconds. */
  signedAt: number;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** Both Bedrock clients sign as `bedrock`: the signing name in @aws-sdk/client-bedrock-agent(-runtime)'s models. */
const SERVICE = 'bedrock';
const TERMINATOR = 'aws4_request';
/**
 * A well-formed region name: the shapes of the SDK partitions' `regionRegex` (us-east-1, us-gov-west-1,
 * us-isob-east-1, eusc-de-east-1, cn-northwest-1). Existence is not required: an account has every region.
 * Lowercase only, and bounded, so a region can never smuggle `:` or spaces into an ARN or a world key.
 */
const REGION = /^[a-z]{2,4}(?:-[a-z]{2,10})?-[a-z]{2,16}-\d{1,3}$/;
/**
 * `YYYYMMDD'T'HHMMSS'Z'`, nothing before or after: the format of
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html ("ISO 8601 basic format").
 */
const AMZ_DATE = /^\d{8}T\d{6}Z$/;
/** AWS splits the parameter list on commas and on whitespace: `Credential= AKID/…` is two parameters. */
const SEPARATORS = /[\s,]+/;

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const MAX_SKEW_MS = 15 * 60 * 1000;
const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key ' +
  'and signing method. Consult the service documentation for details.';

const header = (headers: SignedRequest['headers'], name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
};

interface Parameters {
  Credential?: string;
  SignedHeaders?: string;
  Signature?: string;
}

/**
 * The `key=value` parameters after the algorithm. Only the three SigV4 defines, each once: a second Credential or
 * an unknown key would otherwise be ignored, and what was verified would not be what was sent.
 */
function authorizationParameters(auth: string): Parameters {
  const out: Parameters = {};
  for (const token of auth.slice(ALGORITHM.length + 1).split(SEPARATORS)) {
    if (!token) continue;
    const eq = token.indexOf('=');
    if (eq < 0) {
      throw incompleteSignature(
        `'${token}' not a valid key=value pair (missing equal-sign) in Authorization header: '${auth}'.`,
      );
    }
    const key = token.slice(0, eq);
    if (key !== 'Credential' && key !== 'SignedHeaders' && key !== 'Signature') {
      throw incompleteSignature(
        `'${key}' is not an Authorization header parameter: expected only 'Credential', 'SignedHeaders' and ` +
          `'Signature'. Authorization=${auth}`,
      );
    }
    if (out[key] !== undefined) {
      throw incompleteSignature(`Authorization header has more than one '${key}' parameter. Authorization=${auth}`);
    }
    out[key] = token.slice(eq + 1);
  }
  return out;
}

/** Epoch milliseconds of a strict `YYYYMMDD'T'HHMMSS'Z'` date that exists on the calendar, else undefined. */
function amzDateMs(s: string): number | undefined {
  if (!AMZ_DATE.test(s)) return undefined;
  const month = +s.slice(4, 6);
  const day = +s.slice(6, 8);
  const hours = +s.slice(9, 11);
  const minutes = +s.slice(11, 13);
  const seconds = +s.slice(13, 15);
  if (month < 1 || month > 12 || day < 1 || hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const ms = Date.UTC(+s.slice(0, 4), month - 1, day, hours, minutes, seconds);
  // Date.UTC rolls 20240230 over into March.
  return new Date(ms).getUTCDate() === day ? ms : undefined;
}

/**
 * Parses the Authorization header and checks everything that needs no secret, with AWS's error types and wording,
 * in AWS's order: parameters, date format, `host` signed, credential shape, then the scope (region, service,
 * terminator, date) all reported at once.
 */
export function parseAuthorization(headers: SignedRequest['headers']): Authorization {
  const auth = header(headers, 'authorization');
  if (!auth) throw missingAuthentication();
  if (!auth.startsWith(ALGORITHM) || (auth.length > ALGORITHM.length && !/\s/.test(auth[ALGORITHM.length]!))) {
    throw incompleteSignature(`Unsupported AWS 'algorithm': '${auth.split(/\s/, 1)[0]}'`);
  }
  const { Credential: credential, SignedHeaders: signedHeaders, Signature: signature } = authorizationParameters(auth);
  const amzDate = header(headers, 'x-amz-date') ?? header(headers, 'date');
  if (!credential || !signature || !signedHeaders || !amzDate) {
    throw incompleteSignature(
      (credential ? '' : "Authorization header requires 'Credential' parameter. ") +
        (signature ? '' : "Authorization header requires 'Signature' parameter. ") +
        (signedHeaders ? '' : "Authorization header requires 'SignedHeaders' parameter. ") +
        (amzDate ? '' : "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ") +
        `Authorization=${auth}`,
    );
  }
  const signedAt = amzDateMs(amzDate);
  if (signedAt === undefined) {
    throw incompleteSignature(
      `Date must be in ISO-8601 'basic format'. Got '${amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601`,
    );
  }
  const names = signedHeaders.split(';');
  // Over HTTP/2 a client may sign `:authority` instead (test/protocol/sigv4.test.ts); either binds the host.
  if (!names.includes('host') && !names.includes(':authority')) {
    throw invalidSignature("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
  const scope = credential.split('/');
  if (scope.length !== 5) {
    throw incompleteSignature(
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
    );
  }
  const [accessKeyId, date, region, service, terminator] = scope as [string, string, string, string, string];
  const day = amzDate.slice(0, 8);
  const wrong =
    (REGION.test(region) ? '' : `Credential should be scoped to a valid region, not '${region}'. `) +
    (service === SERVICE ? '' : `Credential should be scoped to correct service: '${SERVICE}'. `) +
    (terminator === TERMINATOR ? '' : `Credential should be scoped with a valid terminator: '${TERMINATOR}', not '${terminator}'. `) +
    (date === day
      ? ''
      : `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${date}' != '${day}', from '${amzDate}'.`);
  if (wrong) throw invalidSignature(wrong);
  return { accessKeyId, date, region, service, signedHeaders: names, signature, amzDate, signedAt };
}

/**
 * The credential scope's region when the request carries a well-formed one, for IAM mode `off`, which checks no
 * signature but still keys the world by region: anything else (unsigned, malformed) gets the default region.
 */
export function scopeRegion(headers: SignedRequest['headers']): string | undefined {
  const auth = header(headers, 'authorization');
  if (!auth?.startsWith(`${ALGORITHM} `)) return undefined;
  try {
    const scope = authorizationParameters(auth).Credential?.split('/');
    return scope?.length === 5 && REGION.test(scope[2]!) ? scope[2] : undefined;
  } catch {
    return undefined;
  }
}

const formatAmzDate = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** RFC 3986 encoding as the SDK signers apply it. */
const escape = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Paths made only of unreserved characters, without empty, `.` or `..` segments, are their own canonical form. */
const ALREADY_CANONICAL = /^(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9\-._~]+)*\/?$/;

function canonicalPath(rawPath: string): string {
  if (rawPath.startsWith('/') && ALREADY_CANONICAL.test(rawPath)) return rawPath;
  const segments: string[] = [];
  for (const seg of rawPath.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(escape(seg));
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
    const k = escape(safeDecode(eq < 0 ? part : part.slice(0, eq)));
    const v = eq < 0 ? '' : escape(safeDecode(part.slice(eq + 1)));
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

/** Verifies the signature, the body hash and the clock skew; throws InvalidSignatureException otherwise. */
export function verifySignature(req: SignedRequest, auth: Authorization, secret: string, now = Date.now()): void {
  const signedAt = auth.signedAt;
  if (signedAt < now - MAX_SKEW_MS) {
    throw invalidSignature(
      `Signature expired: ${auth.amzDate} is now earlier than ${formatAmzDate(now - MAX_SKEW_MS)} ` +
        `(${formatAmzDate(now)} - 15 min.)`,
    );
  }
  if (signedAt > now + MAX_SKEW_MS) {
    throw invalidSignature(
      `Signature not yet current: ${auth.amzDate} is still later than ${formatAmzDate(now + MAX_SKEW_MS)} ` +
        `(${formatAmzDate(now)} + 15 min.)`,
    );
  }
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
    const value = header(req.headers, name) ?? (name === 'host' ? header(req.headers, ':authority') : undefined) ?? '';
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
