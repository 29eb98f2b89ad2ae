/**
 * The node-type table: the single source of truth for what each of the 16 node types accepts and produces.
 * The validator and the executor both read it.
 *
 * Loop semantics (the model leaves them open; our rule, used by validator and executor alike):
 * - A Loop node declares its own inputs and outputs. Its body is `configuration.loop.definition`, holding exactly
 *   one LoopInput node and one LoopController node.
 * - LoopInput declares outputs only. Output `x` carries the Loop node's input `x` on the first iteration and the
 *   controller's `ReturnValueToLoopStart` input `x` on later iterations (when the controller has one).
 * - LoopController declares inputs only, each with a `category`; its `continueCondition` may refer to any of them.
 *   When the loop exits, each `ExitLoop` input `y` becomes the Loop node's output `y`.
 *
 * Iterator/Collector: the nodes downstream of an Iterator run once per array item until a Collector gathers the
 * items back into `collectedArray`; `arrayItem` is the element, of whatever type the element has.
 */
import type { FlowNodeConfigurationKey, FlowNodeIODataType, FlowNodeType, IncompatibleLoopNodeType } from './definition.js';
import { FLOW_NODE_TYPES } from './definition.js';

/** `Any`: the author picks the declared type. */
export type PortType = FlowNodeIODataType | 'Any';

export interface PortSpec {
  readonly name: string;
  readonly type: PortType;
  /** Inputs: must be declared. Outputs: always true (a fixed output must be declared to be connected). */
  readonly required: boolean;
}

export type PortsSpec =
  | { readonly kind: 'none' } // nothing may be declared on this side
  | { readonly kind: 'fixed'; readonly ports: readonly PortSpec[] }
  | { readonly kind: 'user' }; // names and types are the author's

export interface NodeTypeSpec {
  readonly type: FlowNodeType;
  readonly configurationKey: FlowNodeConfigurationKey;
  /** False for the types whose configuration is an empty structure (the AWS sample omits it on Input/Output). */
  readonly configurationRequired: boolean;
  readonly inputs: PortsSpec;
  readonly outputs: PortsSpec;
  /** KnowledgeBase only: the outputs when `modelId` is set (RetrieveAndGenerate) instead of `outputs`. */
  readonly outputsWithModel?: PortsSpec;
  /** Per-flow quota (AWS General Reference); undefined when none is published. */
  readonly quota?: number;
  /** Most inputs a node of this type may declare, when lower than the model's 20. */
  readonly maxInputs?: number;
  /** `nodeType` in runtime trace/output events. */
  readonly runtimeNodeType: string;
  /** Set for the types a Loop body must not contain (IncompatibleLoopNodeType). */
  readonly loopIncompatible?: IncompatibleLoopNodeType;
}

const none = { kind: 'none' } as const;
const user = { kind: 'user' } as const;
const fixed = (...ports: [name: string, type: PortType, required?: boolean][]): PortsSpec => ({
  kind: 'fixed',
  ports: ports.map(([name, type, required = true]) => ({ name, type, required })),
});

