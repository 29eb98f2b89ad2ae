/**
 * CPU microseconds per `authenticate` call for an SDK-signed GetFlow, the check every request pays (IAM mode enforce),
 * and for the same request in mode off. Run: node --import tsx bench/authenticate.ts
 */
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '../test/helpers/signed-request.js';
import { authenticate } from '../src/server/authenticate.js';
import type { SignedRequest } from '../src/protocol/sigv4.js';
import { createUniverse } from '../src/world/universe.js';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const universe = createUniverse();
universe.identities.set('test', { arn: 'arn:aws:iam::123456789012:user/admin', ...credentials });

const signer = new SignatureV4({ service: 'bedrock', region: 'us-east-1', credentials, sha256: Sha256, uriEscapePath: true });
const now = Date.now();
const path = '/flows/ABCDEFGHIJ/';
const signed = await signer.sign(
  {
    method: 'GET',
    protocol: 'http:',
    hostname: '127.0.0.1',
    port: 5050,
    path,
    query: {},
    headers: {
      host: '127.0.0.1:5050',
      'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'amz-sdk-invocation-id': '8f7d3c52-6e0b-4d3a-9a43-0f4a9f1f2f11',
      'amz-sdk-request': 'attempt=1; max=3',
    },
  },
  { signingDate: new Date(now) },
);
const headers: Record<string, string> = { 'user-agent': 'aws-sdk-js/3', 'x-amz-user-agent': 'aws-sdk-js/3' };
for (const [k, v] of Object.entries(signed.headers)) headers[k.toLowerCase()] = v;
const req: SignedRequest = { method: 'GET', rawUrl: path, headers, body: undefined };

/** CPU time (user + system) per call, which a busy shared machine distorts less than wall time. */
function perCallMicros(mode: 'enforce' | 'off', calls: number): number {
  const start = process.cpuUsage();
  for (let i = 0; i < calls; i++) authenticate(universe, mode, req, now);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / calls;
}

for (const mode of ['enforce', 'off'] as const) {
  perCallMicros(mode, 50_000);
  const rounds = [1, 2, 3, 4, 5].map(() => perCallMicros(mode, 200_000));
  console.log(`${mode}: ${rounds.map((r) => r.toFixed(2)).join(' / ')} µs CPU per authenticate (best ${Math.min(...rounds).toFixed(2)})`);
}
