/**
 * Whether a node's downstream call (the action and ARN its execution role is checked for, from
 * src/flows/nodes/role-requirements.ts) is the one a fault rule names. Names are matched as users write them: a
 * model id or ARN, a function name or ARN, an id or an ARN.
 */
import type { CallTarget } from './fault-rule.js';

const ACTIONS: Readonly<Record<CallTarget, readonly string[]>> = {
  model: ['bedrock:InvokeModel'],
  lambda: ['lambda:InvokeFunction'],
  knowledgeBase: ['bedrock:Retrieve', 'bedrock:RetrieveAndGenerate'],
  agentAlias: ['bedrock:InvokeAgent'],
  bucket: ['s3:GetObject', 's3:PutObject'],
};

/** The ARN itself, or its last path segment (`foundation-model/ID`, `knowledge-base/ID`, `agent-alias/AGENT/ALIAS`). */
const namesArn = (arn: string, name: string) => arn === name || arn.endsWith(`/${name}`);

export function callMatches(target: CallTarget, name: string, action: string, resource: string): boolean {
  if (!ACTIONS[target].includes(action)) return false;
  switch (target) {
    case 'lambda': {
      // arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]
      const parts = resource.split(':');
      return resource === name || parts[6] === name || parts.slice(0, 7).join(':') === name;
    }
    case 'bucket':
      return resource.startsWith(`arn:aws:s3:::${name}/`);
    default:
      return namesArn(resource, name);
  }
}
