import t from 'tap';
import { loadPolicy, type PolicyWarning } from '../../src/iam/index.js';
import { allow, doc, FLOW } from './support.js';

const warningsOf = (...statements: Record<string, unknown>[]): PolicyWarning[] => loadPolicy(doc(...statements)).warnings;
const codes = (warnings: PolicyWarning[]): string[] => warnings.map((warning) => warning.code);

t.test('an action no service defines names the nearest real one', async (t) => {
  const [warning, ...rest] = warningsOf(allow(['bedrock:GetFlow', 'bedrock:DeleteFlowVersions'], FLOW, { Sid: 'FlowVersions' }));
  t.same(rest, []);
  t.match(warning, {
    code: 'unknown-action',
    suggestion: 'bedrock:DeleteFlowVersion',
    statementIndex: 0,
    sid: 'FlowVersions',
    message: /bedrock:DeleteFlowVersions.*did you mean "bedrock:DeleteFlowVersion"/,
  });
});

t.test('unknown services, and wildcards that match nothing', async (t) => {
  const [service] = warningsOf(allow('bedrok:GetFlow'));
  t.match(service, { code: 'unknown-service', suggestion: 'bedrock' });
  t.same(codes(warningsOf(allow('bedrock:Frob*'))), ['unknown-action']);
  t.same(warningsOf(allow(['bedrock:Get*', 'bedrock:*', '*', 'BEDROCK:getflow'])), [], 'wildcards and other case are fine');
});

t.test('condition operators and keys', async (t) => {
  t.match(warningsOf(allow('bedrock:GetFlow', FLOW, { Condition: { StringEqualz: {} } })), [
    {
      code: 'unknown-condition-operator',
      suggestion: 'StringEquals',
      message: /"StringEqualz" is not a condition operator \(did you mean "StringEquals"\?\)/,
    },
  ]);
  const unknownKey = warningsOf(allow('bedrock:GetFlow', FLOW, { Condition: { StringEquals: { 'bedrock:FlowNodeType': 'Prompt' } } }));
  t.match(unknownKey, [{ code: 'unknown-condition-key', message: /bedrock:FlowNodeType/ }]);
  const known = warningsOf(
    allow('bedrock:InvokeModel', '*', {
      Condition: {
        StringEquals: { 'aws:ResourceTag/team': 'ml', 'AWS:SourceIp': 'x', 'aws:SomethingNew': 'y' },
        ArnLike: { 'bedrock:InferenceProfileArn': 'arn:*' },
        'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' },
      },
    }),
  );
  t.same(known, [], 'global aws: keys are always known; service keys and ${TagKey} patterns resolve');
});

t.test('multivalued keys and set operators', async (t) => {
  t.same(codes(warningsOf(allow('bedrock:TagResource', FLOW, { Condition: { StringEquals: { 'aws:TagKeys': 'team' } } }))), [
    'multivalued-key-without-set-operator',
  ]);
  t.same(
    codes(warningsOf(allow('bedrock:GetFlow', FLOW, { Condition: { 'ForAllValues:StringEquals': { 'aws:PrincipalTag/team': 'ml' } } }))),
    ['set-operator-on-single-valued-key'],
  );
});

t.test('actions paired with resources they are never authorized on', async (t) => {
  const flowPattern = 'arn:aws:bedrock:*:*:flow/*';
  t.match(warningsOf(allow('bedrock:ListFlows', flowPattern)), [
    { code: 'resource-type-mismatch', message: /bedrock:ListFlows has no resource type/ },
  ]);
  t.match(warningsOf(allow('bedrock:CreateFlow', FLOW)), [{ code: 'resource-type-mismatch', message: /bedrock:CreateFlow/ }]);
  t.match(warningsOf(allow('bedrock:GetFlow', 'arn:aws:bedrock:*:*:prompt/*')), [
    { code: 'resource-type-mismatch', message: /bedrock:GetFlow is authorized on flow resources/ },
  ]);
  t.match(
    warningsOf(allow('bedrock:InvokeFlow', FLOW)),
    [{ code: 'resource-type-mismatch', message: /flow-alias/ }],
    'a flow ARN is no alias',
  );
  t.same(warningsOf(allow('bedrock:InvokeFlow', `${flowPattern}`)), [], 'flow/* also covers aliases');
  t.same(warningsOf(allow(['bedrock:GetFlow', 'bedrock:ListFlows'], '*')), []);
  t.same(warningsOf(allow('bedrock:GetFlow', 'arn:aws:bedrock:${aws:RequestedRegion}:*:flow/*')), []);
  t.same(warningsOf(allow('s3:GetObject', 'arn:aws:s3:::bucket/path/to/*')), [], 'object keys may hold "/"');
  t.same(warningsOf(allow('iam:PassRole', 'arn:aws:iam::*:role/service-role/AmazonBedrock*')), [], 'role paths may hold "/"');
  t.same(warningsOf({ Effect: 'Allow', Action: 'bedrock:ListFlows', NotResource: FLOW }), [], 'NotResource is left alone');
  // Lex's bot alias has two ARN formats in the Service Authorization Reference; either is a bot alias.
  t.same(warningsOf(allow('lex:RecognizeUtterance', 'arn:aws:lex:us-east-1:123456789012:bot-alias/BOT0000001/ALIAS00001')), []);
  t.same(warningsOf(allow('lex:RecognizeUtterance', 'arn:aws:lex:us-east-1:123456789012:bot:OrderBot:live')), []);
});

t.test('warnings never stop a policy from loading or evaluating', async (t) => {
  const { policy, warnings } = loadPolicy(doc(allow('bedrock:DeleteFlowVersions', FLOW)));
  t.equal(warnings.length, 1);
  t.equal(policy.statements.length, 1);
});
