/**
 * Prerequisite checks: every resource a node names must exist in the emulated world. The world answers through
 * ReferenceResolver. No FlowValidationType describes a missing resource (MissingNodeConfiguration means the
 * definition lacks a field), so each is an Unspecified Error whose message names the node and the resource.
 * Empty or absent fields are skipped: validateDefinition reports them.
 */
import type { FlowNodeType, FlowValidation } from '../definition.js';
import { isKnownModelIdentifier } from '../known-models.js';
import { allScopes } from './quotas.js';
import { isRecord, readDefinition } from './scope.js';
import { Findings, limitValidations } from './validation.js';

export interface ReferenceResolver {
  /** A prompt, by its ARN without version. */
  promptExists(promptArn: string): boolean;
  promptVersionExists(promptArn: string, version: string): boolean;
  knowledgeBaseExists(knowledgeBaseId: string): boolean;
  agentAliasExists(agentAliasArn: string): boolean;
  /** A Lambda function, by its unqualified ARN. */
  lambdaFunctionExists(functionArn: string): boolean;
  /** A version or alias of an existing function (`$LATEST` is never asked: it always exists). */
  lambdaQualifierExists(functionArn: string, qualifier: string): boolean;
  /** The locales of a Lex bot alias, or undefined when the alias does not exist. */
  lexBotAliasLocales(botAliasArn: string): readonly string[] | undefined;
  bucketExists(bucketName: string): boolean;
  /** Present only when the world models guardrails; without it guardrail references are not checked. */
  guardrailExists?(guardrailIdentifier: string, guardrailVersion: string | undefined): boolean;
  /** Model ids the world knows beyond the built-in list (e.g. from the fixtures' model rules). */
  readonly extraModelIds?: readonly string[];
}

const PROMPT_ARN = /^(arn:[^:]+:bedrock:[^:]+:\d{12}:prompt\/[0-9a-zA-Z]{10})(?::(\d{1,5}))?$/;
const LAMBDA_ARN = /^(arn:[^:]+:lambda:[^:]+:\d{12}:function:[a-zA-Z0-9-_.]+)(?::(\$LATEST|[a-zA-Z0-9-_]+))?$/;

export function validateReferences(definition: unknown, resolver: ReferenceResolver): FlowValidation[] {
  const findings = new Findings();
  const root = readDefinition(definition, new Findings()); // shape problems are validateDefinition's to report
  for (const node of allScopes(root).flatMap((s) => s.nodes)) {
    if (node.spec && node.config) CHECKS[node.spec.type]?.(node.config, resolver, (what) => findings.unspecified(`${node.label} ${what}.`));
  }
  return limitValidations(findings.list);
}

type Report = (what: string) => void;
type Check = (config: Readonly<Record<string, unknown>>, resolver: ReferenceResolver, report: Report) => void;

const text = (v: unknown): v is string => typeof v === 'string' && v !== '';

const CHECKS: Readonly<Partial<Record<FlowNodeType, Check>>> = {
  Prompt: (config, resolver, report) => {
    const source = isRecord(config.sourceConfiguration) ? config.sourceConfiguration : {};
    const promptArn = isRecord(source.resource) ? source.resource.promptArn : undefined;
    if (text(promptArn)) checkPrompt(promptArn, resolver, report);
    const modelId = isRecord(source.inline) ? source.inline.modelId : undefined;
    checkModel(modelId, resolver, report);
    checkGuardrail(config.guardrailConfiguration, resolver, report);
  },
  KnowledgeBase: (config, resolver, report) => {
    if (text(config.knowledgeBaseId) && !resolver.knowledgeBaseExists(config.knowledgeBaseId)) {
      report(`references knowledge base ${config.knowledgeBaseId}, which does not exist`);
    }
    checkModel(config.modelId, resolver, report);
    checkGuardrail(config.guardrailConfiguration, resolver, report);
  },
  Agent: (config, resolver, report) => {
    if (text(config.agentAliasArn) && !resolver.agentAliasExists(config.agentAliasArn)) {
      report(`references agent alias ${config.agentAliasArn}, which does not exist`);
    }
  },
  LambdaFunction: (config, resolver, report) => {
    if (text(config.lambdaArn)) checkLambda(config.lambdaArn, resolver, report);
  },
  Lex: (config, resolver, report) => {
    if (!text(config.botAliasArn)) return;
    const locales = resolver.lexBotAliasLocales(config.botAliasArn);
    if (!locales) report(`references Lex bot alias ${config.botAliasArn}, which does not exist`);
    else if (text(config.localeId) && !locales.includes(config.localeId)) {
      report(`uses locale ${config.localeId}, which Lex bot alias ${config.botAliasArn} does not have`);
    }
  },
  Storage: (config, resolver, report) => checkBucket(config, resolver, report),
  Retrieval: (config, resolver, report) => checkBucket(config, resolver, report),
};

function checkPrompt(arn: string, resolver: ReferenceResolver, report: Report): void {
  const match = PROMPT_ARN.exec(arn);
  if (!match) return report(`references ${arn}, which is not a prompt ARN`);
  const [, promptArn = arn] = match;
  const version: string | undefined = match[2];
  if (!resolver.promptExists(promptArn)) report(`references prompt ${promptArn}, which does not exist`);
  else if (version !== undefined && !resolver.promptVersionExists(promptArn, version)) {
    report(`references version ${version} of prompt ${promptArn}, which does not exist`);
  }
}

function checkLambda(arn: string, resolver: ReferenceResolver, report: Report): void {
  const match = LAMBDA_ARN.exec(arn);
  if (!match) return report(`references ${arn}, which is not a Lambda function ARN`);
  const [, functionArn = arn] = match;
  const qualifier: string | undefined = match[2];
  if (!resolver.lambdaFunctionExists(functionArn)) report(`references Lambda function ${functionArn}, which does not exist`);
  else if (qualifier !== undefined && qualifier !== '$LATEST' && !resolver.lambdaQualifierExists(functionArn, qualifier)) {
    report(`references version or alias ${qualifier} of Lambda function ${functionArn}, which does not exist`);
  }
}

function checkModel(modelId: unknown, resolver: ReferenceResolver, report: Report): void {
  if (text(modelId) && !isKnownModelIdentifier(modelId, resolver.extraModelIds)) {
    report(`uses model ${modelId}, which is not an Amazon Bedrock model or inference profile`);
  }
}

function checkGuardrail(configuration: unknown, resolver: ReferenceResolver, report: Report): void {
  if (!resolver.guardrailExists || !isRecord(configuration) || !text(configuration.guardrailIdentifier)) return;
  const version = text(configuration.guardrailVersion) ? configuration.guardrailVersion : undefined;
  if (!resolver.guardrailExists(configuration.guardrailIdentifier, version)) {
    const which = version === undefined ? '' : ` version ${version}`;
    report(`references guardrail ${configuration.guardrailIdentifier}${which}, which does not exist`);
  }
}

function checkBucket(config: Readonly<Record<string, unknown>>, resolver: ReferenceResolver, report: Report): void {
  const s3 = isRecord(config.serviceConfiguration) ? config.serviceConfiguration.s3 : undefined;
  const bucket = isRecord(s3) ? s3.bucketName : undefined;
  if (text(bucket) && !resolver.bucketExists(bucket)) report(`references S3 bucket ${bucket}, which does not exist`);
}
