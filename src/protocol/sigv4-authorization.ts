/**
 * The SigV4 Authorization header (header form), parsed and checked for everything that needs no secret, with the
 * error types and wordings AWS answers (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
 * describes the format). It runs on every request, so it scans with indexOf and builds messages only on failure.
 */
import { incompleteSignature, invalidSignature, missingAuthentication } from './errors.js';
import type { SignedRequest } from './sigv4.js';

export interface Authorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  amzDate: string;
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
const wellFormedRegion = (region: string) => REGION.test(region);
const MAX_SKEW_MS = 15 * 60 * 1000;

const formatAmzDate = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** A header's value as one string (Node gives some repeated headers as arrays). */
export const header = (headers: SignedRequest['headers'], name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
};

/** A fixed shape (every key present) keeps the property accesses monomorphic. */
interface Parameters {
  Credential: string | undefined;
  SignedHeaders: string | undefined;
  Signature: string | undefined;
}

/** Whether the header's first word is the SigV4 algorithm. */
function namesAlgorithm(auth: string): boolean {
  const next = auth.charCodeAt(ALGORITHM.length);
  return auth.startsWith(ALGORITHM) && (auth.length === ALGORITHM.length || next === 32 || next === 9);
}

/**
 * The next place in `auth` from `at` where a parameter ends. AWS splits the list on commas and on whitespace
 * (`Credential= AKID/…` is two parameters); header values can hold no whitespace but spaces and tabs (RFC 9110
 * §5.5). indexOf, not a character loop or a regex split: those cost up to a microsecond per request.
 */
function parameterEnd(auth: string, at: number, hasTab: boolean): number {
  let end = auth.length;
  const comma = auth.indexOf(',', at);
  if (comma >= 0) end = comma;
  const space = auth.indexOf(' ', at);
  if (space >= 0 && space < end) end = space;
  if (hasTab) {
    const tab = auth.indexOf('\t', at);
    if (tab >= 0 && tab < end) end = tab;
  }
  return end;
}

const isSeparator = (c: number) => c === 44 /* , */ || c === 32 || c === 9;

/**
 * The `key=value` parameters after the algorithm. Only the three SigV4 defines, each once: a second Credential or
 * an unknown key would otherwise be ignored, and what was verified would not be what was sent.
 */
function authorizationParameters(auth: string): Parameters {
  const out: Parameters = { Credential: undefined, SignedHeaders: undefined, Signature: undefined };
  const hasTab = auth.includes('\t');
  const n = auth.length;
  let at = ALGORITHM.length;
  while (at < n) {
    if (isSeparator(auth.charCodeAt(at))) {
      at++;
      continue;
    }
    const end = parameterEnd(auth, at, hasTab);
    const eq = auth.indexOf('=', at);
    if (eq < 0 || eq > end) {
      throw incompleteSignature(
        `'${auth.slice(at, end)}' not a valid key=value pair (missing equal-sign) in Authorization header: '${auth}'.`,
      );
    }
    const length = eq - at;
    const name =
      length === 10 && auth.startsWith('Credential', at)
        ? 'Credential'
        : length === 13 && auth.startsWith('SignedHeaders', at)
          ? 'SignedHeaders'
          : length === 9 && auth.startsWith('Signature', at)
            ? 'Signature'
            : undefined;
    if (name === undefined) {
      throw incompleteSignature(
        `'${auth.slice(at, eq)}' is not an Authorization header parameter: expected only 'Credential', ` +
          `'SignedHeaders' and 'Signature'. Authorization=${auth}`,
      );
    }
    if (out[name] !== undefined) {
      throw incompleteSignature(`Authorization header has more than one '${name}' parameter. Authorization=${auth}`);
    }
    out[name] = auth.slice(eq + 1, end);
    at = end;
  }
  return out;
}

/** The number written by `length` ASCII digits of `s` from `at`, or -1 if any is not a digit. */
function digits(s: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Epoch milliseconds of a date that exists on the calendar, written strictly `YYYYMMDD'T'HHMMSS'Z'` (nothing before
 * or after), the "ISO 8601 basic format" of https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html.
 */
function amzDateMs(s: string): number | undefined {
  if (s.length !== 16 || s.charCodeAt(8) !== 84 /* T */ || s.charCodeAt(15) !== 90 /* Z */) return undefined;
  const year = digits(s, 0, 4);
  const month = digits(s, 4, 2);
  const day = digits(s, 6, 2);
  const hours = digits(s, 9, 2);
  const minutes = digits(s, 11, 2);
  const seconds = digits(s, 13, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hours < 0 || hours > 23) return undefined;
  if (minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) return undefined;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0)) return undefined;
  return Date.UTC(year, month - 1, day, hours, minutes, seconds);
}

