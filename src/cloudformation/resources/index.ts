/** The resource types a template may create here, each translated into fixture entries by its handler. */
import type { Created, Stack } from '../stack.js';
import { agent, agentAlias, knowledgeBase } from './bedrock-agents.js';
import { flow, flowAlias, flowVersion } from './bedrock-flows.js';
import { prompt, promptVersion } from './bedrock-prompts.js';
import { managedPolicy, policy, role } from './iam.js';
import { lambdaFunction } from './lambda.js';
import { bucket } from './s3.js';

export type ResourceHandler = (props: Record<string, unknown>, logicalId: string, stack: Stack, path: string) => Created;

export const RESOURCE_TYPES: Readonly<Record<string, ResourceHandler>> = {
  'AWS::Bedrock::Flow': flow,
  'AWS::Bedrock::FlowVersion': flowVersion,
  'AWS::Bedrock::FlowAlias': flowAlias,
  'AWS::Bedrock::Prompt': prompt,
  'AWS::Bedrock::PromptVersion': promptVersion,
  'AWS::Bedrock::KnowledgeBase': knowledgeBase,
  'AWS::Bedrock::Agent': agent,
  'AWS::Bedrock::AgentAlias': agentAlias,
  'AWS::IAM::Role': role,
  'AWS::IAM::Policy': policy,
  'AWS::IAM::ManagedPolicy': managedPolicy,
  'AWS::Lambda::Function': lambdaFunction,
  'AWS::S3::Bucket': bucket,
};
