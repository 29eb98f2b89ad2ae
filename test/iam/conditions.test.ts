/**
 * Condition operators, set operators, IfExists, missing keys, key-name case, and policy variables: each case says
 * whether an Allow statement with the condition applies to the request.
 */
import t from 'tap';
import type { ContextValues } from '../../src/iam/index.js';
import { compiled, decide, doc, FLOW, user, USER_ARN } from './support.js';

interface Case {
  readonly name: string;
  readonly condition: Record<string, Record<string, unknown>>;
  readonly context?: ContextValues;
  readonly applies: boolean;
}

const NOW = '2026-09-28T12:00:00Z';

const CASES: readonly Case[] = [
  // String
  {
    name: 'StringEquals matches',
    condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } },
    context: { 'aws:RequestedRegion': 'us-east-1' },
    applies: true,
  },
  {
    name: 'StringEquals is case-sensitive',
    condition: { StringEquals: { 'aws:RequestedRegion': 'US-EAST-1' } },
    context: { 'aws:RequestedRegion': 'us-east-1' },
    applies: false,
  },
  {
    name: 'StringEquals: "*" is literal',
    condition: { StringEquals: { 'aws:RequestedRegion': 'us-*' } },
    context: { 'aws:RequestedRegion': 'us-east-1' },
    applies: false,
  },
  {
    name: 'several values of one key: OR',
    condition: { StringEquals: { 'aws:RequestedRegion': ['eu-west-1', 'us-east-1'] } },
    context: { 'aws:RequestedRegion': 'us-east-1' },
    applies: true,
  },
  {
    name: 'several keys: AND',
    condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1', 'aws:PrincipalTag/team': 'ml' } },
    context: { 'aws:RequestedRegion': 'us-east-1', 'aws:PrincipalTag/team': 'web' },
    applies: false,
  },
  {
    name: 'several operators: AND',
    condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' }, Bool: { 'aws:SecureTransport': 'true' } },
    context: { 'aws:RequestedRegion': 'us-east-1', 'aws:SecureTransport': 'false' },
    applies: false,
  },
  { name: 'missing key: StringEquals is false', condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } }, applies: false },
  { name: 'StringNotEquals: a missing key is true', condition: { StringNotEquals: { 'aws:RequestedRegion': 'us-east-1' } }, applies: true },
  {
    name: 'StringNotEquals with several values is NOR (value listed)',
    condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'us-east-1'] } },
    context: { 'aws:RequestedRegion': 'us-east-1' },
    applies: false,
  },
  {
    name: 'StringNotEquals with several values is NOR (value not listed)',
    condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'us-west-2'] } },
    context: { 'aws:RequestedRegion': 'us-east-1' },
    applies: true,
  },
  {
    name: 'StringEqualsIgnoreCase',
    condition: { StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'ML' } },
    context: { 'aws:PrincipalTag/team': 'ml' },
    applies: true,
  },
  {
    name: 'StringNotEqualsIgnoreCase',
    condition: { StringNotEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'ML' } },
    context: { 'aws:PrincipalTag/team': 'ml' },
    applies: false,
  },
  {
    name: 'StringLike with *',
    condition: { StringLike: { 'aws:PrincipalTag/team': 'm*' } },
    context: { 'aws:PrincipalTag/team': 'ml-platform' },
    applies: true,
  },
  {
    name: 'StringLike with ?',
    condition: { StringLike: { 'aws:PrincipalTag/team': 'm?' } },
    context: { 'aws:PrincipalTag/team': 'ml' },
    applies: true,
  },
  {
    name: 'StringLike is case-sensitive',
    condition: { StringLike: { 'aws:PrincipalTag/team': 'M*' } },
    context: { 'aws:PrincipalTag/team': 'ml' },
    applies: false,
  },
  {
    name: 'StringNotLike',
    condition: { StringNotLike: { 'aws:PrincipalTag/team': ['web*', 'ops*'] } },
    context: { 'aws:PrincipalTag/team': 'ml' },
    applies: true,
  },
  {
    name: 'condition key names are case-insensitive',
    condition: { StringEquals: { 'AWS:requestedREGION': 'us-east-1' } },
    context: { 'aws:RequestedRegion': 'us-east-1' },
    applies: true,
  },
  {
    name: 'tag keys in key names are case-insensitive',
    condition: { StringEquals: { 'aws:ResourceTag/Team': 'ml' } },
    context: { 'aws:resourcetag/team': 'ml' },
    applies: true,
  },

  // Numeric
  {
    name: 'NumericEquals',
    condition: { NumericEquals: { 'aws:MultiFactorAuthAge': '10' } },
    context: { 'aws:MultiFactorAuthAge': '10.0' },
    applies: true,
  },
  {
    name: 'NumericNotEquals',
    condition: { NumericNotEquals: { 'aws:MultiFactorAuthAge': '10' } },
    context: { 'aws:MultiFactorAuthAge': 11 },
    applies: true,
  },
  {
    name: 'NumericLessThan',
    condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
    context: { 'aws:MultiFactorAuthAge': '3599.5' },
    applies: true,
  },
  {
    name: 'NumericLessThanEquals (equal)',
    condition: { NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '3600' } },
    context: { 'aws:MultiFactorAuthAge': '3600' },
    applies: true,
  },
  {
    name: 'NumericGreaterThan (equal is false)',
    condition: { NumericGreaterThan: { 'aws:MultiFactorAuthAge': '3600' } },
    context: { 'aws:MultiFactorAuthAge': '3600' },
    applies: false,
  },
  {
    name: 'NumericGreaterThanEquals',
    condition: { NumericGreaterThanEquals: { 'aws:MultiFactorAuthAge': '3600' } },
    context: { 'aws:MultiFactorAuthAge': '7200' },
    applies: true,
  },
  {
    name: 'a policy value that is not a number matches nothing',
    condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': 'ten' } },
    context: { 'aws:MultiFactorAuthAge': '5' },
    applies: false,
  },

  // Date
  {
    name: 'DateLessThan with ISO 8601',
    condition: { DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } },
    context: { 'aws:CurrentTime': NOW },
    applies: true,
  },
  {
    name: 'DateGreaterThan with ISO 8601',
    condition: { DateGreaterThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } },
    context: { 'aws:CurrentTime': NOW },
    applies: false,
  },
  {
    name: 'DateGreaterThanEquals with epoch seconds',
    condition: { DateGreaterThanEquals: { 'aws:EpochTime': '1790000000' } },
    context: { 'aws:EpochTime': 1790000000 },
    applies: true,
  },
  {
    name: 'DateLessThanEquals compares instants across offsets',
    condition: { DateLessThanEquals: { 'aws:CurrentTime': '2026-09-28T14:00:00+02:00' } },
    context: { 'aws:CurrentTime': NOW },
    applies: true,
  },
  {
    name: 'DateEquals',
    condition: { DateEquals: { 'aws:CurrentTime': NOW } },
    context: { 'aws:CurrentTime': '2026-09-28T12:00:00.000Z' },
    applies: true,
  },
  {
    name: 'DateNotEquals',
    condition: { DateNotEquals: { 'aws:CurrentTime': NOW } },
    context: { 'aws:CurrentTime': '2026-09-28T12:00:01Z' },
    applies: true,
  },

  // Bool, Binary
  { name: 'Bool true', condition: { Bool: { 'aws:SecureTransport': 'true' } }, context: { 'aws:SecureTransport': true }, applies: true },
  {
    name: 'Bool is case-insensitive',
    condition: { Bool: { 'aws:SecureTransport': 'False' } },
    context: { 'aws:SecureTransport': 'false' },
    applies: true,
  },
  {
    name: 'Bool with a JSON boolean in the policy',
    condition: { Bool: { 'aws:SecureTransport': false } },
    context: { 'aws:SecureTransport': 'true' },
    applies: false,
  },
  {
    name: 'BinaryEquals',
    condition: { BinaryEquals: { 'custom:Blob': 'QmluYXJ5VmFsdWU=' } },
    context: { 'custom:Blob': 'QmluYXJ5VmFsdWU=' },
    applies: true,
  },
  {
    name: 'BinaryEquals other bytes',
    condition: { BinaryEquals: { 'custom:Blob': 'QmluYXJ5VmFsdWU=' } },
    context: { 'custom:Blob': 'T3RoZXI=' },
    applies: false,
  },

  // IP addresses
  {
    name: 'IpAddress in an IPv4 CIDR',
    condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
    context: { 'aws:SourceIp': '203.0.113.77' },
    applies: true,
  },
  {
    name: 'IpAddress outside an IPv4 CIDR',
    condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
    context: { 'aws:SourceIp': '203.0.114.1' },
    applies: false,
  },
  {
    name: 'IpAddress with a bare address is /32',
    condition: { IpAddress: { 'aws:SourceIp': '127.0.0.1' } },
    context: { 'aws:SourceIp': '127.0.0.1' },
    applies: true,
  },
  {
    name: 'IpAddress in an IPv6 CIDR',
    condition: { IpAddress: { 'aws:SourceIp': '2001:DB8:1234:5678::/64' } },
    context: { 'aws:SourceIp': '2001:db8:1234:5678::abcd' },
    applies: true,
  },
  {
    name: 'IpAddress outside an IPv6 CIDR',
    condition: { IpAddress: { 'aws:SourceIp': '2001:DB8:1234:5678::/64' } },
    context: { 'aws:SourceIp': '2001:db8:1234:5679::1' },
    applies: false,
  },
  {
    name: 'NotIpAddress',
    condition: { NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.0.0/16'] } },
    context: { 'aws:SourceIp': '203.0.113.7' },
    applies: true,
  },
  { name: 'NotIpAddress with a missing key is true', condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, applies: true },
  {
    name: 'IpAddress: a value that is not an address',
    condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
    context: { 'aws:SourceIp': 'localhost' },
    applies: false,
  },

  // ARN
  {
    name: 'ArnLike',
    condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:bedrock:*:123456789012:flow/*' } },
    context: { 'aws:SourceArn': FLOW },
    applies: true,
  },
  {
    name: 'ArnEquals behaves as ArnLike',
    condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:bedrock:*:123456789012:flow/*' } },
    context: { 'aws:SourceArn': FLOW },
    applies: true,
  },
  {
    name: 'ArnLike: * does not cross ":" in the first five parts',
    condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:someservice:*:111122223333:finance/*' } },
    context: { 'aws:SourceArn': 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt' },
    applies: false,
  },
  {
    name: '...while StringLike matches the same text',
    condition: { StringLike: { 'aws:SourceArn': 'arn:aws:someservice:*:111122223333:finance/*' } },
    context: { 'aws:SourceArn': 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt' },
    applies: true,
  },
  {
    name: 'ArnNotLike',
    condition: { ArnNotLike: { 'aws:SourceArn': 'arn:aws:bedrock:*:*:agent/*' } },
    context: { 'aws:SourceArn': FLOW },
    applies: true,
  },
  {
    name: 'ArnNotEquals with a missing key is true',
    condition: { ArnNotEquals: { 'aws:SourceArn': 'arn:aws:bedrock:*:*:agent/*' } },
    applies: true,
  },

  // Null
  { name: 'Null true: key absent', condition: { Null: { 'aws:TokenIssueTime': 'true' } }, applies: true },
  {
    name: 'Null true: key present',
    condition: { Null: { 'aws:TokenIssueTime': 'true' } },
    context: { 'aws:TokenIssueTime': NOW },
    applies: false,
  },
  {
    name: 'Null false: key present',
    condition: { Null: { 'aws:TokenIssueTime': 'false' } },
    context: { 'aws:TokenIssueTime': NOW },
    applies: true,
  },
  { name: 'Null false: key absent', condition: { Null: { 'aws:TokenIssueTime': 'false' } }, applies: false },

  // IfExists
  {
    name: 'StringEqualsIfExists: missing key is true',
    condition: { StringEqualsIfExists: { 'aws:ResourceTag/team': 'ml' } },
    applies: true,
  },
  {
    name: 'StringEqualsIfExists: present key must match',
    condition: { StringEqualsIfExists: { 'aws:ResourceTag/team': 'ml' } },
    context: { 'aws:ResourceTag/team': 'web' },
    applies: false,
  },
  {
    name: 'NumericLessThanIfExists: present and matching',
    condition: { NumericLessThanIfExists: { 'aws:MultiFactorAuthAge': '60' } },
    context: { 'aws:MultiFactorAuthAge': '30' },
    applies: true,
  },
  { name: 'BoolIfExists: missing key is true', condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }, applies: true },

  // Set operators
  {
    name: 'ForAnyValue: one request value matches',
    condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team', 'env'] } },
    context: { 'aws:TagKeys': ['owner', 'team'] },
    applies: true,
  },
  {
    name: 'ForAnyValue: none matches',
    condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team', 'env'] } },
    context: { 'aws:TagKeys': ['owner'] },
    applies: false,
  },
  {
    name: 'ForAnyValue: empty set is false',
    condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team'] } },
    context: { 'aws:TagKeys': [] },
    applies: false,
  },
  { name: 'ForAnyValue: missing key is false', condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team'] } }, applies: false },
  {
    name: 'ForAllValues: every request value is allowed',
    condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] } },
    context: { 'aws:TagKeys': ['env', 'team'] },
    applies: true,
  },
  {
    name: 'ForAllValues: one value is not',
    condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] } },
    context: { 'aws:TagKeys': ['env', 'owner'] },
    applies: false,
  },
  {
    name: 'ForAllValues: empty set is true',
    condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } },
    context: { 'aws:TagKeys': [] },
    applies: true,
  },
  { name: 'ForAllValues: missing key is true', condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } }, applies: true },
  {
    name: 'ForAllValues:StringNotLike: no value starts with the prefix',
    condition: { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key1*' } },
    context: { 'aws:TagKeys': ['team', 'env'] },
    applies: true,
  },
  {
    name: 'ForAllValues:StringNotLike: one value starts with the prefix',
    condition: { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key1*' } },
    context: { 'aws:TagKeys': ['team', 'key1-a'] },
    applies: false,
  },
  {
    name: 'ForAnyValue:StringNotEquals: one value equals none of the listed',
    condition: { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['team', 'env'] } },
    context: { 'aws:TagKeys': ['team', 'owner'] },
    applies: true,
  },
  {
    name: 'ForAnyValue:StringNotEquals: every value is listed',
    condition: { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['team', 'env'] } },
    context: { 'aws:TagKeys': ['team'] },
    applies: false,
  },
  {
    name: 'ForAnyValue:StringEqualsIfExists: missing key is true',
    condition: { 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': 'team' } },
    applies: true,
  },
  {
    name: 'a set operator on a single value',
    condition: { 'ForAnyValue:StringEquals': { 'aws:PrincipalTag/team': ['ml', 'web'] } },
    context: { 'aws:PrincipalTag/team': 'ml' },
    applies: true,
  },
  {
    name: 'single-valued operator, one-element list',
    condition: { StringEquals: { 'aws:TagKeys': 'team' } },
    context: { 'aws:TagKeys': ['team'] },
    applies: true,
  },
  {
    name: 'single-valued operator, several values never match',
    condition: { StringEquals: { 'aws:TagKeys': ['team', 'env'] } },
    context: { 'aws:TagKeys': ['team', 'env'] },
    applies: false,
  },

  // Policy variables
  {
    name: '${aws:username} in a condition value',
    condition: { StringEquals: { 'aws:PrincipalTag/owner': '${aws:username}' } },
    context: { 'aws:PrincipalTag/owner': 'dev' },
    applies: true,
  },
  {
    name: 'variable key names are case-insensitive',
    condition: { StringEquals: { 'aws:PrincipalTag/owner': '${AWS:UserName}' } },
    context: { 'aws:PrincipalTag/owner': 'dev' },
    applies: true,
  },
  {
    name: '${aws:PrincipalTag/team} in StringLike',
    condition: { StringLike: { 'aws:ResourceTag/project': '${aws:PrincipalTag/team}-*' } },
    context: { 'aws:PrincipalTag/team': 'ml', 'aws:ResourceTag/project': 'ml-flows' },
    applies: true,
  },
  {
    name: 'variable default value',
    condition: { StringEquals: { 'aws:ResourceTag/team': "${aws:PrincipalTag/team, 'company-wide'}" } },
    context: { 'aws:ResourceTag/team': 'company-wide' },
    applies: true,
  },
  {
    name: 'unresolvable variable: StringEquals does not match',
    condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
    context: { 'aws:ResourceTag/team': '' },
    applies: false,
  },
  {
    name: 'unresolvable variable: StringNotEquals matches',
    condition: { StringNotEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
    context: { 'aws:ResourceTag/team': 'ml' },
    applies: true,
  },
  {
    name: '${*} is a literal *',
    condition: { StringLike: { 'aws:ResourceTag/name': 'a${*}b' } },
    context: { 'aws:ResourceTag/name': 'a*b' },
    applies: true,
  },
  {
    name: '${*} does not act as a wildcard',
    condition: { StringLike: { 'aws:ResourceTag/name': 'a${*}b' } },
    context: { 'aws:ResourceTag/name': 'axxb' },
    applies: false,
  },
  {
    name: '${?} and ${$} are literals',
    condition: { StringEquals: { 'aws:ResourceTag/name': 'what${?}${$}' } },
    context: { 'aws:ResourceTag/name': 'what?$' },
    applies: true,
  },
  {
    name: 'a substituted value is literal in StringLike',
    condition: { StringLike: { 'aws:ResourceTag/name': '${aws:PrincipalTag/pattern}' } },
    context: { 'aws:PrincipalTag/pattern': 'a*', 'aws:ResourceTag/name': 'abc' },
    applies: false,
  },
  {
    name: 'a multivalued key is no variable',
    condition: { StringEquals: { 'aws:ResourceTag/name': '${aws:TagKeys}' } },
    context: { 'aws:TagKeys': ['x'], 'aws:ResourceTag/name': 'x' },
    applies: false,
  },
  {
    name: 'variables in ArnLike',
    condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:bedrock:*:${aws:PrincipalAccount}:flow/*' } },
    context: { 'aws:SourceArn': FLOW },
    applies: true,
  },
  {
    name: 'no variables in Numeric values',
    condition: { NumericEquals: { 'aws:MultiFactorAuthAge': '${aws:PrincipalTag/age}' } },
    context: { 'aws:PrincipalTag/age': '5', 'aws:MultiFactorAuthAge': '5' },
    applies: false,
  },
];

t.test('condition table', async (t) => {
  for (const c of CASES) {
    const principal = user([doc({ Effect: 'Allow', Action: 'bedrock:GetFlow', Resource: '*', Condition: c.condition })]);
    const decision = decide(principal, { action: 'bedrock:GetFlow', resource: FLOW, context: c.context ?? {} });
    t.equal(decision.decision === 'Allow', c.applies, c.name);
  }
});

t.test('IfExists with Deny: a missing key still denies', async (t) => {
  const principal = user([
    doc(
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:RequestedRegion': 'us-east-1' } } },
    ),
  ]);
  t.equal(
    decide(principal, { action: 'bedrock:GetFlow', resource: FLOW, context: { 'aws:RequestedRegion': 'eu-west-1' } }).decision,
    'ExplicitDeny',
  );
  t.equal(
    decide(principal, { action: 'bedrock:GetFlow', resource: FLOW, context: { 'aws:RequestedRegion': 'us-east-1' } }).decision,
    'Allow',
  );
});

t.test('variables in Resource', async (t) => {
  const own = `arn:aws:iam::123456789012:user/\${aws:username}`;
  const principal = user([doc({ Effect: 'Allow', Action: 'iam:GetUser', Resource: own })]);
  t.equal(decide(principal, { action: 'iam:GetUser', resource: USER_ARN }).decision, 'Allow');
  t.equal(decide(principal, { action: 'iam:GetUser', resource: 'arn:aws:iam::123456789012:user/other' }).decision, 'ImplicitDeny');

  const tagged = user([doc({ Effect: 'Allow', Action: 'bedrock:GetFlow', Resource: 'arn:aws:bedrock:*:*:flow/${aws:PrincipalTag/flow}' })]);
  t.equal(
    decide(tagged, { action: 'bedrock:GetFlow', resource: FLOW }).decision,
    'ImplicitDeny',
    'an unresolvable variable matches no resource',
  );
  const withTag = user(
    [doc({ Effect: 'Allow', Action: 'bedrock:GetFlow', Resource: 'arn:aws:bedrock:*:*:flow/${aws:PrincipalTag/flow}' })],
    { tags: { flow: 'FLOW000001' } },
  );
  t.equal(decide(withTag, { action: 'bedrock:GetFlow', resource: FLOW }).decision, 'Allow');
});

t.test('Version 2008-10-17: variables are literal text', async (t) => {
  const legacy = {
    Version: '2008-10-17',
    Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: 'arn:aws:iam::123456789012:user/${aws:username}' }],
  };
  const principal = { ...user(), identityPolicies: [compiled(legacy, 'inline')] };
  t.equal(decide(principal, { action: 'iam:GetUser', resource: USER_ARN }).decision, 'ImplicitDeny');
  t.equal(decide(principal, { action: 'iam:GetUser', resource: 'arn:aws:iam::123456789012:user/${aws:username}' }).decision, 'Allow');
  const noVersion = {
    Statement: [
      {
        Effect: 'Allow',
        Action: 'bedrock:GetFlow',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalTag/owner': '${aws:username}' } },
      },
    ],
  };
  const withoutVersion = { ...user(), identityPolicies: [compiled(noVersion, 'inline')] };
  t.equal(
    decide(withoutVersion, { action: 'bedrock:GetFlow', resource: FLOW, context: { 'aws:PrincipalTag/owner': 'dev' } }).decision,
    'ImplicitDeny',
  );
  t.equal(
    decide(withoutVersion, { action: 'bedrock:GetFlow', resource: FLOW, context: { 'aws:PrincipalTag/owner': '${aws:username}' } })
      .decision,
    'Allow',
  );
});

t.test('the decision lists the context keys conditions read', async (t) => {
  const principal = user([
    doc({
      Effect: 'Allow',
      Action: 'bedrock:GetFlow',
      Resource: '*',
      Condition: { StringEquals: { 'aws:requestedregion': 'us-east-1' }, Bool: { 'aws:SecureTransport': 'true' } },
    }),
  ]);
  const decision = decide(principal, { action: 'bedrock:GetFlow', resource: FLOW, context: { 'aws:RequestedRegion': 'us-east-1' } });
  t.same(decision.contextKeysRead, ['aws:RequestedRegion', 'aws:SecureTransport']);
});
