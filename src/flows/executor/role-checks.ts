/**
 * How a run asks whether the flow's execution role may do what a node needs (README, IAM behaviour: the execution
 * role). The emulator wires its IAM evaluator in through OperationContext.roleAuthorizer (src/access/); there is no
 * default.
 */
import type { NodeDecision } from './observer.js';

/** One downstream call a node is about to make as the execution role. */
export interface NodeCallRequest {
  roleArn: string;
  /** e.g. `bedrock:InvokeModel`, `lambda:InvokeFunction`, `s3:GetObject`. */
  action: string;
  /** The ARN the call acts on. */
  resource: string;
  flowArn: string;
  flowAliasArn: string;
  /** The run and node the call is for, so that the decision log links the decision to the run's record. */
  executionId?: string;
  nodeName?: string;
}

export interface RoleDecision {
  allowed: boolean;
  /** AWS's denial text; when absent the executor writes the standard one (denialMessage). */
  message?: string;
  /** What the evaluator decided, for the run's record; absent when IAM is off. */
  detail?: NodeDecision;
}

export type AssumeRoleResult = { ok: true } | { ok: false; message: string };

export interface RoleAuthorizer {
  /** May Bedrock (bedrock.amazonaws.com) assume the role to run this flow? Asked once per run, before any node. */
  assumeRole(roleArn: string, flowArn: string): AssumeRoleResult;
  authorizeNodeCall(request: NodeCallRequest): RoleDecision;
}

/** The role session a run's calls are made as (AWS does not publish the session name flows use). */
export function flowRoleSessionArn(roleArn: string, flowArn: string): string {
  const account = roleArn.split(':')[4];
  const roleName = roleArn.slice(roleArn.lastIndexOf('/') + 1);
  const flowId = flowArn.slice(flowArn.lastIndexOf('/') + 1);
  return `arn:aws:sts::${account}:assumed-role/${roleName}/BedrockFlows-${flowId}`;
}

/** IAM's implicit-deny wording, with the assumed-role session as the principal (docs/behaviour.md#access-denied-messages). */
export function denialMessage({ roleArn, action, resource, flowArn }: NodeCallRequest): string {
  return (
    `User: ${flowRoleSessionArn(roleArn, flowArn)} is not authorized to perform: ${action} on resource: ${resource} ` +
    `because no identity-based policy allows the ${action} action`
  );
}
