/** Deploying and invoking flows through the real SDK clients, for the contract tests. */
import {
  CreateFlowCommand,
  GetFlowCommand,
  PrepareFlowCommand,
  type BedrockAgentClient,
  type FlowDefinition,
} from '@aws-sdk/client-bedrock-agent';
import {
  GetFlowExecutionCommand,
  InvokeFlowCommand,
  type BedrockAgentRuntimeClient,
  type FlowResponseStream,
} from '@aws-sdk/client-bedrock-agent-runtime';
import type { Json } from '../fixtures.js';
import { FLOW_ROLE } from './world.js';

let created = 0;

/** CreateFlow + PrepareFlow; fails the test when the preparation fails, with its validations. */
export async function deploy(agent: BedrockAgentClient, definition: Json, executionRoleArn = FLOW_ROLE): Promise<string> {
  const flow = await agent.send(
    new CreateFlowCommand({ name: `flow${++created}`, executionRoleArn, definition: definition as FlowDefinition }),
  );
  await agent.send(new PrepareFlowCommand({ flowIdentifier: flow.id }));
  const prepared = await agent.send(new GetFlowCommand({ flowIdentifier: flow.id }));
  if (prepared.status !== 'Prepared') throw new Error(`flow not prepared: ${JSON.stringify(prepared.validations)}`);
  return flow.id!;
}

export interface Invocation {
  executionId?: string;
  events: FlowResponseStream[];
  /** What the stream threw after its events (an in-stream exception). */
  error?: Error & { resourceName?: string; $fault?: string };
}

export interface InvokeOptions {
  alias?: string;
  trace?: boolean;
  executionId?: string;
  /** Answering a multi-turn request: the node that asked (its input is agentInputText). */
  answerTo?: string;
}

export async function invoke(
  runtime: BedrockAgentRuntimeClient,
  flowId: string,
  document: Json,
  options: InvokeOptions = {},
): Promise<Invocation> {
  const input = options.answerTo
    ? { nodeName: options.answerTo, nodeInputName: 'agentInputText', content: { document } }
    : { nodeName: 'FlowInput', nodeOutputName: 'document', content: { document } };
  const command = new InvokeFlowCommand({
    flowIdentifier: flowId,
    flowAliasIdentifier: options.alias ?? 'TSTALIASID',
    enableTrace: options.trace,
    executionId: options.executionId,
    inputs: [input],
  });
  // The SDK reads the first message of the stream inside send(): an exception that comes first rejects send()
  // itself, without an HTTP status (HTTP errors have one, and are rethrown).
  const res = await runtime.send(command).catch((error: Invocation['error'] & { $metadata?: { httpStatusCode?: number } }) => {
    if (error?.$metadata?.httpStatusCode !== undefined) throw error;
    return { executionId: undefined, responseStream: undefined, error };
  });
  if ('error' in res) return { events: [], error: res.error };
  const events: FlowResponseStream[] = [];
  try {
    for await (const event of res.responseStream!) events.push(event);
  } catch (error) {
    return { executionId: res.executionId, events, error: error as Invocation['error'] };
  }
  return { executionId: res.executionId, events };
}

export const outputsOf = (run: Invocation): unknown[] =>
  run.events.flatMap((e) => (e.flowOutputEvent ? [e.flowOutputEvent.content?.document] : []));
export const completionOf = (run: Invocation) => run.events.find((e) => e.flowCompletionEvent)?.flowCompletionEvent?.completionReason;
/** The trace events of one kind (nodeInputTrace, nodeOutputTrace, conditionNodeResultTrace, nodeActionTrace). */
export const tracesOf = (run: Invocation, kind: string) =>
  run.events.flatMap((e) => {
    const trace = e.flowTraceEvent?.trace as Record<string, unknown> | undefined;
    return trace?.[kind] ? [trace[kind] as Json] : [];
  });

/** The identifiers of one flow execution of the test alias. */
export const executionIds = (flowIdentifier: string, executionIdentifier: string) => ({
  flowIdentifier,
  flowAliasIdentifier: 'TSTALIASID',
  executionIdentifier,
});

/** GetFlowExecution until it leaves Running. */
export async function ended(c: BedrockAgentRuntimeClient, flowId: string, executionArn: string) {
  for (;;) {
    const got = await c.send(new GetFlowExecutionCommand(executionIds(flowId, executionArn)));
    if (got.status !== 'Running') return got;
    await new Promise((r) => setTimeout(r, 10));
  }
}
