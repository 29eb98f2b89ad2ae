import { defineRoute } from '../src/server/route.js';
import { InvokeFlow } from '../src/operations/runtime/InvokeFlow.js';
import { flowAliasResource } from './resources.js';

export default [
  defineRoute('InvokeFlow', { action: 'bedrock:InvokeFlow', resource: flowAliasResource, handler: InvokeFlow, streamed: true }),
];
