/**
 * defineRoute types every function of a route from the operation's name (src/server/route.ts). The compile-time
 * half of this file is checked by `npm run typecheck`: each @ts-expect-error fails the check if the line compiles.
 */
import t from 'tap';
import type { CreateFlowInput, GetFlowInput } from '../../src/generated/types.js';
import type { OperationContext } from '../../src/operations/context.js';
import { GetFlow } from '../../src/operations/flows/GetFlow.js';
import { type AnyRoute, NO_RESOURCE, defineRoute } from '../../src/server/route.js';

const getFlowHandler = (_ctx: OperationContext, input: GetFlowInput) => ({ id: input.flowIdentifier });
const createFlowHandler = (_ctx: OperationContext, input: CreateFlowInput) => ({ name: input.name });
/** Narrower than GetFlowInput: needs a member the operation's input does not have. */
const needsMore = (_ctx: OperationContext, input: GetFlowInput & { flowVersion: string }) => input.flowVersion;

t.test('a route declares its operation once and keeps what it was given', async (t) => {
  const route = defineRoute('GetFlow', { action: 'bedrock:GetFlow', resource: (i) => i.flowIdentifier, handler: GetFlow });
  t.equal(route.operation, 'GetFlow');
  t.equal(route.action, 'bedrock:GetFlow');
  t.equal(route.handler, GetFlow);
  t.equal(route.resource({ flowIdentifier: 'FLOW123456' }, undefined as never), 'FLOW123456');
  const table: AnyRoute[] = [
    route,
    defineRoute('CreateFlow', { action: 'bedrock:CreateFlow', resource: NO_RESOURCE, handler: createFlowHandler }),
  ];
  t.same(
    table.map((r) => r.operation),
    ['GetFlow', 'CreateFlow'],
  );
});

t.test('a handler or resource written for another input does not compile', async (t) => {
  defineRoute('GetFlow', { action: 'bedrock:GetFlow', resource: NO_RESOURCE, handler: getFlowHandler });
  // @ts-expect-error CreateFlow's handler on the GetFlow route
  defineRoute('GetFlow', { action: 'bedrock:GetFlow', resource: NO_RESOURCE, handler: createFlowHandler });
  // @ts-expect-error a handler that needs more than GetFlowInput holds
  defineRoute('GetFlow', { action: 'bedrock:GetFlow', resource: NO_RESOURCE, handler: needsMore });
  // @ts-expect-error GetFlowInput has no executionRoleArn
  defineRoute('GetFlow', { action: 'bedrock:GetFlow', resource: NO_RESOURCE, passRole: (i) => i.executionRoleArn, handler: GetFlow });
  // @ts-expect-error not an operation of the generated table
  defineRoute('GetWidget', { action: 'bedrock:GetWidget', resource: NO_RESOURCE, handler: GetFlow });
  t.pass('checked by the compiler');
});
