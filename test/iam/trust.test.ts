import t from 'tap';
import { assumeRoleRequest, authorize, describePrincipalArn, principalContextKeys, roleArnOf } from '../../src/iam/index.js';
import { ACCOUNT, compiled, FLOW, roleSession, user } from './support.js';

const ROLE = `arn:aws:iam::${ACCOUNT}:role/service-role/AmazonBedrockExecutionRoleForFlows_X`;
const flowsTrust = compiled(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'bedrock.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'aws:SourceAccount': ACCOUNT },
          ArnLike: { 'aws:SourceArn': `arn:aws:bedrock:us-east-1:${ACCOUNT}:flow/*` },
        },
      },
    ],
  },
  'trust',
);
const source = { 'aws:SourceAccount': ACCOUNT, 'aws:SourceArn': FLOW };

t.test('the documented flow execution role trust policy', async (t) => {
  t.equal(authorize(assumeRoleRequest(flowsTrust, 'bedrock.amazonaws.com', ROLE, source)).decision, 'Allow');
  t.equal(authorize(assumeRoleRequest(flowsTrust, undefined, ROLE, source)).decision, 'Allow', 'bedrock.amazonaws.com by default');
  t.equal(authorize(assumeRoleRequest(flowsTrust, 'BEDROCK.amazonaws.com', ROLE, source)).decision, 'Allow', 'service names ignore case');
  t.equal(authorize(assumeRoleRequest(flowsTrust, 'lambda.amazonaws.com', ROLE, source)).decision, 'ImplicitDeny');
  t.equal(
    authorize(assumeRoleRequest(flowsTrust, 'bedrock.amazonaws.com', ROLE, { ...source, 'aws:SourceAccount': '999999999999' })).decision,
    'ImplicitDeny',
  );
  t.equal(
    authorize(assumeRoleRequest(flowsTrust, 'bedrock.amazonaws.com', ROLE)).decision,
    'ImplicitDeny',
    'the conditions need the source keys',
  );
  const decision = authorize(assumeRoleRequest(flowsTrust, 'bedrock.amazonaws.com', ROLE, source));
  t.same(decision.contextKeysRead, ['aws:SourceAccount', 'aws:SourceArn']);
  t.equal(decision.decidedBy?.policyType, 'resource');
});

t.test('a trust policy for another service, or a deny', async (t) => {
  const lambdaTrust = compiled(
    { Version: '2008-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: 'sts:AssumeRole' }] },
    'trust',
  );
  t.equal(authorize(assumeRoleRequest(lambdaTrust, 'bedrock.amazonaws.com', ROLE)).decision, 'ImplicitDeny');
  const denying = compiled(
    {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'bedrock.amazonaws.com' }, Action: 'sts:AssumeRole' },
        { Effect: 'Deny', Principal: '*', Action: 'sts:*' },
      ],
    },
    'trust',
  );
  t.equal(authorize(assumeRoleRequest(denying, 'bedrock.amazonaws.com', ROLE)).decision, 'ExplicitDeny');
});

t.test('principal context keys', async (t) => {
  t.same(principalContextKeys(user([], { tags: { team: 'ml' } })), {
    'aws:PrincipalType': 'User',
    'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:user/dev`,
    'aws:PrincipalAccount': ACCOUNT,
    'aws:PrincipalIsAWSService': 'false',
    'aws:userid': 'AIDAEXAMPLEDEV0000001',
    'aws:username': 'dev',
    'aws:PrincipalTag/team': 'ml',
  });
  const session = principalContextKeys(roleSession());
  t.equal(session['aws:PrincipalArn'], `arn:aws:iam::${ACCOUNT}:role/FlowRole`, 'a session is known by its role');
  t.equal(session['aws:PrincipalType'], 'AssumedRole');
  t.equal(session['aws:username'], undefined);
  t.equal(roleArnOf({ ...roleSession(), roleArn: ROLE }), ROLE, 'a role path is kept when given');
});

t.test('describePrincipalArn', async (t) => {
  t.same(describePrincipalArn(`arn:aws:iam::${ACCOUNT}:user/team/dev`), { kind: 'user', accountId: ACCOUNT, name: 'dev' });
  t.same(describePrincipalArn(`arn:aws:iam::${ACCOUNT}:role/service-role/R`), { kind: 'role', accountId: ACCOUNT, name: 'R' });
  t.same(describePrincipalArn(`arn:aws:sts::${ACCOUNT}:assumed-role/R/s`), {
    kind: 'assumed-role',
    accountId: ACCOUNT,
    name: 's',
    roleName: 'R',
  });
  t.same(describePrincipalArn(`arn:aws:iam::${ACCOUNT}:root`), { kind: 'root', accountId: ACCOUNT });
  t.same(describePrincipalArn('bedrock.amazonaws.com'), { kind: 'service', accountId: '' });
  t.equal(describePrincipalArn('arn:aws:s3:::bucket'), undefined);
});
