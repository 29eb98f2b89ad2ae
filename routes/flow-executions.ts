/** Asynchronous flow executions (bedrock-agent-runtime): authorized on the flow alias, or on the execution itself. */
import { defineRoute } from '../src/server/route.js';
import { GetExecutionFlowSnapshot } from '../src/operations/runtime/GetExecutionFlowSnapshot.js';
import { GetFlowExecution } from '../src/operations/runtime/GetFlowExecution.js';
import { ListFlowExecutionEvents } from '../src/operations/runtime/ListFlowExecutionEvents.js';
import { ListFlowExecutions } from '../src/operations/runtime/ListFlowExecutions.js';
import { StartFlowExecution } from '../src/operations/runtime/StartFlowExecution.js';
import { StopFlowExecution } from '../src/operations/runtime/StopFlowExecution.js';
import type { World } from '../src/world/world.js';
import { flowAliasResource, flowResource } from './resources.js';

type ExecutionInput = { flowIdentifier: string; flowAliasIdentifier: string; executionIdentifier: string };

const executionResource = (i: ExecutionInput, w: World) =>
  i.executionIdentifier.startsWith('arn:') ? i.executionIdentifier : `${flowAliasResource(i, w)}/execution/${i.executionIdentifier}`;

export default [
  defineRoute('StartFlowExecution', { action: 'bedrock:StartFlowExecution', resource: flowAliasResource, handler: StartFlowExecution }),
  defineRoute('StopFlowExecution', { action: 'bedrock:StopFlowExecution', resource: executionResource, handler: StopFlowExecution }),
  defineRoute('GetFlowExecution', { action: 'bedrock:GetFlowExecution', resource: executionResource, handler: GetFlowExecution }),
  defineRoute('ListFlowExecutions', {
    action: 'bedrock:ListFlowExecutions',
    resource: (i, w) => (i.flowAliasIdentifier ? flowAliasResource(i, w) : flowResource(i, w)),
    handler: ListFlowExecutions,
  }),
  defineRoute('ListFlowExecutionEvents', {
    action: 'bedrock:ListFlowExecutionEvents',
    resource: executionResource,
    handler: ListFlowExecutionEvents,
  }),
  defineRoute('GetExecutionFlowSnapshot', {
    action: 'bedrock:GetExecutionFlowSnapshot',
    resource: executionResource,
    handler: GetExecutionFlowSnapshot,
  }),
];
