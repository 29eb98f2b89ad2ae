/**
 * What a route declares: the operation it serves, the IAM action and resource it is authorized on, and the domain
 * operation that handles it. Method, path, status and input shapes come from the generated service model, so a
 * route file is a table of these, nothing more.
 *
 * Every function of a route receives the generated input type of its operation (src/generated/types.ts), which is
 * what src/protocol/validate-input.ts returns for that operation: `defineRoute('GetFlow', …)` types `input` as
 * GetFlowInput, and a handler written for another input does not compile. Not fastify's schema validation with a
 * typebox type provider: that would be a second copy of the service models' shapes, answer in ajv's words instead of
 * AWS's, and run before authentication, where AWS (and src/server/pipeline.ts) authenticates first.
 */
import type { OperationName } from '../generated/operations.js';
import type { OperationInputs } from '../generated/types.js';
import type { OperationContext } from '../operations/context.js';
import type { World } from '../world/world.js';

/** The resource of actions that have none (CreateFlow, ListFlows, …). */
export const NO_RESOURCE = () => '*';

/** The route of operation `N`; its functions are properties (not methods) so their input is checked strictly. */
export interface RouteDefinition<N extends OperationName = OperationName> {
  operation: N;
  action: string;
  resource: (input: OperationInputs[N], world: World) => string;
  /** Tags the request sets (aws:RequestTag/*, aws:TagKeys). */
  requestTags?: (input: OperationInputs[N]) => Record<string, string> | undefined;
  /** Tag keys the request names without values (UntagResource: aws:TagKeys). */
  tagKeys?: (input: OperationInputs[N]) => string[] | undefined;
  /** The role the request passes to Bedrock, authorized as iam:PassRole. */
  passRole?: (input: OperationInputs[N]) => string | undefined;
  handler: (ctx: OperationContext, input: OperationInputs[N]) => unknown;
  /** The handler answers a run to stream as events (InvokeFlow: src/server/invoke-flow-stream.ts). */
  streamed?: boolean;
}

/**
 * The route of operation `N` written as an index into a table of all routes: code generic in `N` (the pipeline)
 * can then call a route's functions with `OperationInputs[N]` without a cast (TypeScript's correlated unions).
 */
export type RouteOf<N extends OperationName> = { [K in OperationName]: RouteDefinition<K> }[N];

/** A route of any operation: one member per operation, so that each keeps its own input type in a mixed table. */
export type AnyRoute = RouteOf<OperationName>;

/** The route of `operation`, with every function's input typed from the operation's name. */
export const defineRoute = <N extends OperationName>(operation: N, route: Omit<RouteDefinition<N>, 'operation'>): RouteDefinition<N> => ({
  operation,
  ...route,
});
