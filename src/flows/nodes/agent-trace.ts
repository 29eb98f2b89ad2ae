/**
 * An Agent node's inner agent trace (nodeDependencyTrace.traceElements.agentTraces): the fixture agent's turn told in
 * InvokeAgent's own trace parts (bedrock-agent-runtime model: TracePart, OrchestrationTrace), one part per
 * orchestration step, since OrchestrationTrace is a union: the model input, the rationale (which fixture rule matched),
 * and the observation (the answer as `FINISH`, or the question as `ASK_USER`, its text in `finalResponse`).
 * https://docs.aws.amazon.com/bedrock/latest/userguide/trace-events.html
 */
import type { AgentReply } from '../../fakes/agent.js';
import type { AgentTracePart } from '../executor/events.js';

export interface AgentTurn {
  readonly agentAliasArn: string;
  readonly agentId: string;
  readonly agentAliasId: string;
  readonly agentVersion: string;
  readonly foundationModel: string | undefined;
  readonly sessionId: string;
  /** TraceId is 2 to 16 characters in the model; all parts of one turn share it. */
  readonly traceId: string;
  readonly inputText: string;
  readonly reply: AgentReply;
}

function rationale(reply: AgentReply): string {
  if (!reply.rule) return 'No response rule of this agent matches the input: it gives its no-rule reply.';
  const verb = reply.kind === 'answer' ? 'answers' : 'asks the user';
  return `Response rule ${reply.rule.index + 1} (match ${JSON.stringify(reply.rule.match)}) matches the input: the agent ${verb}.`;
}

/** The parts without `eventTime`: the scheduler stamps them with the dependency trace's own time when it is delivered. */
export function agentTraceParts(turn: AgentTurn): AgentTracePart[] {
  const { traceId, reply } = turn;
  const part = (orchestrationTrace: object): AgentTracePart => ({
    agentId: turn.agentId,
    agentAliasId: turn.agentAliasId,
    agentVersion: turn.agentVersion,
    sessionId: turn.sessionId,
    callerChain: [{ agentAliasArn: turn.agentAliasArn }],
    trace: { orchestrationTrace },
  });
  return [
    part({
      modelInvocationInput: {
        traceId,
        type: 'ORCHESTRATION',
        text: turn.inputText,
        ...(turn.foundationModel ? { foundationModel: turn.foundationModel } : {}),
      },
    }),
    part({ rationale: { traceId, text: rationale(reply) } }),
    part({ observation: { traceId, type: reply.kind === 'answer' ? 'FINISH' : 'ASK_USER', finalResponse: { text: reply.text } } }),
  ];
}
