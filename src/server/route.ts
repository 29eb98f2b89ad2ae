/**
 * What a route declares: the operation it serves, the IAM action and resource it is authorized on, and the domain
 * operation that handles it. Method, path, status and input shapes come from the generated service model, so a
 * route file is a table of these, nothing more.
 */
import type { OperationContext } from '../operations/context.js';
import type { World } from '../world/world.js';

/** The resource of actions that have none (CreateFlow, ListFlows, …). */
export const NO_RESOURCE = () => '*';

export interface RouteDefinition<I = any, O = any> {
  operation: string;
  action: string;
  resource: (input: I, world: World) => string;
  /** Tags the request sets (aws:RequestTag/*, aws:TagKeys). */
  requestTags?: (input: I) => Record<string, string> | undefined;
  /** Tag keys the request names without values (UntagResource: aws:TagKeys). */
  tagKeys?: (input: I) => string[] | undefined;
  /** The role the request passes to Bedrock, authorized as iam:PassRole. */
  passRole?: (input: I) => string | undefined;
  handler: (ctx: OperationContext, input: I) => O | Promise<O>;
  /** The handler answers a run to stream as events (InvokeFlow: src/server/invoke-flow-stream.ts). */
  streamed?: boolean;
}

export const defineRoutes = (routes: RouteDefinition[]) => routes;
