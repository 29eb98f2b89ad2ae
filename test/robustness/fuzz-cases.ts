/**
 * Malformed requests for every route, derived from the generated operation table: bad bodies, wrong member
 * types, nulls, huge values, deep nesting, invalid UTF-8, malformed path labels, bad query values and broken
 * SigV4 headers. Path labels name resources that do not exist, so a request that slips through validation still
 * changes nothing; top-level creates get bodies that lack required members.
 */
import type { BoundMember, OperationSpec } from '../../src/generated/operations.js';
import type { RawRequest } from '../helpers/signed-request.js';
import type { Random } from './prng.js';

export interface FuzzCase {
  operation: string;
  /** What is wrong, the same for every route: failures are reported by kind. */
  kind: string;
  name: string;
  request: RawRequest;
  /** `4xx`: the input breaks the model, so the answer must be a client error. `no5xx`: it may be valid. */
  expect: '4xx' | 'no5xx';
  /** Sent as prepared, not signed (authentication cases). */
  unsigned?: Record<string, string | string[]>;
}

export const MISSING_ID = 'ZZZZZZZZZZ';
export const MISSING_FLOW_ARN = `arn:aws:bedrock:us-east-1:123456789012:flow/${MISSING_ID}`;
const LABEL_DEFAULTS: Record<string, string> = { flowVersion: '99', agentVersion: '99', resourceArn: MISSING_FLOW_ARN };

const KB = 1024;
const JSON_TYPE = { 'content-type': 'application/json' };

export const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
export const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
/** A FlowDefinition nested through Loop nodes until the JSON is `depth` levels deep. */
export function deepLoopDefinition(depth: number): string {
  const levels = Math.floor(depth / 7);
  const open = '{"nodes":[{"name":"Lp","type":"Loop","configuration":{"loop":{"definition":';
  return open.repeat(levels) + '{"nodes":[]}' + '}}}]}'.repeat(levels);
}
/** JSON text with bytes that are not UTF-8 inside a string. */
export const invalidUtf8Json = (member: string) =>
  Buffer.concat([Buffer.from(`{"${member}":"ab`), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from('"}')]);

/** The path with every label filled (`raw` values are used as they are, others percent-encoded). */
export function pathOf(spec: OperationSpec, raw: Record<string, string> = {}): string {
  return spec.uri.replace(/\{(\w+)\+?\}/g, (_, label: string) => raw[label] ?? encodeURIComponent(LABEL_DEFAULTS[label] ?? MISSING_ID));
}

function wrongTypes(m: BoundMember): unknown[] {
  if (m.list) return ['x', 7, { a: 1 }];
  switch (m.type) {
    case 'string':
      return [12345, true, { a: 1 }, ['x']];
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return ['12', true, { a: 1 }, [1]];
    case 'boolean':
      return ['true', 1, { a: 1 }, [true]];
    case 'structure':
    case 'union':
      return ['x', 7, true, [{}]];
    case 'map':
      return ['x', 7, [['k', 'v']], { k: 7 }];
    default:
      return [];
  }
}

/** A value far outside what the member accepts: over every length, count and range limit of the models. */
function huge(m: BoundMember): unknown {
  if (m.list) return Array.from({ length: 10_000 }, (_, i) => ({ name: `n${i}` }));
  if (m.type === 'map') return Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, 'v']));
  if (m.type === 'integer' || m.type === 'long') return 1e20;
  if (m.type === 'structure' || m.type === 'union') return Array.from({ length: 10_000 }, () => 'x');
  return 'x'.repeat(100 * KB);
}

/** huge(m) as JSON, made once per kind of member: it depends on nothing else, and every body member of every route asks for it, for each transport. */
const hugeJson = new Map<string, string>();
function hugeJsonOf(m: BoundMember): string {
  const key = m.list ? 'list' : m.type;
  let json = hugeJson.get(key);
  if (json === undefined) hugeJson.set(key, (json = JSON.stringify(huge(m))));
  return json;
}

