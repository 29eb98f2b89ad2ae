/** Every Bedrock operation the emulator serves, one file per resource. */
import type { AnyRoute } from '../src/server/route.js';
import agents from './agents.js';
import flowAliases from './flow-aliases.js';
import flowVersions from './flow-versions.js';
import flowExecutions from './flow-executions.js';
import flows from './flows.js';
import invokeFlow from './invoke-flow.js';
import knowledgeBases from './knowledge-bases.js';
import prompts from './prompts.js';
import tags from './tags.js';

export const allRoutes: readonly AnyRoute[] = [
  ...flows,
  ...flowVersions,
  ...flowAliases,
  ...tags,
  ...prompts,
  ...knowledgeBases,
  ...agents,
  ...invokeFlow,
  ...flowExecutions,
];