export const NODE_TYPES: Readonly<Record<FlowNodeType, NodeTypeSpec>> = {
  Input: {
    type: 'Input',
    configurationKey: 'input',
    configurationRequired: false,
    inputs: none,
    outputs: fixed(['document', 'Any']),
    quota: 1,
    runtimeNodeType: 'FlowInputNode',
    loopIncompatible: 'Input',
  },
  Output: {
    type: 'Output',
    configurationKey: 'output',
    configurationRequired: false,
    inputs: fixed(['document', 'Any']),
    outputs: none,
    quota: 20,
    runtimeNodeType: 'FlowOutputNode',
  },
  Condition: {
    type: 'Condition',
    configurationKey: 'condition',
    configurationRequired: true,
    inputs: user,
    outputs: none,
    quota: 5,
    runtimeNodeType: 'ConditionNode',
    loopIncompatible: 'Condition',
  },
  KnowledgeBase: {
    type: 'KnowledgeBase',
    configurationKey: 'knowledgeBase',
    configurationRequired: true,
    inputs: fixed(['retrievalQuery', 'String']),
    outputs: fixed(['retrievalResults', 'Array']),
    outputsWithModel: fixed(['outputText', 'String']),
    quota: 20,
    runtimeNodeType: 'KnowledgeBaseNode',
  },
  Lex: {
    type: 'Lex',
    configurationKey: 'lex',
    configurationRequired: true,
    inputs: fixed(['inputText', 'String'], ['requestAttributes', 'Object', false], ['sessionAttributes', 'Object', false]),
    outputs: fixed(['predictedIntent', 'String']),
    quota: 5,
    runtimeNodeType: 'LexNode',
  },
  Prompt: {
    type: 'Prompt',
    configurationKey: 'prompt',
    configurationRequired: true,
    inputs: user, // one per template variable
    outputs: fixed(['modelCompletion', 'String']),
    quota: 20,
    runtimeNodeType: 'PromptNode',
  },
  LambdaFunction: {
    type: 'LambdaFunction',
    configurationKey: 'lambdaFunction',
    configurationRequired: true,
    inputs: user,
    outputs: fixed(['functionResponse', 'Any']),
    quota: 20,
    runtimeNodeType: 'LambdaFunctionNode',
  },
  Storage: {
    type: 'Storage',
    configurationKey: 'storage',
    configurationRequired: true,
    inputs: fixed(['content', 'Any'], ['objectKey', 'String']),
    outputs: fixed(['s3Uri', 'String']),
    quota: 10,
    runtimeNodeType: 'StorageNode',
  },
  Retrieval: {
    type: 'Retrieval',
    configurationKey: 'retrieval',
    configurationRequired: true,
    // The user guide's summary table says Any for s3Content (its detail section says String): stay lenient.
    inputs: fixed(['objectKey', 'String']),
    outputs: fixed(['s3Content', 'Any']),
    quota: 10,
    runtimeNodeType: 'RetrievalNode',
  },
  Agent: {
    type: 'Agent',
    configurationKey: 'agent',
    configurationRequired: true,
    inputs: fixed(['agentInputText', 'String'], ['promptAttributes', 'Object', false], ['sessionAttributes', 'Object', false]),
    outputs: fixed(['agentResponse', 'String']),
    quota: 20,
    runtimeNodeType: 'AgentNode',
  },
  Iterator: {
    type: 'Iterator',
    configurationKey: 'iterator',
    configurationRequired: false,
    inputs: fixed(['array', 'Array']),
    outputs: fixed(['arrayItem', 'Any'], ['arraySize', 'Number']),
    quota: 1,
    runtimeNodeType: 'IteratorNode',
    loopIncompatible: 'Iterator',
  },
  Collector: {
    type: 'Collector',
    configurationKey: 'collector',
    configurationRequired: false,
    inputs: fixed(['arrayItem', 'Any'], ['arraySize', 'Number']),
    outputs: fixed(['collectedArray', 'Array']),
    quota: 1,
    runtimeNodeType: 'CollectorNode',
    loopIncompatible: 'Collector',
  },
  InlineCode: {
    type: 'InlineCode',
    configurationKey: 'inlineCode',
    configurationRequired: true,
    inputs: user,
    outputs: fixed(['response', 'Any']),
    quota: 5,
    maxInputs: 5,
    runtimeNodeType: 'InlineCodeNode',
  },
  Loop: {
    type: 'Loop',
    configurationKey: 'loop',
    configurationRequired: true,
    inputs: user,
    outputs: user,
    runtimeNodeType: 'LoopNode',
  },
  LoopInput: {
    type: 'LoopInput',
    configurationKey: 'loopInput',
    configurationRequired: false,
    inputs: none,
    outputs: user,
    runtimeNodeType: 'LoopInputNode',
  },
  LoopController: {
    type: 'LoopController',
    configurationKey: 'loopController',
    configurationRequired: true,
    inputs: user,
    outputs: none,
    runtimeNodeType: 'LoopControllerNode',
  },
};

/** The spec of a node type name, or undefined for a name that is not one of the 16 types. */
export function nodeTypeSpec(type: unknown): NodeTypeSpec | undefined {
  return (FLOW_NODE_TYPES as readonly unknown[]).includes(type) ? NODE_TYPES[type as FlowNodeType] : undefined;
}

/** The outputs a node produces, given its configuration member (KnowledgeBase depends on `modelId`). */
export function outputPorts(spec: NodeTypeSpec, configurationMember: unknown): PortsSpec {
  const modelId = (configurationMember as { modelId?: unknown } | undefined)?.modelId;
  return spec.outputsWithModel && typeof modelId === 'string' && modelId !== '' ? spec.outputsWithModel : spec.outputs;
}

/** The fixed port of that name on one side, if the side is fixed. */
export function fixedPort(ports: PortsSpec, name: string): PortSpec | undefined {
  return ports.kind === 'fixed' ? ports.ports.find((p) => p.name === name) : undefined;
}
