/**
 * The world answering "does this exist?" for the resources flow nodes reference (flows/validate/references.ts).
 * Bedrock resources are looked up in the world their ARN names; the fakes around Bedrock in the universe.
 */
import type { ReferenceResolver } from '../../flows/index.js';
import { parseArn } from '../../world/arns.js';
import { worldOf, type Universe } from '../../world/universe.js';
import type { World } from '../../world/world.js';

export function referenceResolver(universe: Universe, world: World): ReferenceResolver {
  const bedrockResource = (arn: string) => {
    const parsed = parseArn(arn);
    return parsed && parsed.service === 'bedrock'
      ? { world: worldOf(universe, parsed.account, parsed.region), resource: parsed.resource }
      : undefined;
  };
  const prompt = (arn: string) => {
    const found = bedrockResource(arn);
    const id = found?.resource.startsWith('prompt/') ? found.resource.slice(7).split(':')[0] : undefined;
    return id ? found?.world.prompts.get(id) : undefined;
  };
  return {
    promptExists: (arn) => prompt(arn) !== undefined,
    promptVersionExists: (arn, version) => prompt(arn)?.versions[version] !== undefined,
    knowledgeBaseExists: (id) => world.knowledgeBases.has(id),
    agentAliasExists: (arn) => {
      const found = bedrockResource(arn);
      const [type, agentId, aliasId] = found?.resource.split('/') ?? [];
      return type === 'agent-alias' && found?.world.agents.get(agentId ?? '')?.aliases[aliasId ?? ''] !== undefined;
    },
    lambdaFunctionExists: (arn) => universe.lambdaFunctions.has(arn),
    lambdaQualifierExists: (arn, qualifier) => universe.lambdaFunctions.get(arn)?.qualifiers?.includes(qualifier) === true,
    lexBotAliasLocales: (arn) => universe.lexBots.get(arn)?.locales,
    bucketExists: (name) => universe.buckets.has(name),
    extraModelIds: universe.models.map((m) => m.modelId).filter((id) => id !== '*'),
  };
}
