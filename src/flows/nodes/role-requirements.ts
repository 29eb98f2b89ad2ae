/**
 * What each node type calls as the flow's execution role: the action and the exact resource ARN. The runners
 * authorize exactly these calls, and the role-policy generator (src/access/flow-role-policy.ts) writes a policy from
 * the same functions, so the two cannot drift. S3 keys are known only at run time: without inputs the functions
 * answer the bucket's objects (`bucket/*`).
 */
import { parseArn, knowledgeBaseArn, type Scope } from '../../world/arns.js';
import type { PromptVariantData, PromptVersionRecord } from '../../world/records.js';
import { hasWorld, worldOf, type Universe } from '../../world/universe.js';
import { s3ObjectArn } from '../../fakes/s3.js';
import type {
  AgentFlowNodeConfiguration,
  KnowledgeBaseFlowNodeConfiguration,
  LambdaFunctionFlowNodeConfiguration,
  LexFlowNodeConfiguration,
  PromptFlowNodeConfiguration,
  RetrievalFlowNodeConfiguration,
  StorageFlowNodeConfiguration,
} from '../definition.js';
import { INFERENCE_PROFILE_PREFIXES } from '../known-models.js';

export interface RoleCall {
  readonly action: string;
  readonly resource: string;
}

/**
 * Where a system-defined cross-Region inference profile may send a request, by geography: the role needs
 * bedrock:InvokeModel on the profile and on the foundation model in every one of these Regions
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html; the destination Regions are on
 * "Supported Regions and models for inference profiles", and vary a little by model: one list a geography here).
 * A global profile's foundation-model ARN has no Region.
 */
