/**
 * How policies combine: allow, implicit and explicit deny, boundaries, session policies, resource-based and trust
 * policies, Action/Resource matching and their Not forms, case rules, wildcard-only actions.
 */
import t from 'tap';
import type { Decision, PolicyType, Principal } from '../../src/iam/index.js';
import {
  ACCOUNT,
  ALIAS,
  allow,
  compiled,
  decide,
  deny,
  doc,
  FLOW,
  OTHER_ACCOUNT,
  OTHER_FLOW,
  ROLE_ARN,
  roleSession,
  SESSION_ARN,
  user,
  USER_ARN,
  type Request,
} from './support.js';

interface Case {
  readonly name: string;
  readonly principal: Principal;
  readonly request: Request;
  readonly expect: Decision['decision'];
  readonly deniedBy?: PolicyType;
  readonly statement?: string | number;
}

const GET = { action: 'bedrock:GetFlow', resource: FLOW };
const resourcePolicy = (...statements: Record<string, unknown>[]) => compiled(doc(...statements), 'resource');
const root: Principal = {
  kind: 'root',
  arn: `arn:aws:iam::${ACCOUNT}:root`,
  accountId: ACCOUNT,
  userId: ACCOUNT,
  tags: {},
  identityPolicies: [],
};

const CASES: readonly Case[] = [
  // Identity policies
  { name: 'no policy: implicit deny', principal: user(), request: GET, expect: 'ImplicitDeny', deniedBy: 'identity' },
  {
    name: 'exact action and resource allow',
    principal: user([doc(allow('bedrock:GetFlow', FLOW))]),
    request: GET,
    expect: 'Allow',
    statement: 0,
  },
  {
    name: 'allowing statement is reported by Sid',
    principal: user([doc(allow('bedrock:GetFlow', FLOW, { Sid: 'ReadFlows' }))]),
    request: GET,
    expect: 'Allow',
    statement: 'ReadFlows',
  },
  {
    name: 'allow for another resource: implicit deny',
    principal: user([doc(allow('bedrock:GetFlow', OTHER_FLOW))]),
    request: GET,
    expect: 'ImplicitDeny',
    deniedBy: 'identity',
  },
  {
    name: 'explicit deny beats allow',
    principal: user([doc(allow('bedrock:*'), deny('bedrock:GetFlow', FLOW, { Sid: 'NoGet' }))]),
    request: GET,
    expect: 'ExplicitDeny',
    deniedBy: 'identity',
    statement: 'NoGet',
  },
  {
    name: 'explicit deny in another policy',
    principal: user([doc(allow('*')), doc(deny('bedrock:Get*'))]),
    request: GET,
    expect: 'ExplicitDeny',
    deniedBy: 'identity',
  },
  {
    name: 'policy order does not matter',
    principal: user([doc(deny('bedrock:GetFlow')), doc(allow('*'))]),
    request: GET,
    expect: 'ExplicitDeny',
  },
  { name: 'Action "*" allows every action', principal: user([doc(allow('*'))]), request: GET, expect: 'Allow' },

  // Case rules and wildcards
  { name: 'actions are case-insensitive', principal: user([doc(allow('BEDROCK:getflow', FLOW))]), request: GET, expect: 'Allow' },
  {
    name: 'request action case does not matter',
    principal: user([doc(allow('bedrock:GetFlow', FLOW))]),
    request: { action: 'Bedrock:GETFLOW', resource: FLOW },
    expect: 'Allow',
  },
  {
    name: 'resources are case-sensitive',
    principal: user([doc(allow('bedrock:GetFlow', FLOW.toLowerCase()))]),
    request: GET,
    expect: 'ImplicitDeny',
  },
  { name: 'action * wildcard', principal: user([doc(allow('bedrock:Get*', FLOW))]), request: GET, expect: 'Allow' },
  {
    name: 'action * wildcard does not match other names',
    principal: user([doc(allow('bedrock:Get*'))]),
    request: { action: 'bedrock:ListFlows', resource: '*' },
    expect: 'ImplicitDeny',
  },
  { name: 'action ? matches exactly one character', principal: user([doc(allow('bedrock:GetFlo?', FLOW))]), request: GET, expect: 'Allow' },
  {
    name: 'action ? does not match two characters',
    principal: user([doc(allow('bedrock:GetFl?', FLOW))]),
    request: GET,
    expect: 'ImplicitDeny',
  },
  { name: 'a "." in an action is literal', principal: user([doc(allow('bedrock:Get.low', FLOW))]), request: GET, expect: 'ImplicitDeny' },
  {
    name: 'action with a comma matches nothing',
    principal: user([doc(allow('bedrock:GetFlow,ListFlows'))]),
    request: GET,
    expect: 'ImplicitDeny',
  },
  {
    name: 'resource * in the resource part crosses "/"',
    principal: user([doc(allow('bedrock:InvokeFlow', `arn:aws:bedrock:*:${ACCOUNT}:flow/*`))]),
    request: { action: 'bedrock:InvokeFlow', resource: ALIAS },
    expect: 'Allow',
  },
  {
    name: 'resource ? in a part',
    principal: user([doc(allow('bedrock:GetFlow', `arn:aws:bedrock:us-east-?:${ACCOUNT}:flow/FLOW00000?`))]),
    request: GET,
    expect: 'Allow',
  },
  {
    name: 'resource * does not cross ":" in the first five parts',
    principal: user([doc(allow('bedrock:GetFlow', 'arn:aws:bedrock:*:flow/*'))]),
    request: GET,
    expect: 'ImplicitDeny',
  },
  {
    name: 'resource * in the region part',
    principal: user([doc(allow('bedrock:GetFlow', `arn:aws:bedrock:*:${ACCOUNT}:flow/FLOW000001`))]),
    request: GET,
    expect: 'Allow',
  },

  // NotAction / NotResource
  {
    name: 'Allow NotAction: other actions allowed',
    principal: user([doc({ Effect: 'Allow', NotAction: 'bedrock:DeleteFlow', Resource: '*' })]),
    request: GET,
    expect: 'Allow',
  },
  {
    name: 'Allow NotAction: listed action not allowed',
    principal: user([doc({ Effect: 'Allow', NotAction: 'bedrock:DeleteFlow', Resource: '*' })]),
    request: { action: 'bedrock:DeleteFlow', resource: FLOW },
    expect: 'ImplicitDeny',
  },
  {
    name: 'Deny NotAction denies everything else',
    principal: user([doc(allow('*'), { Effect: 'Deny', NotAction: 'bedrock:Get*', Resource: '*' })]),
    request: { action: 'bedrock:DeleteFlow', resource: FLOW },
    expect: 'ExplicitDeny',
  },
  {
    name: 'Deny NotAction leaves the listed actions',
    principal: user([doc(allow('*'), { Effect: 'Deny', NotAction: 'bedrock:Get*', Resource: '*' })]),
    request: GET,
    expect: 'Allow',
  },
  {
    name: 'Allow NotResource: other resources allowed',
    principal: user([doc({ Effect: 'Allow', Action: 'bedrock:GetFlow', NotResource: OTHER_FLOW })]),
    request: GET,
    expect: 'Allow',
  },
  {
    name: 'Allow NotResource: listed resource not allowed',
    principal: user([doc({ Effect: 'Allow', Action: 'bedrock:GetFlow', NotResource: FLOW })]),
    request: GET,
    expect: 'ImplicitDeny',
  },
  {
    name: 'Deny NotResource denies all but the listed',
    principal: user([doc(allow('*'), { Effect: 'Deny', Action: '*', NotResource: OTHER_FLOW })]),
    request: GET,
    expect: 'ExplicitDeny',
  },

  // Wildcard-only actions and unknown actions
  {
    name: 'ListFlows (no resource type) with Resource "*"',
    principal: user([doc(allow('bedrock:ListFlows'))]),
    request: { action: 'bedrock:ListFlows', resource: '*' },
    expect: 'Allow',
  },
  {
    name: 'ListFlows with a flow ARN pattern grants nothing',
    principal: user([doc(allow('bedrock:ListFlows', `arn:aws:bedrock:*:*:flow/*`))]),
    request: { action: 'bedrock:ListFlows', resource: '*' },
    expect: 'ImplicitDeny',
  },
  {
    name: 'CreateFlow is evaluated on "*" even when given an ARN',
    principal: user([doc(allow('bedrock:CreateFlow', `arn:aws:bedrock:*:*:flow/*`))]),
    request: { action: 'bedrock:CreateFlow', resource: FLOW },
    expect: 'ImplicitDeny',
  },
  {
    name: 'Deny with a specific ARN does not deny a wildcard-only action',
    principal: user([doc(allow('bedrock:ListFlows'), deny('bedrock:ListFlows', FLOW))]),
    request: { action: 'bedrock:ListFlows', resource: '*' },
    expect: 'Allow',
  },
  {
    name: 'Deny NotResource with an ARN denies a wildcard-only action',
    principal: user([doc(allow('bedrock:ListFlows'), { Effect: 'Deny', Action: 'bedrock:ListFlows', NotResource: FLOW })]),
    request: { action: 'bedrock:ListFlows', resource: '*' },
    expect: 'ExplicitDeny',
  },
  {
    name: 'bedrock:DeleteFlowVersions (not an action) does not grant DeleteFlowVersion',
    principal: user([doc(allow('bedrock:DeleteFlowVersions', FLOW))]),
    request: { action: 'bedrock:DeleteFlowVersion', resource: FLOW },
    expect: 'ImplicitDeny',
  },
  {
    name: 'an unknown action still evaluates as written',
    principal: user([doc(allow('bedrock:Frobnicate'))]),
    request: { action: 'bedrock:Frobnicate', resource: FLOW },
    expect: 'Allow',
  },
  {
    name: 'sts:GetCallerIdentity is allowed even when denied',
    principal: user([doc(deny('*'))]),
    request: { action: 'sts:GetCallerIdentity', resource: '*' },
    expect: 'Allow',
  },

  // Permissions boundary
  {
    name: 'identity and boundary allow',
    principal: user([doc(allow('bedrock:*'))], { boundary: doc(allow('bedrock:Get*')) }),
    request: GET,
    expect: 'Allow',
  },
  {
    name: 'boundary does not allow: implicit deny by the boundary',
    principal: user([doc(allow('bedrock:*'))], { boundary: doc(allow('s3:*')) }),
    request: GET,
    expect: 'ImplicitDeny',
    deniedBy: 'boundary',
  },
  {
    name: 'boundary alone grants nothing',
    principal: user([], { boundary: doc(allow('*')) }),
    request: GET,
    expect: 'ImplicitDeny',
    deniedBy: 'identity',
  },
  {
    name: 'deny in the boundary',
    principal: user([doc(allow('*'))], { boundary: doc(allow('*'), deny('bedrock:GetFlow')) }),
    request: GET,
    expect: 'ExplicitDeny',
    deniedBy: 'boundary',
  },

  // Session policies
  {
    name: 'session policy allows too',
    principal: roleSession([doc(allow('bedrock:GetFlow'))], { session: [doc(allow('bedrock:*'))] }),
    request: GET,
    expect: 'Allow',
  },
  {
    name: 'session policy does not allow',
    principal: roleSession([doc(allow('bedrock:GetFlow'))], { session: [doc(allow('s3:*'))] }),
    request: GET,
    expect: 'ImplicitDeny',
    deniedBy: 'session',
  },
  {
    name: 'one of several session policies allows',
    principal: roleSession([doc(allow('*'))], { session: [doc(allow('s3:*')), doc(allow('bedrock:GetFlow'))] }),
    request: GET,
    expect: 'Allow',
  },
  {
    name: 'session policy alone grants nothing',
    principal: roleSession([], { session: [doc(allow('*'))] }),
    request: GET,
    expect: 'ImplicitDeny',
    deniedBy: 'identity',
  },
  {
    name: 'deny in a session policy',
    principal: roleSession([doc(allow('*'))], { session: [doc(allow('*'), deny('bedrock:GetFlow'))] }),
    request: GET,
    expect: 'ExplicitDeny',
    deniedBy: 'session',
  },
  {
    name: 'boundary and session policy both needed',
    principal: roleSession([doc(allow('*'))], { boundary: doc(allow('bedrock:*')), session: [doc(allow('s3:*'))] }),
    request: GET,
    expect: 'ImplicitDeny',
    deniedBy: 'session',
  },

  // Resource-based policies (same account unless said otherwise)
  {
    name: 'resource policy naming the user allows alone',
    principal: user(),
    request: { ...GET, resourcePolicy: resourcePolicy(allow('bedrock:GetFlow', FLOW, { Principal: { AWS: USER_ARN } })) },
    expect: 'Allow',
  },
  {
    name: 'resource policy naming the account needs an identity allow',
    principal: user(),
    request: { ...GET, resourcePolicy: resourcePolicy(allow('bedrock:GetFlow', FLOW, { Principal: { AWS: ACCOUNT } })) },
    expect: 'ImplicitDeny',
    deniedBy: 'identity',
  },
  {
    name: 'resource policy naming the account root plus identity allow',
    principal: user([doc(allow('bedrock:GetFlow'))]),
    request: {
      ...GET,
      resourcePolicy: resourcePolicy(allow('bedrock:GetFlow', FLOW, { Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } })),
    },
    expect: 'Allow',
  },
  {
    name: 'resource policy naming someone else',
    principal: user(),
    request: {
      ...GET,
      resourcePolicy: resourcePolicy(allow('bedrock:GetFlow', FLOW, { Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/other` } })),
    },
    expect: 'ImplicitDeny',
  },
  {
    name: 'Principal "*" names everyone',
    principal: user(),
    request: { ...GET, resourcePolicy: resourcePolicy(allow('bedrock:GetFlow', FLOW, { Principal: '*' })) },
    expect: 'Allow',
  },
  {
    name: 'deny in the resource policy',
    principal: user([doc(allow('*'))]),
    request: { ...GET, resourcePolicy: resourcePolicy(deny('bedrock:GetFlow', FLOW, { Principal: '*' })) },
    expect: 'ExplicitDeny',
    deniedBy: 'resource',
  },
  {
    name: 'resource policy naming the role: the boundary still applies to its session',
    principal: roleSession([], { boundary: doc(allow('s3:*')) }),
    request: { ...GET, resourcePolicy: resourcePolicy(allow('bedrock:GetFlow', FLOW, { Principal: { AWS: ROLE_ARN } })) },
    expect: 'ImplicitDeny',
    deniedBy: 'boundary',
  },
  {
    name: 'resource policy naming the role allows its session',
    principal: roleSession(),
    request: { ...GET, resourcePolicy: resourcePolicy(allow('bedrock:GetFlow', FLOW, { Principal: { AWS: ROLE_ARN } })) },
    expect: 'Allow',
  },
  {
    name: 'resource policy naming the session: boundary implicit deny does not block',
    principal: roleSession([], { boundary: doc(allow('s3:*')) }),
    request: { ...GET, resourcePolicy: resourcePolicy(allow('bedrock:GetFlow', FLOW, { Principal: { AWS: SESSION_ARN } })) },
    expect: 'Allow',
  },
  {
    name: 'NotPrincipal deny excluding the caller',
    principal: user([doc(allow('*'))]),
    request: { ...GET, resourcePolicy: resourcePolicy(deny('bedrock:GetFlow', FLOW, { NotPrincipal: { AWS: USER_ARN } })) },
    expect: 'Allow',
  },
  {
    name: 'NotPrincipal deny always denies a principal with a boundary',
    principal: user([doc(allow('*'))], { boundary: doc(allow('*')) }),
    request: { ...GET, resourcePolicy: resourcePolicy(deny('bedrock:GetFlow', FLOW, { NotPrincipal: { AWS: USER_ARN } })) },
    expect: 'ExplicitDeny',
    deniedBy: 'resource',
  },
  {
    name: 'other account: identity allow alone is not enough',
    principal: user([doc(allow('*'))]),
    request: { ...GET, resourceAccount: OTHER_ACCOUNT },
    expect: 'ImplicitDeny',
    deniedBy: 'resource',
  },
  {
    name: 'other account: both sides allow',
    principal: user([doc(allow('*'))]),
    request: {
      ...GET,
      resourceAccount: OTHER_ACCOUNT,
      resourcePolicy: resourcePolicy(allow('bedrock:GetFlow', FLOW, { Principal: { AWS: ACCOUNT } })),
    },
    expect: 'Allow',
  },
  {
    name: 'other account: resource policy alone is not enough',
    principal: user(),
    request: {
      ...GET,
      resourceAccount: OTHER_ACCOUNT,
      resourcePolicy: resourcePolicy(allow('bedrock:GetFlow', FLOW, { Principal: { AWS: USER_ARN } })),
    },
    expect: 'ImplicitDeny',
    deniedBy: 'identity',
  },
  {
    name: 'the resource account comes from the ARN',
    principal: user([doc(allow('*'))]),
    request: { action: 'bedrock:GetFlow', resource: `arn:aws:bedrock:us-east-1:${OTHER_ACCOUNT}:flow/FLOW000001` },
    expect: 'ImplicitDeny',
    deniedBy: 'resource',
  },
  { name: 'root has full access in its account', principal: root, request: GET, expect: 'Allow' },
  {
    name: 'root is denied by a resource policy deny',
    principal: root,
    request: { ...GET, resourcePolicy: resourcePolicy(deny('*', '*', { Principal: '*' })) },
    expect: 'ExplicitDeny',
  },

  // Role trust policies (sts:AssumeRole by IAM principals)
  {
    name: 'trust policy naming the user allows alone',
    principal: user(),
    request: {
      action: 'sts:AssumeRole',
      resource: ROLE_ARN,
      resourcePolicy: compiled(doc({ Effect: 'Allow', Principal: { AWS: USER_ARN }, Action: 'sts:AssumeRole' }), 'trust'),
    },
    expect: 'Allow',
  },
  {
    name: 'trust policy naming the account needs an identity allow',
    principal: user(),
    request: {
      action: 'sts:AssumeRole',
      resource: ROLE_ARN,
      resourcePolicy: compiled(doc({ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' }), 'trust'),
    },
    expect: 'ImplicitDeny',
    deniedBy: 'identity',
  },
  {
    name: 'trust policy naming the account plus identity allow',
    principal: user([doc(allow('sts:AssumeRole', ROLE_ARN))]),
    request: {
      action: 'sts:AssumeRole',
      resource: ROLE_ARN,
      resourcePolicy: compiled(doc({ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' }), 'trust'),
    },
    expect: 'Allow',
  },
  {
    name: 'identity allow without a trust policy allowing',
    principal: user([doc(allow('sts:AssumeRole', ROLE_ARN))]),
    request: { action: 'sts:AssumeRole', resource: ROLE_ARN },
    expect: 'ImplicitDeny',
    deniedBy: 'resource',
  },
];

t.test('decision table', async (t) => {
  for (const c of CASES) {
    const decision = decide(c.principal, c.request);
    t.equal(decision.decision, c.expect, c.name);
    if (c.deniedBy) t.equal(decision.deniedBy, c.deniedBy, `${c.name}: denied by ${c.deniedBy}`);
    if (c.statement !== undefined) t.equal(decision.decidedBy?.statement, c.statement, `${c.name}: statement`);
  }
});

t.test('the deciding statement names its policy and type', async (t) => {
  const decision = decide(user([doc(allow('bedrock:GetFlow', FLOW, { Sid: 'A' }))]), GET);
  t.same(decision.decidedBy, { policyType: 'identity', policyName: 'policy-0', statement: 'A' });
});
