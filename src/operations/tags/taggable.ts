/** Which ARNs name a taggable resource that exists in this world (flow versions are not taggable: CFN schema). */
import { notFound } from '../../protocol/errors.js';
import { parseArn } from '../../world/arns.js';
import type { World } from '../../world/world.js';

function exists(world: World, resource: string): boolean {
  const [type, ...rest] = resource.split('/');
  switch (type) {
    case 'flow': {
      const flow = world.flows.get(rest[0] ?? '');
      if (!flow) return false;
      if (rest.length === 1) return true;
      return rest.length === 3 && rest[1] === 'alias' && flow.aliases[rest[2] ?? ''] !== undefined;
    }
    case 'prompt': {
      if (rest.length !== 1) return false;
      const [id, version] = (rest[0] ?? '').split(':');
      const prompt = world.prompts.get(id ?? '');
      return prompt !== undefined && (version === undefined || prompt.versions[version] !== undefined);
    }
    case 'knowledge-base':
      return rest.length === 1 && world.knowledgeBases.has(rest[0] ?? '');
    case 'agent':
      return rest.length === 1 && world.agents.has(rest[0] ?? '');
    case 'agent-alias': {
      // agent-alias/AGENTID/ALIASID; the test alias is a real, taggable alias.
      const [agentId = '', aliasId = ''] = rest;
      return rest.length === 2 && world.agents.get(agentId)?.aliases[aliasId] !== undefined;
    }
    default:
      return false;
  }
}

export function requireTaggable(world: World, arn: string): void {
  const parsed = parseArn(arn);
  if (
    parsed?.service !== 'bedrock' ||
    parsed.account !== world.account ||
    parsed.region !== world.region ||
    !exists(world, parsed.resource)
  ) {
    throw notFound();
  }
}
