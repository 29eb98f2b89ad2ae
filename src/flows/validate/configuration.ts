/**
 * MissingNodeConfiguration: a node whose configuration is absent, keyed for another type, or lacks what its type
 * requires. Empty strings count as missing: the model's patterns accept them (console drafts), a run cannot.
 */
import type { FlowNodeType } from '../definition.js';
import { isRecord, type NodeView, type Scope } from './scope.js';
import type { Findings } from './validation.js';

type Requirement = (config: Readonly<Record<string, unknown>>) => string | undefined;

export function checkConfiguration(scope: Scope, findings: Findings): void {
  for (const node of scope.nodes) {
    const problem = configurationProblem(node);
    if (problem) findings.add('MissingNodeConfiguration', { node: node.name }, `${node.label} ${problem}.`);
  }
}

function configurationProblem(node: NodeView): string | undefined {
  const { spec, configuration, config } = node;
  if (!spec) return undefined;
  const key = spec.configurationKey;
  if (!config) {
    if (isRecord(configuration) && Object.keys(configuration).some((k) => k !== key)) {
      return `has a configuration for another node type (expected configuration.${key})`;
    }
    return spec.configurationRequired ? `has no configuration.${key}` : undefined;
  }
  const missing = REQUIREMENTS[spec.type]?.(config);
  return missing && `is missing configuration.${key}.${missing}`;
}

const present = (v: unknown) => (typeof v === 'string' ? v !== '' : v !== undefined && v !== null);
const need =
  (...fields: string[]): Requirement =>
  (config) =>
    fields.find((f) => !present(config[f]));

const s3Bucket: Requirement = (config) => {
  const s3 = isRecord(config.serviceConfiguration) ? config.serviceConfiguration.s3 : undefined;
  return isRecord(s3) && present(s3.bucketName) ? undefined : 'serviceConfiguration.s3.bucketName';
};

const promptSource: Requirement = (config) => {
  const source = config.sourceConfiguration;
  if (!isRecord(source)) return 'sourceConfiguration';
  if (isRecord(source.resource)) return present(source.resource.promptArn) ? undefined : 'sourceConfiguration.resource.promptArn';
  if (!isRecord(source.inline)) return 'sourceConfiguration.resource or sourceConfiguration.inline';
  const inline = source.inline;
  const field = need('modelId', 'templateType', 'templateConfiguration')(inline);
  if (field) return `sourceConfiguration.inline.${field}`;
  const template = inline.templateConfiguration;
  const hasTemplate =
    isRecord(template) &&
    ((isRecord(template.text) && present(template.text.text)) || (isRecord(template.chat) && Array.isArray(template.chat.messages)));
  return hasTemplate ? undefined : 'sourceConfiguration.inline.templateConfiguration.text or .chat';
};

const REQUIREMENTS: Partial<Record<FlowNodeType, Requirement>> = {
  Condition: (c) => (Array.isArray(c.conditions) && c.conditions.length > 0 ? undefined : 'conditions'),
  KnowledgeBase: need('knowledgeBaseId'),
  Lex: need('botAliasArn', 'localeId'),
  Prompt: promptSource,
  LambdaFunction: need('lambdaArn'),
  Storage: s3Bucket,
  Retrieval: s3Bucket,
  Agent: need('agentAliasArn'),
  InlineCode: need('code', 'language'),
  Loop: (c) => (isRecord(c.definition) ? undefined : 'definition'),
  LoopController: (c) => (isRecord(c.continueCondition) && present(c.continueCondition.name) ? undefined : 'continueCondition'),
};
