/**
 * Flow definition and validation shapes, named exactly as the bedrock-agent 2023-06-05 model names them
 * (FlowDefinition, FlowNode, FlowConnection, FlowCondition, FlowValidation …). Unions the model marks
 * "exactly one member set" are typed as one-member objects.
 */

export const FLOW_NODE_TYPES = [
  'Input',
  'Output',
  'KnowledgeBase',
  'Condition',
  'Lex',
  'Prompt',
  'LambdaFunction',
  'Storage',
  'Agent',
  'Retrieval',
  'Iterator',
  'Collector',
  'InlineCode',
  'Loop',
  'LoopInput',
  'LoopController',
] as const;
export type FlowNodeType = (typeof FLOW_NODE_TYPES)[number];

export const FLOW_DATA_TYPES = ['String', 'Number', 'Boolean', 'Object', 'Array'] as const;
export type FlowNodeIODataType = (typeof FLOW_DATA_TYPES)[number];

export type FlowNodeInputCategory = 'LoopCondition' | 'ReturnValueToLoopStart' | 'ExitLoop';

export interface FlowNodeInput {
  name: string;
  type: FlowNodeIODataType;
  expression: string;
  category?: FlowNodeInputCategory;
}

export interface FlowNodeOutput {
  name: string;
  type: FlowNodeIODataType;
}

export interface FlowCondition {
  name: string;
  /** Absent for the `default` condition. */
  expression?: string;
}

export interface GuardrailConfiguration {
  guardrailIdentifier?: string;
  guardrailVersion?: string;
}

export interface PromptModelInferenceConfiguration {
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  stopSequences?: string[];
}

export interface PromptInferenceConfiguration {
  text?: PromptModelInferenceConfiguration;
}

export interface CachePointBlock {
  type: 'default';
}

export interface PromptInputVariable {
  name?: string;
}

export interface TextPromptTemplateConfiguration {
  text: string;
  cachePoint?: CachePointBlock;
  inputVariables?: PromptInputVariable[];
}

export type ContentBlock = { text: string } | { cachePoint: CachePointBlock };
export type SystemContentBlock = { text: string } | { cachePoint: CachePointBlock };

export interface Message {
  role: 'user' | 'assistant';
  content: ContentBlock[];
}

export interface ChatPromptTemplateConfiguration {
  messages: Message[];
  system?: SystemContentBlock[];
  inputVariables?: PromptInputVariable[];
  /** Tool specifications are passed through untouched. */
  toolConfiguration?: Record<string, unknown>;
}

export type PromptTemplateConfiguration = { text: TextPromptTemplateConfiguration } | { chat: ChatPromptTemplateConfiguration };

export interface PromptFlowNodeInlineConfiguration {
  templateType: 'TEXT' | 'CHAT';
  templateConfiguration: PromptTemplateConfiguration;
  modelId: string;
  inferenceConfiguration?: PromptInferenceConfiguration;
  additionalModelRequestFields?: unknown;
}

export interface PromptFlowNodeResourceConfiguration {
  promptArn: string;
}

export type PromptFlowNodeSourceConfiguration =
  | { resource: PromptFlowNodeResourceConfiguration }
  | { inline: PromptFlowNodeInlineConfiguration };

export type InputFlowNodeConfiguration = Record<string, never>;
export type OutputFlowNodeConfiguration = Record<string, never>;
export type IteratorFlowNodeConfiguration = Record<string, never>;
export type CollectorFlowNodeConfiguration = Record<string, never>;
export type LoopInputFlowNodeConfiguration = Record<string, never>;

export interface KnowledgeBaseFlowNodeConfiguration {
  knowledgeBaseId: string;
  modelId?: string;
  guardrailConfiguration?: GuardrailConfiguration;
  numberOfResults?: number;
  promptTemplate?: { textPromptTemplate?: string };
  inferenceConfiguration?: PromptInferenceConfiguration;
  /** Reranking and orchestration settings are accepted and passed through. */
  rerankingConfiguration?: Record<string, unknown>;
  orchestrationConfiguration?: Record<string, unknown>;
}

export interface ConditionFlowNodeConfiguration {
  conditions: FlowCondition[];
}

export interface LexFlowNodeConfiguration {
  botAliasArn: string;
  localeId: string;
}

export interface PromptFlowNodeConfiguration {
  sourceConfiguration: PromptFlowNodeSourceConfiguration;
  guardrailConfiguration?: GuardrailConfiguration;
}

export interface LambdaFunctionFlowNodeConfiguration {
  lambdaArn: string;
}

export interface S3BucketConfiguration {
  bucketName: string;
}

export interface StorageFlowNodeConfiguration {
  serviceConfiguration: { s3: S3BucketConfiguration };
}

export interface RetrievalFlowNodeConfiguration {
  serviceConfiguration: { s3: S3BucketConfiguration };
}

export interface AgentFlowNodeConfiguration {
  agentAliasArn: string;
}

export interface InlineCodeFlowNodeConfiguration {
  code: string;
  language: 'Python_3';
}

export interface LoopFlowNodeConfiguration {
  definition: FlowDefinition;
}

export interface LoopControllerFlowNodeConfiguration {
  continueCondition: FlowCondition;
  maxIterations?: number;
}