interface CredentialScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  terminator: string;
}

/** `keyid/date/region/service/terminator`, or undefined unless there are exactly five elements. */
function credentialScope(credential: string): CredentialScope | undefined {
  const a = credential.indexOf('/');
  const b = a < 0 ? -1 : credential.indexOf('/', a + 1);
  const c = b < 0 ? -1 : credential.indexOf('/', b + 1);
  const d = c < 0 ? -1 : credential.indexOf('/', c + 1);
  if (d < 0 || credential.includes('/', d + 1)) return undefined;
  return {
    accessKeyId: credential.slice(0, a),
    date: credential.slice(a + 1, b),
    region: credential.slice(b + 1, c),
    service: credential.slice(c + 1, d),
    terminator: credential.slice(d + 1),
  };
}

/** Every fault of a credential scope, in one message as AWS reports them (each sentence ends with a space). */
function scopeFaults(scope: CredentialScope, amzDate: string): string {
  const { region, service, terminator, date } = scope;
  const day = amzDate.slice(0, 8);
  return (
    (wellFormedRegion(region) ? '' : `Credential should be scoped to a valid region, not '${region}'. `) +
    (service === SERVICE ? '' : `Credential should be scoped to correct service: '${SERVICE}'. `) +
    (terminator === TERMINATOR ? '' : `Credential should be scoped with a valid terminator: '${TERMINATOR}', not '${terminator}'. `) +
    (date === day
      ? ''
      : `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${date}' != '${day}', from '${amzDate}'.`)
  );
}

/**
 * Parses the Authorization header and checks everything that needs no secret, with AWS's error types and wording,
 * in AWS's order: parameters, date format, clock skew (±15 minutes of `now`), `host` signed, credential shape, then
 * the scope (region, service, terminator, date) all reported at once.
 */
export function parseAuthorization(headers: SignedRequest['headers'], now: number): Authorization {
  const auth = header(headers, 'authorization');
  if (!auth) throw missingAuthentication();
  if (!namesAlgorithm(auth)) {
    throw incompleteSignature(`Unsupported AWS 'algorithm': '${auth.split(/[ \t]/, 1)[0]}'`);
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
    throw incompleteSignature(`Date must be in ISO-8601 'basic format'. Got '${amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601`);
  }
  if (signedAt < now - MAX_SKEW_MS) {
    throw invalidSignature(
      `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(now - MAX_SKEW_MS)} ` + `(${formatAmzDate(now)} - 15 min.)`,
    );
  }
  if (signedAt > now + MAX_SKEW_MS) {
    throw invalidSignature(
      `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(now + MAX_SKEW_MS)} ` +
        `(${formatAmzDate(now)} + 15 min.)`,
    );
  }
  const names = signedHeaders.split(';');
  // Over HTTP/2 a client may sign `:authority` instead (test/protocol/sigv4.test.ts); either binds the host.
  if (!names.includes('host') && !names.includes(':authority')) {
    throw invalidSignature("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
  const scope = credentialScope(credential);
  if (scope === undefined) {
    throw incompleteSignature(
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
    );
  }
  const { accessKeyId, date, region, service, terminator } = scope;
  const sameDay = date.length === 8 && amzDate.startsWith(date);
  if (!sameDay || service !== SERVICE || terminator !== TERMINATOR || !wellFormedRegion(region)) {
    throw invalidSignature(scopeFaults(scope, amzDate));
  }
  return { accessKeyId, date, region, service, signedHeaders: names, signature, amzDate };
}

/**
 * The credential scope's region when the request carries a well-formed one, for IAM mode `off`, which checks no
 * signature but still keys the world by region: anything else (unsigned, malformed) gets the default region.
 */
export function scopeRegion(headers: SignedRequest['headers']): string | undefined {
  const auth = header(headers, 'authorization');
  if (auth === undefined || !namesAlgorithm(auth)) return undefined;
  try {
    const credential = authorizationParameters(auth).Credential;
    const scope = credential === undefined ? undefined : credentialScope(credential);
    return scope && wellFormedRegion(scope.region) ? scope.region : undefined;
  } catch {
    return undefined;
  }
}
