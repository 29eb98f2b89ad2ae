/**
 * Signs raw HTTP requests with the SDK's own signer (@smithy/signature-v4), so tests can send bytes no SDK would
 * (bad JSON, invalid UTF-8, malformed paths, odd headers) that still pass authentication and reach validation.
 * The path and query are taken exactly as they go on the wire; the signer encodes them once more, as the SDKs do.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import type { ClientHttp2Session } from 'node:http2';
import { SignatureV4 } from '@smithy/signature-v4';
import { getGlobalDispatcher, type Dispatcher } from 'undici';

export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface RawRequest {
  method: string;
  /** The path as sent, percent-encoding (or the lack of it) included. */
  path: string;
  /** The query string as sent, without `?`. */
  query?: string;
  /** Extra headers; an array value sends the header several times. Signed unless named in `unsigned`. */
  headers?: Record<string, string | string[]>;
  body?: Buffer | string;
  credentials?: SigningCredentials;
  region?: string;
  /** The credential scope's service; `bedrock` unless a test wants a wrong one. */
  service?: string;
  date?: Date;
  /** Header names sent but left out of SignedHeaders. */
  unsigned?: string[];
  /** Sent as x-amz-content-sha256 instead of the body's real hash. */
  contentSha256?: string;
}

export interface PreparedRequest {
  method: string;
  /** Path and query, ready for the request line. */
  url: string;
  headers: Record<string, string | string[]>;
  body: Buffer | undefined;
}

const ADMIN: SigningCredentials = { accessKeyId: 'test', secretAccessKey: 'test' };

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: SourceData) =>
  typeof d === 'string' ? d : d instanceof ArrayBuffer ? new Uint8Array(d) : new Uint8Array(d.buffer, d.byteOffset, d.byteLength);

/** The signer's hash constructor (@smithy/signature-v4's `sha256`): an HMAC when it is given a key. */
export class Sha256 {
  private readonly h: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.h = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData) {
    this.h.update(bytes(data));
  }
  async digest() {
    return new Uint8Array(this.h.digest());
  }
}

/** The signer wants decoded query values; undecodable ones are signed as they are (and so escaped once). */
function queryObject(raw: string | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  for (const part of (raw ?? '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = decode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : decode(part.slice(eq + 1));
    const prev = out[key];
    out[key] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
  }
  return out;
}

/** Signs `req` for `origin` (e.g. http://127.0.0.1:5050), service `bedrock`, as the SDK clients do. */
export async function signRequest(origin: string, req: RawRequest): Promise<PreparedRequest> {
  const url = new URL(origin);
  const body = req.body === undefined ? undefined : Buffer.from(req.body);
  const credentials = req.credentials ?? ADMIN;
  const signer = new SignatureV4({
    service: req.service ?? 'bedrock',
    region: req.region ?? 'us-east-1',
    credentials,
    sha256: Sha256,
    uriEscapePath: true,
    applyChecksum: false,
  });
  const contentHash =
    req.contentSha256 ??
    createHash('sha256')
      .update(body ?? Buffer.alloc(0))
      .digest('hex');
  // Repeated headers arrive joined with ", " (Node's rule for unknown headers): sign what the server will see.
  const toSign: Record<string, string> = { host: url.host, 'x-amz-content-sha256': contentHash };
  for (const [k, v] of Object.entries(req.headers ?? {})) toSign[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  const signed = await signer.sign(
    {
      method: req.method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: req.path,
      query: queryObject(req.query),
      headers: toSign,
    },
    { signingDate: req.date ?? new Date(), unsignableHeaders: new Set((req.unsigned ?? []).map((h) => h.toLowerCase())) },
  );
  const headers: Record<string, string | string[]> = { ...(req.headers ?? {}) };
  for (const [k, v] of Object.entries(signed.headers)) {
    if (!(k in headers) && k !== 'host') headers[k] = v;
  }
  return { method: req.method, url: req.query !== undefined ? `${req.path}?${req.query}` : req.path, headers, body };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The body as JSON, or undefined when it is not JSON. */
  json: unknown;
}

const parseJson = (body: Buffer): unknown => {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
};

/** Signs and sends one request over HTTP/1.1 with undici; the response body is read whole. */
export async function sendSigned(origin: string, req: RawRequest, dispatcher?: Dispatcher): Promise<RawResponse> {
  const prepared = await signRequest(origin, req);
  return sendPrepared(origin, prepared, dispatcher);
}

/** Sends an already prepared (possibly unsigned or tampered) request. */
export async function sendPrepared(origin: string, prepared: PreparedRequest, dispatcher?: Dispatcher): Promise<RawResponse> {
  // dispatcher.request takes the path as is; a URL object would normalise the malformed paths away.
  const res = await (dispatcher ?? getGlobalDispatcher()).request({
    origin,
    path: prepared.url,
    method: prepared.method as Dispatcher.HttpMethod,
    headers: prepared.headers,
    body: prepared.body ?? null,
  });
  const body = Buffer.from(await res.body.arrayBuffer());
  return { status: res.statusCode, headers: res.headers, body, json: parseJson(body) };
}

/**
 * The same request over an h2c session, as the runtime SDK client sends it (`host` as a header beside `:authority`).
 * Rejects when node:http2 itself refuses the request (headers h2 forbids).
 */
export function sendPreparedH2(session: ClientHttp2Session, prepared: PreparedRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    // endStream: false, or a GET would be closed before a (malformed) body could follow.
    const stream = session.request({ ...prepared.headers, ':method': prepared.method, ':path': prepared.url }, { endStream: false });
    const chunks: Buffer[] = [];
    let head: Record<string, string | string[] | undefined> = {};
    stream.on('response', (h) => (head = h as typeof head));
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const body = Buffer.concat(chunks);
      resolve({ status: Number(head[':status']), headers: head, body, json: parseJson(body) });
    });
    stream.on('error', reject);
    stream.end(prepared.body);
  });
}
