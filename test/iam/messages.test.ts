import t from 'tap';
import { accessDeniedMessage, type Decision } from '../../src/iam/index.js';
import { FLOW, user, USER_ARN } from './support.js';

const principal = user();
const denied = (decision: Decision['decision'], deniedBy: Decision['deniedBy']): Decision => ({ decision, deniedBy, contextKeysRead: [] });
const prefix = `User: ${USER_ARN} is not authorized to perform: bedrock:GetFlow on resource: ${FLOW}`;

t.equal(
  accessDeniedMessage(principal, 'bedrock:GetFlow', FLOW, denied('ImplicitDeny', 'identity')),
  `${prefix} because no identity-based policy allows the bedrock:GetFlow action`,
);
t.equal(
  accessDeniedMessage(principal, 'bedrock:GetFlow', FLOW, denied('ImplicitDeny', 'boundary')),
  `${prefix} because no permissions boundary allows the bedrock:GetFlow action`,
);
t.equal(
  accessDeniedMessage(principal, 'bedrock:GetFlow', FLOW, denied('ImplicitDeny', 'session')),
  `${prefix} because no session policy allows the bedrock:GetFlow action`,
);
t.equal(
  accessDeniedMessage(principal, 'bedrock:GetFlow', FLOW, denied('ExplicitDeny', 'identity')),
  `${prefix} with an explicit deny in an identity-based policy`,
);
t.equal(
  accessDeniedMessage(principal, 'bedrock:GetFlow', FLOW, denied('ExplicitDeny', 'boundary')),
  `${prefix} with an explicit deny in a permissions boundary`,
);
t.equal(
  accessDeniedMessage(principal, 'bedrock:GetFlow', FLOW, denied('ExplicitDeny', 'session')),
  `${prefix} with an explicit deny in a session policy`,
);
t.equal(
  accessDeniedMessage(principal, 'bedrock:GetFlow', FLOW, denied('ExplicitDeny', 'resource')),
  `${prefix} with an explicit deny in a resource-based policy`,
);
t.equal(
  accessDeniedMessage(principal, 'bedrock:ListFlows', '*', denied('ImplicitDeny', 'identity')),
  `User: ${USER_ARN} is not authorized to perform: bedrock:ListFlows because no identity-based policy allows the bedrock:ListFlows action`,
  'a "*" resource is left out',
);
t.equal(
  accessDeniedMessage(principal, 'bedrock:CreateFlow', FLOW, denied('ImplicitDeny', 'identity')),
  `User: ${USER_ARN} is not authorized to perform: bedrock:CreateFlow because no identity-based policy allows the bedrock:CreateFlow action`,
  'so is the resource of an action without a resource type',
);