/** The members of the FlowNodeConfiguration union, by key. */
export interface FlowNodeConfigurationMembers {
  input: InputFlowNodeConfiguration;
  output: OutputFlowNodeConfiguration;
  knowledgeBase: KnowledgeBaseFlowNodeConfiguration;
  condition: ConditionFlowNodeConfiguration;
  lex: LexFlowNodeConfiguration;
  prompt: PromptFlowNodeConfiguration;
  lambdaFunction: LambdaFunctionFlowNodeConfiguration;
  storage: StorageFlowNodeConfiguration;
  agent: AgentFlowNodeConfiguration;
  retrieval: RetrievalFlowNodeConfiguration;
  iterator: IteratorFlowNodeConfiguration;
  collector: CollectorFlowNodeConfiguration;
  inlineCode: InlineCodeFlowNodeConfiguration;
  loop: LoopFlowNodeConfiguration;
  loopInput: LoopInputFlowNodeConfiguration;
  loopController: LoopControllerFlowNodeConfiguration;
}
export type FlowNodeConfigurationKey = keyof FlowNodeConfigurationMembers;
export type FlowNodeConfiguration = {
  [K in FlowNodeConfigurationKey]: { [P in K]: FlowNodeConfigurationMembers[P] };
}[FlowNodeConfigurationKey];

/** The configuration key of each node type: the node type in lowerCamel case. */
export type ConfigurationKeyOf<T extends FlowNodeType> = Uncapitalize<T> & FlowNodeConfigurationKey;

/** A node of one type; `configuration` is optional in the model (drafts), required by validation for most types. */
export interface FlowNodeOf<T extends FlowNodeType> {
  name: string;
  type: T;
  configuration?: { [K in ConfigurationKeyOf<T>]: FlowNodeConfigurationMembers[K] };
  inputs?: FlowNodeInput[];
  outputs?: FlowNodeOutput[];
}
export type FlowNode = { [T in FlowNodeType]: FlowNodeOf<T> }[FlowNodeType];

export interface FlowDataConnectionConfiguration {
  sourceOutput: string;
  targetInput: string;
}

export interface FlowConditionalConnectionConfiguration {
  condition: string;
}

export interface DataFlowConnection {
  type: 'Data';
  name: string;
  source: string;
  target: string;
  configuration?: { data: FlowDataConnectionConfiguration };
}

export interface ConditionalFlowConnection {
  type: 'Conditional';
  name: string;
  source: string;
  target: string;
  configuration?: { conditional: FlowConditionalConnectionConfiguration };
}

export type FlowConnection = DataFlowConnection | ConditionalFlowConnection;
export type FlowConnectionType = FlowConnection['type'];

export interface FlowDefinition {
  nodes?: FlowNode[];
  connections?: FlowConnection[];
}

export type IncompatibleLoopNodeType = 'Input' | 'Condition' | 'Iterator' | 'Collector';

/** The `details` member of each FlowValidationType (the union key is the type in lowerCamel case). */
export interface FlowValidationDetailMembers {
  CyclicConnection: { connection: string };
  DuplicateConnections: { source: string; target: string };
  DuplicateConditionExpression: { node: string; expression: string };
  UnreachableNode: { node: string };
  UnknownConnectionSource: { connection: string };
  UnknownConnectionSourceOutput: { connection: string };
  UnknownConnectionTarget: { connection: string };
  UnknownConnectionTargetInput: { connection: string };
  UnknownConnectionCondition: { connection: string };
  MalformedConditionExpression: { node: string; condition: string; cause: string };
  MalformedNodeInputExpression: { node: string; input: string; cause: string };
  MismatchedNodeInputType: { node: string; input: string; expectedType: FlowNodeIODataType };
  MismatchedNodeOutputType: { node: string; output: string; expectedType: FlowNodeIODataType };
  IncompatibleConnectionDataType: { connection: string };
  MissingConnectionConfiguration: { connection: string };
  MissingDefaultCondition: { node: string };
  MissingEndingNodes: Record<string, never>;
  MissingNodeConfiguration: { node: string };
  MissingNodeInput: { node: string; input: string };
  MissingNodeOutput: { node: string; output: string };
  MissingStartingNodes: Record<string, never>;
  MultipleNodeInputConnections: { node: string; input: string };
  UnfulfilledNodeInput: { node: string; input: string };
  UnsatisfiedConnectionConditions: { connection: string };
  Unspecified: Record<string, never>;
  UnknownNodeInput: { node: string; input: string };
  UnknownNodeOutput: { node: string; output: string };
  MissingLoopInputNode: { loopNode: string };
  MissingLoopControllerNode: { loopNode: string };
  MultipleLoopInputNodes: { loopNode: string };
  MultipleLoopControllerNodes: { loopNode: string };
  LoopIncompatibleNodeType: { node: string; incompatibleNodeType: IncompatibleLoopNodeType; incompatibleNodeName: string };
  InvalidLoopBoundary: { connection: string; source: string; target: string };
}
export type FlowValidationType = keyof FlowValidationDetailMembers;
export type FlowValidationSeverity = 'Warning' | 'Error';

export interface FlowValidationOf<T extends FlowValidationType> {
  message: string;
  severity: FlowValidationSeverity;
  details: { [K in Uncapitalize<T>]: FlowValidationDetailMembers[T] };
  type: T;
}
export type FlowValidation = { [T in FlowValidationType]: FlowValidationOf<T> }[FlowValidationType];
