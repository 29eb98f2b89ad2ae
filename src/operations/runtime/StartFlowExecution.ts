/**
 * StartFlowExecution: checks what InvokeFlow checks, records the execution as Running and runs it in the
 * background. The name, when given, is the execution id (docs' ARN example ends `execution/MyExecution`).
 * InlineCode nodes are not supported in flow executions (user guide); such a flow is refused.
 */
import { compileFlow, type FlowDefinition, type FlowNode } from '../../flows/index.js';
import type { StartFlowExecutionInput } from '../../generated/types.js';
import { conflict, validationException } from '../../protocol/errors.js';
import { flowExecutionArn } from '../../world/arns.js';
import type { FlowExecutionRecord } from '../../world/records.js';
import type { OperationContext } from '../context.js';
import { flowInputEvent } from './execution-events.js';
import { makeRoomForExecution } from './execution-retention.js';
import { flowInputDocument } from './flow-input.js';
import { resolveTarget, runEnvironment, runIdentity } from './flow-target.js';

export function StartFlowExecution(ctx: OperationContext, input: StartFlowExecutionInput) {
  const target = resolveTarget(ctx, input.flowIdentifier, input.flowAliasIdentifier);
  const definition = target.snapshot.definition as FlowDefinition | undefined;
  const plan = compileFlow(definition);
  const inlineCode = findInlineCode(definition);
  if (inlineCode) throw validationException(`InlineCode node ${inlineCode} is not supported in flow executions.`);
  const document = flowInputDocument(plan, input.inputs[0]!);
  const { runs } = ctx.world.executions;
  const id = input.flowExecutionName ?? ctx.ids.uuid();
  const arn = flowExecutionArn(ctx.world, target.flow.id, target.alias.id, id);
  if (runs.has(arn)) throw conflict(`A flow execution named ${id} already exists for this flow alias.`);
  makeRoomForExecution(runs, target.flow.id, target.alias.id, ctx.settings.quotas);
  const startedAt = ctx.clock.timestamp();
  const inputEvent = flowInputEvent(plan.entry.name, startedAt, document);
  const record: FlowExecutionRecord = {
    id,
    arn,
    flowId: target.flow.id,
    aliasId: target.alias.id,
    flowVersion: target.flowVersion,
    status: 'Running',
    startedAt,
    snapshot: target.snapshot,
    events: [inputEvent],
    eventBytes: Buffer.byteLength(JSON.stringify(inputEvent)),
  };
  runs.set(arn, record);
  const recording = ctx.runs?.begin({
    kind: 'FlowExecution',
    executionId: id,
    executionArn: arn,
    ...runIdentity(ctx, target),
    input: document,
  });
  ctx.executions.start(record, plan, runEnvironment(ctx, target, input.modelPerformanceConfiguration, id), document, recording);
  return { executionArn: arn };
}

/** The first InlineCode node, loop bodies included. */
function findInlineCode(definition: FlowDefinition | undefined): string | undefined {
  for (const node of (definition?.nodes ?? []) as FlowNode[]) {
    if (node.type === 'InlineCode') return node.name;
    const found = node.type === 'Loop' ? findInlineCode(node.configuration?.loop.definition) : undefined;
    if (found) return found;
  }
  return undefined;
}
