/**
 * What a run reports while it goes, independent of the wire: InvokeFlow turns these into flowTraceEvent and
 * flowOutputEvent frames, asynchronous executions into FlowExecutionEvent records.
 */
import type { FlowNodeInputCategory, FlowNodeIODataType } from '../definition.js';

/** The Iterator or Loop iterations a node runs inside, outermost first (trace `executionChain`). */
export interface ChainItem {
  readonly nodeName: string;
  readonly index: number;
  readonly type: 'Iterator' | 'Loop';
}

export interface InputField {
  readonly name: string;
  readonly type: FlowNodeIODataType;
  readonly category?: FlowNodeInputCategory;
  readonly value: unknown;
  readonly source?: { readonly nodeName: string; readonly outputFieldName: string; readonly expression: string };
  readonly executionChain?: readonly ChainItem[];
}

export interface OutputField {
  readonly name: string;
  readonly type: FlowNodeIODataType;
  readonly value: unknown;
  readonly next: readonly { readonly nodeName: string; readonly inputFieldName: string }[];
}

/** A call to another service made for a node (trace nodeActionTrace). */
export interface NodeAction {
  readonly serviceName: string;
  readonly operationName: string;
  /** The call's request id; a new one when the call has none of its own. */
  readonly requestId?: string;
  readonly operationRequest?: unknown;
  readonly operationResponse?: unknown;
}

/**
 * One part of an Agent node's inner agent trace (nodeDependencyTrace): a TracePart as InvokeAgent streams it
 * (bedrock-agent-runtime model, shape TracePart). Plain data, shaped by the node that made the call.
 */
export type AgentTracePart = Readonly<Record<string, unknown>>;

export type FlowEvent =
  | { readonly kind: 'nodeInput'; readonly nodeName: string; readonly timestamp: string; readonly fields: readonly InputField[] }
  | { readonly kind: 'nodeOutput'; readonly nodeName: string; readonly timestamp: string; readonly fields: readonly OutputField[] }
  | {
      readonly kind: 'conditionResult';
      readonly nodeName: string;
      readonly timestamp: string;
      readonly satisfiedConditions: readonly string[];
    }
  | {
      readonly kind: 'nodeDependency';
      readonly nodeName: string;
      readonly timestamp: string;
      readonly agentTraces: readonly AgentTracePart[];
    }
  | ({ readonly kind: 'nodeAction'; readonly nodeName: string; readonly timestamp: string; readonly requestId: string } & NodeAction)
  | {
      readonly kind: 'flowOutput';
      readonly nodeName: string;
      readonly nodeType: string;
      readonly timestamp: string;
      readonly document: unknown;
    };

/** Records or sends one event; returns the bytes that took (counted against the run's cap), or nothing. */
export type EventSink = (event: FlowEvent) => number | void;
