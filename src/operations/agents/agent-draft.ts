/** The draft an agent's Create/Update input describes, with AWS's defaults for members every Agent carries. */
import type { CreateAgentInput } from '../../generated/types.js';
import type { Scope } from '../../world/arns.js';
import type { AgentDraft } from '../../world/records.js';

const DEFAULT_IDLE_SESSION_TTL_SECONDS = 600;

/**
 * The service role the Bedrock console creates for a resource, e.g. `AmazonBedrockExecutionRoleForAgents_<id>`:
 * what an agent created without a role (the model allows it, yet every Agent carries one) and a fixture without a
 * role get.
 */
export const consoleRoleArn = (scope: Scope, kind: 'Agents' | 'KnowledgeBase', id: string) =>
  `arn:${scope.partition ?? 'aws'}:iam::${scope.account}:role/service-role/AmazonBedrockExecutionRoleFor${kind}_${id}`;

/** UpdateAgent replaces the whole draft, so members it leaves out get the same defaults as at creation. */
export function agentDraft(scope: Scope, agentId: string, input: Omit<CreateAgentInput, 'clientToken' | 'tags'>): AgentDraft {
  return {
    agentName: input.agentName,
    instruction: input.instruction,
    foundationModel: input.foundationModel,
    description: input.description,
    orchestrationType: input.orchestrationType ?? 'DEFAULT',
    customOrchestration: input.customOrchestration,
    idleSessionTTLInSeconds: input.idleSessionTTLInSeconds ?? DEFAULT_IDLE_SESSION_TTL_SECONDS,
    agentResourceRoleArn: input.agentResourceRoleArn ?? consoleRoleArn(scope, 'Agents', agentId),
    customerEncryptionKeyArn: input.customerEncryptionKeyArn,
    promptOverrideConfiguration: input.promptOverrideConfiguration,
    guardrailConfiguration: input.guardrailConfiguration,
    memoryConfiguration: input.memoryConfiguration,
    agentCollaboration: input.agentCollaboration ?? 'DISABLED',
  };
}
