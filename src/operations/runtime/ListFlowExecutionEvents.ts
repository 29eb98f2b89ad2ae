/** An execution's events in the order they happened: `Flow` gives its input, outputs and failure, `Node` the rest. */
import type { ListFlowExecutionEventsInput } from '../../generated/types.js';
import { paginate } from '../../protocol/pagination.js';
import type { OperationContext } from '../context.js';
import { FLOW_LEVEL_EVENTS } from './execution-events.js';
import { findExecution } from './execution-lookup.js';

export function ListFlowExecutionEvents(ctx: OperationContext, input: ListFlowExecutionEventsInput) {
  const execution = findExecution(ctx, input);
  const flowLevel = input.eventType === 'Flow';
  const events = execution.events.filter((e) => FLOW_LEVEL_EVENTS.has(Object.keys(e)[0]!) === flowLevel);
  const page = paginate(events, input.maxResults, input.nextToken);
  return { flowExecutionEvents: page.items, nextToken: page.nextToken };
}