function bodyCases(spec: OperationSpec, rnd: Random): Omit<FuzzCase, 'operation'>[] {
  const path = pathOf(spec);
  const post = (
    name: string,
    body: string | Buffer,
    expect: FuzzCase['expect'] = '4xx',
    headers: Record<string, string> = JSON_TYPE,
    kind = `body: ${name}`,
  ) => ({
    kind,
    name,
    request: { method: spec.method, path, headers, body },
    expect,
  });
  const cases = [
    post('truncated JSON', '{"name": '),
    post('not JSON', '<Flow><name>x</name></Flow>'),
    post('JSON scalar', rnd.pick(['42', '"text"', 'true'])),
    post('JSON array body', '[{"name":"x"}]'),
    post('deep array body (10,000 levels)', deepArray(10_000)),
    post('trailing garbage', '{} {}'),
    post('invalid UTF-8 in a string', invalidUtf8Json(spec.input.body[0]?.wire ?? 'name')),
    post(
      'JSON with a BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"x":1}')]),
      spec.input.body.some((m) => m.required) ? '4xx' : 'no5xx',
    ),
    post('text/plain content type', '{"a":', '4xx', { 'content-type': 'text/plain' }),
  ];
  for (const m of spec.input.body) {
    const value = rnd.pick(wrongTypes(m));
    const member = (kind: string, what: string, body: string) => post(`${m.wire}: ${what}`, body, '4xx', JSON_TYPE, `body member: ${kind}`);
    if (value !== undefined) cases.push(member('wrong type', `wrong type ${JSON.stringify(value)}`, JSON.stringify({ [m.wire]: value })));
    const over = 'over every limit (100 KB string, 10,000 items or entries, 1e20)';
    cases.push(member(over, over, `{${JSON.stringify(m.wire)}:${hugeJsonOf(m)}}`));
    const deep = m.list || m.type === 'map' ? deepObject(10_000) : deepArray(10_000);
    cases.push(member('nested 10,000 levels', 'nested 10,000 levels', `{"${m.wire}":${deep}}`));
    if (m.required) cases.push(member('null where required', 'null', JSON.stringify({ [m.wire]: null })));
    if (m.wire === 'definition') {
      // Without executionRoleArn (or on a missing flow) the request is invalid, but the validator still walks it.
      cases.push(post('definition: Loop nodes nested 10,000 JSON levels', `{"name":"deep","definition":${deepLoopDefinition(10_000)}}`));
    }
  }
  return cases;
}

function queryCases(spec: OperationSpec): Omit<FuzzCase, 'operation'>[] {
  const path = pathOf(spec);
  const cases: Omit<FuzzCase, 'operation'>[] = [];
  for (const m of spec.input.query) {
    const values =
      m.type === 'integer' || m.type === 'long'
        ? ['99999999999999999999', '-1', '0', '1.5', '1e3', '0x10', 'abc', '', '%ZZ']
        : m.type === 'boolean'
          ? ['maybe', '', '2', '%ZZ']
          : [`${'x'.repeat(10 * KB)}`, '%ZZ', '%FF%FE', ''];
    const kind = `query ${m.list ? 'list' : m.type}: invalid value`;
    for (const v of values)
      cases.push({
        kind,
        name: `?${m.wire}=${v.slice(0, 24)}`,
        request: { method: spec.method, path, query: `${m.wire}=${v}` },
        expect: '4xx',
      });
    cases.push({
      kind: 'query: invalid value twice',
      name: `?${m.wire} twice`,
      request: { method: spec.method, path, query: `${m.wire}=${values[0]}&${m.wire}=${values[1]}` },
      expect: '4xx',
    });
  }
  return cases;
}

