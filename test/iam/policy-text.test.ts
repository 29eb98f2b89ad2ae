/** A policy file as `lint-policy` reads it: IAM's verdict, where the problem is, and the warnings of what is readable. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { nearestOperator } from '../../src/iam/conditions/operator.js';
import { checkPolicyText } from '../../src/iam/policy-text.js';

// The prerequisites page's FlowPermissions policy as users copy it: a trailing comma, and DeleteFlowVersions.
const SEED = readFileSync(join(import.meta.dirname, 'policies/flow-permissions-seed.json'), 'utf8');
const policy = (condition: unknown, trailing = '') =>
  `{"Version": "2012-10-17",\n "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",\n  "Condition": ${JSON.stringify(condition)}}${trailing}]}`;

t.test('the seed policy: IAM message, the comma, and the DeleteFlowVersions hint in one run', async (t) => {
  const report = checkPolicyText(SEED, 'seed', 'inline');
  t.equal(report.malformed, 'Syntax errors in policy.', "IAM's own message stays");
  t.same(report.findings, [{ line: 26, column: 46, message: 'trailing comma after the last element of Action' }]);
  t.match(report.warnings, [
    { code: 'unknown-action', sid: 'FlowPermissions', suggestion: 'bedrock:DeleteFlowVersion', message: /"bedrock:DeleteFlowVersions"/ },
  ]);
  t.equal(report.warnings.length, 1);
});

t.test('a misspelled condition operator: IAM refuses it; we say which and what was meant', async (t) => {
  const report = checkPolicyText(policy({ StringEqual: { 'aws:username': 'dev' } }), 'p', 'inline');
  t.equal(report.malformed, 'Syntax errors in policy.');
  t.same(report.findings, [
    { line: 3, column: 17, message: 'Statement[0].Condition: "StringEqual" is not a condition operator (did you mean "StringEquals"?)' },
  ]);
  const empty = checkPolicyText(policy({ StringLikeIfExist: {} }), 'p', 'inline');
  t.equal(empty.malformed, undefined, 'IAM accepts an unknown operator over an empty block');
  t.match(empty.warnings, [
    { code: 'unknown-condition-operator', suggestion: 'StringLikeIfExists', message: /did you mean "StringLikeIfExists"/ },
  ]);
});

t.test('read past the syntax, a document IAM would still refuse says so', async (t) => {
  const report = checkPolicyText(policy({ StringEqual: { 'aws:username': 'dev' } }, ','), 'p', 'inline');
  t.match(report.findings, [
    { line: 3, message: 'trailing comma after the last element of Statement' },
    { message: 'with the syntax fixed, IAM would still refuse it: Syntax errors in policy.' },
    { line: 3, column: 17, message: /"StringEqual".*did you mean "StringEquals"/ },
  ]);
  const noResource = checkPolicyText(
    '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject",}}',
    'p',
    'inline',
  );
  t.match(noResource.findings, [{ message: /trailing comma/ }, { message: /still refuse it: Policy statement must contain resources\./ }]);
});

t.test('valid JSON with a structural error keeps just IAM message; valid policies just lint', async (t) => {
  t.same(checkPolicyText('{"Statement": 1}', 'p', 'inline'), { malformed: 'Syntax errors in policy.', findings: [], warnings: [] });
  const { policy: compiled, ...valid } = checkPolicyText(
    '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}',
    'p',
    'inline',
  );
  t.ok(compiled, 'a valid policy comes back compiled');
  t.same(valid, {
    findings: [],
    warnings: [],
  });
});

t.test('nearestOperator keeps the set prefix and IfExists', async (t) => {
  t.equal(nearestOperator('StringEqual'), 'StringEquals');
  t.equal(nearestOperator('stringequals'), 'StringEquals', 'IAM operator names are case-sensitive');
  t.equal(nearestOperator('ForAnyValue:StringEqual'), 'ForAnyValue:StringEquals');
  t.equal(nearestOperator('ForAllValue:StringLike'), 'ForAllValues:StringLike');
  t.equal(nearestOperator('ArnLikeIfExist'), 'ArnLikeIfExists');
  t.equal(nearestOperator('Nul'), 'Null');
  t.equal(nearestOperator('Completely-Different'), undefined);
});