const DESTINATION_REGIONS: Readonly<Record<string, readonly string[]>> = {
  us: ['us-east-1', 'us-east-2', 'us-west-2'],
  'us-gov': ['us-gov-east-1', 'us-gov-west-1'],
  eu: ['eu-central-1', 'eu-north-1', 'eu-west-1', 'eu-west-3'],
  apac: ['ap-northeast-1', 'ap-northeast-2', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2'],
  jp: ['ap-northeast-1', 'ap-northeast-3'],
  au: ['ap-southeast-2', 'ap-southeast-4'],
  global: [''],
};

const invokeModel = (resource: string): RoleCall => ({ action: 'bedrock:InvokeModel', resource });

/** The profile id's geography and model, when `id` is a system-defined inference profile id (`us.` + model id). */
function profileParts(id: string): { geography: string; model: string } | undefined {
  const dot = id.indexOf('.');
  const geography = id.slice(0, dot);
  if (dot <= 0 || !INFERENCE_PROFILE_PREFIXES.includes(geography)) return undefined;
  return { geography, model: id.slice(dot + 1) };
}

/**
 * bedrock:InvokeModel for a model id or ARN: a foundation model's ARN; an inference profile's ARN and the
 * foundation models it routes to; any other model ARN as it is.
 */
export function modelCalls(scope: Scope, modelId: string): RoleCall[] {
  const arn = parseArn(modelId);
  const profileId = arn ? /^inference-profile\/(.+)$/.exec(arn.resource)?.[1] : modelId;
  const profile = profileId ? profileParts(profileId) : undefined;
  if (!profile) return [invokeModel(arn ? modelId : `arn:aws:bedrock:${scope.region}::foundation-model/${modelId}`)];
  const profileArn = arn ? modelId : `arn:aws:bedrock:${scope.region}:${scope.account}:inference-profile/${profileId}`;
  const regions = DESTINATION_REGIONS[profile.geography] ?? [scope.region];
  return [invokeModel(profileArn), ...regions.map((region) => invokeModel(`arn:aws:bedrock:${region}::foundation-model/${profile.model}`))];
}

/** The prompt snapshot an ARN names: the version (`:N`), else the draft. */
export function promptSnapshot(universe: Universe, promptArn: string): PromptVersionRecord | undefined {
  const arn = parseArn(promptArn);
  const [id, version] = (arn?.resource.replace(/^prompt\//, '') ?? '').split(':') as [string, string?];
  // hasWorld first: a prompt ARN naming an unknown account must not create a world.
  const record =
    arn && hasWorld(universe, arn.account, arn.region) ? worldOf(universe, arn.account, arn.region).prompts.get(id) : undefined;
  return version ? record?.versions[version] : record?.draft;
}

/** The variant a prompt snapshot runs: its default variant, else its first. */
export function defaultVariant(snapshot: PromptVersionRecord | undefined): PromptVariantData | undefined {
  return snapshot?.variants?.find((v) => v.name === snapshot.defaultVariant) ?? snapshot?.variants?.[0];
}

export function promptCalls(config: PromptFlowNodeConfiguration, scope: Scope, universe: Universe): RoleCall[] {
  const source = config.sourceConfiguration;
  if ('inline' in source) return modelCalls(scope, source.inline.modelId);
  const { promptArn } = source.resource;
  const modelId = defaultVariant(promptSnapshot(universe, promptArn))?.modelId;
  return [{ action: 'bedrock:RenderPrompt', resource: promptArn }, ...(typeof modelId === 'string' ? modelCalls(scope, modelId) : [])];
}

export function knowledgeBaseCalls(config: KnowledgeBaseFlowNodeConfiguration, scope: Scope): RoleCall[] {
  const resource = knowledgeBaseArn(scope, config.knowledgeBaseId);
  if (!config.modelId) return [{ action: 'bedrock:Retrieve', resource }];
  return [{ action: 'bedrock:RetrieveAndGenerate', resource }, ...modelCalls(scope, config.modelId)];
}

export const lambdaCalls = (config: LambdaFunctionFlowNodeConfiguration): RoleCall[] => [
  { action: 'lambda:InvokeFunction', resource: config.lambdaArn },
];
export const lexCalls = (config: LexFlowNodeConfiguration): RoleCall[] => [
  { action: 'lex:RecognizeUtterance', resource: config.botAliasArn },
];
export const agentCalls = (config: AgentFlowNodeConfiguration): RoleCall[] => [
  { action: 'bedrock:InvokeAgent', resource: config.agentAliasArn },
];
/** `key` undefined: every object of the bucket (the key is a run-time input). */
export const retrievalCalls = (config: RetrievalFlowNodeConfiguration, key = '*'): RoleCall[] => [
  { action: 's3:GetObject', resource: s3ObjectArn(config.serviceConfiguration.s3.bucketName, key) },
];
export const storageCalls = (config: StorageFlowNodeConfiguration, key = '*'): RoleCall[] => [
  { action: 's3:PutObject', resource: s3ObjectArn(config.serviceConfiguration.s3.bucketName, key) },
];

/** Every call a node of this type and configuration makes as the role (nodes that call nothing: none). */
export function roleRequirements(type: string, configuration: unknown, scope: Scope, universe: Universe): RoleCall[] {
  // biome-ignore lint/suspicious/noExplicitAny: the configuration member is read by the node type's own function
  const c = configuration as Record<string, any> | undefined;
  switch (type) {
    case 'Prompt':
      return c?.prompt ? promptCalls(c.prompt, scope, universe) : [];
    case 'KnowledgeBase':
      return c?.knowledgeBase ? knowledgeBaseCalls(c.knowledgeBase, scope) : [];
    case 'LambdaFunction':
      return c?.lambdaFunction ? lambdaCalls(c.lambdaFunction) : [];
    case 'Lex':
      return c?.lex ? lexCalls(c.lex) : [];
    case 'Agent':
      return c?.agent ? agentCalls(c.agent) : [];
    case 'Retrieval':
      return c?.retrieval ? retrievalCalls(c.retrieval) : [];
    case 'Storage':
      return c?.storage ? storageCalls(c.storage) : [];
    default:
      return [];
  }
}
