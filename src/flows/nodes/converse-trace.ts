/**
 * A Prompt node's Converse call as its nodeActionTrace shows it. A captured InvokeFlow trace from AWS
 * (docs/behaviour.md#traces) has every member of the request and the response, unset ones included (`system: []`,
 * `additionalModelRequestFields: null`…), text blocks tagged `type: "TEXT"`, float32 inference values widened to
 * double (`0.699999988079071`), and the call's request id both in `responseMetadata` and as the trace's requestId.
 */
import type { ConverseMessage } from '../../fakes/models.js';

interface TextBlock {
  readonly text: string;
}

export interface ConverseTraceCall {
  readonly requestId: string;
  readonly modelId: string;
  readonly messages: readonly ConverseMessage[];
  readonly system: readonly TextBlock[];
  /** The prompt's `inferenceConfiguration.text` (PromptModelInferenceConfiguration), if it has one. */
  readonly inference: unknown;
  /** Converse's promptVariables: empty when the text reaching the model is already rendered. */
  readonly promptVariables: Readonly<Record<string, { readonly text: string }>>;
  readonly completion: string;
  readonly usage: { readonly inputTokens: number; readonly outputTokens: number; readonly totalTokens: number };
  readonly stopReason: string;
  /** How long a model backend took (docs/models.md); the rules answer in no time. */
  readonly latencyMs?: number;
  /** InvokeFlow's modelPerformanceConfiguration: "the performance configuration for a model called with InvokeFlow". */
  readonly performanceConfig?: unknown;
}

const textBlock = (b: TextBlock) => ({ type: 'TEXT', text: b.text });

/** Converse's float members are float32 on the wire: a double such as 0.7 reads back as 0.699999988079071. */
const float32 = (value: unknown) => (typeof value === 'number' ? Math.fround(value) : null);
const integer = (value: unknown) => (typeof value === 'number' ? value : null);

/** Members the prompt does not set are null (lists empty), as the captured request renders unset members. */
function inferenceConfig(inference: unknown) {
  const set = (inference ?? {}) as Record<string, unknown>;
  return {
    maxTokens: integer(set.maxTokens),
    temperature: float32(set.temperature),
    topP: float32(set.topP),
    stopSequences: Array.isArray(set.stopSequences) ? set.stopSequences : [],
  };
}

export function converseRequest(call: ConverseTraceCall) {
  return {
    modelId: call.modelId,
    messages: call.messages.map((m) => ({ role: m.role, content: m.content.map(textBlock) })),
    system: call.system.map(textBlock),
    inferenceConfig: inferenceConfig(call.inference),
    additionalModelRequestFields: null,
    additionalModelResponseFieldPaths: [],
    promptVariables: call.promptVariables,
    requestMetadata: {},
    ...(call.performanceConfig ? { performanceConfig: call.performanceConfig } : {}),
  };
}

export function converseResponse(call: ConverseTraceCall) {
  return {
    output: { type: 'MESSAGE', message: { role: 'assistant', content: [textBlock({ text: call.completion })] } },
    stopReason: call.stopReason,
    usage: { ...call.usage, cacheDetails: [] },
    metrics: { latencyMs: call.latencyMs ?? 0 },
    sdkHttpResponse: { statusCode: 200, statusText: 'OK', successful: true },
    responseMetadata: { metadata: { 'x-amzn-RequestId': call.requestId } },
  };
}
