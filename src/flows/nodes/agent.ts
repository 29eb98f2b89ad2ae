/**
 * Agent: InvokeAgent on the fixture agent (bedrock:InvokeAgent on the alias ARN); its reply is `agentResponse`.
 * A rule that asks the user pauses the run for multi-turn input; the answer comes back as `agentInputText`.
 * Traced runs show the agent's own trace (agent-trace.ts) before the InvokeAgent action.
 */
import { notFound } from '../../protocol/errors.js';
import { parseArn } from '../../world/arns.js';
import { scopedKey, worldOf } from '../../world/universe.js';
import { agentReply } from '../../fakes/agent.js';
import type { AgentFlowNodeConfiguration } from '../definition.js';
import { configurationOf, outputs, type NodeRunner } from '../executor/runner.js';
import { agentTraceParts } from './agent-trace.js';
import { agentCalls } from './role-requirements.js';

export const agent: NodeRunner<AgentFlowNodeConfiguration> = {
  compile: (node) => configurationOf(node, 'agent'),
  run(ctx, inputs) {
    const { agentAliasArn } = ctx.node.compiled;
    for (const call of agentCalls(ctx.node.compiled)) ctx.authorize(call.action, call.resource);
    const { universe } = ctx.env;
    const arn = parseArn(agentAliasArn);
    const [, agentId = '', aliasId = ''] = arn?.resource.split('/') ?? [];
    const record = arn ? worldOf(universe, arn.account, arn.region).agents.get(agentId) : undefined;
    const alias = record?.aliases[aliasId];
    if (!arn || !record || !alias) throw notFound();
    // An agent made through the API has no fixture rules: it answers with the no-rule reply.
    const rules = universe.agentResponses.get(scopedKey(arn.account, arn.region, agentId)) ?? [];
    const inputText = inputs.agentInputText as string;
    const reply = agentReply(rules, inputText, inputs, ctx.asked);
    ctx.dependency(() => {
      const { ids } = ctx.env;
      const agentVersion = alias.routingConfiguration[0]?.agentVersion ?? 'DRAFT';
      const foundationModel = (record.versions[agentVersion]?.draft ?? record.draft).foundationModel;
      const common = { agentAliasArn, agentId, agentAliasId: aliasId, agentVersion, foundationModel, inputText, reply };
      return agentTraceParts({ ...common, sessionId: ids.uuid(), traceId: `${ids.id10()}-0` });
    });
    ctx.action({
      serviceName: 'bedrock',
      operationName: 'InvokeAgent',
      operationRequest: {
        agentAliasArn,
        inputText,
        sessionState: { sessionAttributes: inputs.sessionAttributes, promptSessionAttributes: inputs.promptAttributes },
      },
      operationResponse: reply.kind === 'answer' ? { completion: reply.text } : { askUser: reply.text },
    });
    return reply.kind === 'answer' ? outputs({ agentResponse: reply.text }) : { kind: 'question', text: reply.text };
  },
};
