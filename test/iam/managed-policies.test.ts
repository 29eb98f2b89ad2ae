import t from 'tap';
import { managedPolicyByNameOrArn, managedPolicyNames } from '../../src/iam/index.js';
import { ACCOUNT, decide, user } from './support.js';

const withManaged = (...names: string[]) => ({
  ...user(),
  identityPolicies: names.map((name) => {
    const policy = managedPolicyByNameOrArn(name);
    if (!policy) throw new Error(`no managed policy ${name}`);
    return policy;
  }),
});

t.test('lookup by name, path and ARN', async (t) => {
  t.equal(managedPolicyByNameOrArn('AmazonBedrockFullAccess')?.name, 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess');
  t.ok(managedPolicyByNameOrArn('arn:aws:iam::aws:policy/AmazonBedrockFullAccess'));
  t.ok(managedPolicyByNameOrArn('AWSLambdaRole'));
  t.ok(managedPolicyByNameOrArn('service-role/AWSLambdaRole'));
  t.ok(managedPolicyByNameOrArn('arn:aws:iam::aws:policy/service-role/AWSLambdaRole'));
  t.equal(managedPolicyByNameOrArn('arn:aws:iam::aws:policy/AWSLambdaRole'), undefined, 'the ARN must carry the path');
  t.equal(managedPolicyByNameOrArn('NoSuchPolicy'), undefined);
  t.equal(managedPolicyByNameOrArn('toString'), undefined);
  t.equal(managedPolicyByNameOrArn('AmazonBedrockFullAccess'), managedPolicyByNameOrArn('AmazonBedrockFullAccess'), 'compiled once');
});

t.test('the generated set holds the general policies and every policy naming a bedrock action', async (t) => {
  const names = managedPolicyNames();
  for (const name of [
    'AdministratorAccess',
    'PowerUserAccess',
    'ReadOnlyAccess',
    'AmazonBedrockFullAccess',
    'AmazonBedrockReadOnly',
    'IAMFullAccess',
    'AmazonS3FullAccess',
    'AmazonS3ReadOnlyAccess',
    'AWSLambda_FullAccess',
    'AWSLambdaRole',
    'AmazonLexFullAccess',
  ]) {
    t.ok(names.includes(name), name);
  }
  for (const name of names) t.ok(managedPolicyByNameOrArn(name), `${name} compiles`);
});

t.test('AmazonBedrockFullAccess passes only *AmazonBedrock* roles, and only to Bedrock', async (t) => {
  const principal = withManaged('AmazonBedrockFullAccess');
  const passRole = (role: string, service: string) =>
    decide(principal, {
      action: 'iam:PassRole',
      resource: `arn:aws:iam::${ACCOUNT}:role/${role}`,
      context: { 'iam:PassedToService': service },
    }).decision;
  t.equal(passRole('AmazonBedrockExecutionRoleForFlows_X', 'bedrock.amazonaws.com'), 'Allow');
  t.equal(passRole('service-role/AmazonBedrockExecutionRoleForFlows_X', 'bedrock.amazonaws.com'), 'Allow');
  t.equal(passRole('OtherRole', 'bedrock.amazonaws.com'), 'ImplicitDeny');
  t.equal(passRole('AmazonBedrockExecutionRoleForFlows_X', 'lambda.amazonaws.com'), 'ImplicitDeny');
  t.equal(decide(principal, { action: 'bedrock:CreateFlow', resource: '*' }).decision, 'Allow');
});

t.test('ReadOnlyAccess reads flows but does not change them', async (t) => {
  const principal = withManaged('arn:aws:iam::aws:policy/ReadOnlyAccess');
  const flow = `arn:aws:bedrock:us-east-1:${ACCOUNT}:flow/FLOW000001`;
  t.equal(decide(principal, { action: 'bedrock:GetFlow', resource: flow }).decision, 'Allow');
  t.equal(decide(principal, { action: 'bedrock:DeleteFlow', resource: flow }).decision, 'ImplicitDeny');
});