function pathCases(spec: OperationSpec): Omit<FuzzCase, 'operation'>[] {
  const labels = [...spec.uri.matchAll(/\{(\w+)\+?\}/g)].map((m) => m[1]!);
  const cases: Omit<FuzzCase, 'operation'>[] = [];
  const bad: [string, string, FuzzCase['expect']][] = [
    ['bad percent-encoding', '%ZZ', '4xx'],
    ['percent-encoded invalid UTF-8', '%FF%FE%C3%28', '4xx'],
    ['ARN of another resource type', encodeURIComponent('arn:aws:bedrock:us-east-1:123456789012:agent/ZZZZZZZZZZ'), '4xx'],
    ['S3 ARN', encodeURIComponent('arn:aws:s3:::flow-data'), '4xx'],
    ['truncated ARN', encodeURIComponent('arn:aws:bedrock'), '4xx'],
    ['ARN with extra segments', encodeURIComponent(`${MISSING_FLOW_ARN}/alias/X/Y`), '4xx'],
    ['ARN in another account', encodeURIComponent('arn:aws:bedrock:us-east-1:999999999999:flow/ZZZZZZZZZZ'), '4xx'],
    ['overlong label (2,000)', 'Z'.repeat(2000), '4xx'],
    ['overlong label (5,000)', 'Z'.repeat(5000), '4xx'],
    ['encoded slash', 'ZZZZZ%2FZZZZ', '4xx'],
    ['non-ASCII', encodeURIComponent('ZZZZZZZZZé'), '4xx'],
    ['dot-dot', '..', '4xx'],
  ];
  for (const label of labels) {
    for (const [name, raw, expect] of bad) {
      cases.push({
        kind: `path label: ${name}`,
        name: `{${label}}: ${name}`,
        request: { method: spec.method, path: pathOf(spec, { [label]: raw }) },
        expect,
      });
    }
  }
  return cases;
}

/** Broken SigV4: each must be refused before anything runs. */
function signatureCases(spec: OperationSpec): Omit<FuzzCase, 'operation'>[] {
  const path = pathOf(spec);
  const old = new Date(Date.now() - 20 * 60 * 1000);
  const cases: Omit<FuzzCase, 'operation' | 'kind'>[] = [
    { name: 'x-amz-date 20 minutes old', request: { method: spec.method, path, date: old }, expect: '4xx' },
    {
      name: 'x-amz-content-sha256 of another body',
      request: { method: spec.method, path, body: '{}', headers: JSON_TYPE, contentSha256: 'a'.repeat(64) },
      expect: '4xx',
    },
    {
      name: 'x-amz-date twice',
      request: { method: spec.method, path, headers: { 'x-amz-date': ['20260101T000000Z', '20260101T000001Z'] } },
      expect: '4xx',
    },
    {
      name: 'unknown access key',
      request: { method: spec.method, path, credentials: { accessKeyId: 'AKIANOBODY0000000000', secretAccessKey: 'x' } },
      expect: '4xx',
    },
    {
      name: 'wrong secret',
      request: { method: spec.method, path, credentials: { accessKeyId: 'test', secretAccessKey: 'wrong' } },
      expect: '4xx',
    },
    { name: 'no Authorization', request: { method: spec.method, path }, unsigned: {}, expect: '4xx' },
    { name: 'garbage Authorization', request: { method: spec.method, path }, unsigned: { authorization: 'garbage' }, expect: '4xx' },
    { name: 'Bearer Authorization', request: { method: spec.method, path }, unsigned: { authorization: 'Bearer abc' }, expect: '4xx' },
    {
      name: 'Authorization without Signature',
      request: { method: spec.method, path },
      unsigned: {
        authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/bedrock/aws4_request',
        'x-amz-date': '20260101T000000Z',
      },
      expect: '4xx',
    },
  ];
  return cases.map((c) => ({ ...c, kind: `SigV4: ${c.name}` }));
}

export function casesFor(operation: string, spec: OperationSpec, rnd: Random): FuzzCase[] {
  const hasBody = spec.method !== 'GET';
  return [...(hasBody ? bodyCases(spec, rnd) : []), ...queryCases(spec), ...pathCases(spec), ...signatureCases(spec)].map((c) => ({
    ...c,
    operation,
  }));
}
