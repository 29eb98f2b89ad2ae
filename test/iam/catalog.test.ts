import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import {
  actionConditionKeys,
  actionResourceTypes,
  canonicalAction,
  evaluatedResource,
  isKnownAction,
  nearestAction,
} from '../../src/iam/index.js';

t.test('actions of every service', async (t) => {
  t.ok(isKnownAction('bedrock:GetFlow'));
  t.ok(isKnownAction('BEDROCK:getflow'));
  t.notOk(isKnownAction('bedrock:DeleteFlowVersions'));
  t.ok(isKnownAction('ec2:DescribeInstances'), 'services beyond the detailed ones');
  t.equal(canonicalAction('s3:getobject'), 's3:GetObject');
  t.equal(nearestAction('bedrock:DeleteFlowVersions'), 'bedrock:DeleteFlowVersion');
  t.equal(nearestAction('bedrock:XyzzyPlughQwerty'), undefined, 'nothing close enough');
});

t.test('resource types and condition keys of the detailed services', async (t) => {
  t.same(actionResourceTypes('bedrock:GetFlow'), [
    { name: 'flow', required: true, arn: 'arn:${Partition}:bedrock:${Region}:${Account}:flow/${FlowId}' },
  ]);
  t.same(
    actionResourceTypes('bedrock:InvokeFlow')?.map((type) => type.name),
    ['flow-alias'],
  );
  t.same(actionResourceTypes('bedrock:ListFlows'), []);
  t.same(actionConditionKeys('bedrock:CreateFlow'), ['aws:RequestTag/${TagKey}', 'aws:TagKeys']);
  t.equal(actionResourceTypes('ec2:DescribeInstances'), undefined, 'other services carry names only');
  t.equal(evaluatedResource('bedrock:ListFlows', 'arn:aws:bedrock:us-east-1:123456789012:flow/X'), '*');
  t.equal(
    evaluatedResource('bedrock:GetFlow', 'arn:aws:bedrock:us-east-1:123456789012:flow/X'),
    'arn:aws:bedrock:us-east-1:123456789012:flow/X',
  );
});

t.test('the generated catalog stays small', async (t) => {
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'iam', 'generated', 'catalog.ts');
  t.ok(statSync(file).size < 600_000, `${statSync(file).size} bytes`);
});
