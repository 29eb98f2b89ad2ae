/** The generated tables against the API reference (method, URI, success code of each operation), and their own consistency. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { OPERATIONS, type OperationName } from '../../src/generated/operations.js';
import { SHAPES, type ShapeSpec } from '../../src/generated/shapes.js';
import type { CreateFlowInput, FlowNodeType, InvokeFlowOutput, OperationInputs } from '../../src/generated/types.js';

const repo = join(import.meta.dirname, '../..');
const generated = join(repo, 'src/generated');

/**
 * Operation, service, method, URI, success code, as the API reference prints them:
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_Operations_Agents_for_Amazon_Bedrock.html and
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_Operations_Agents_for_Amazon_Bedrock_Runtime.html
 */
const CONTRACT = `
CreateFlow agent POST /flows/ 201
GetFlow agent GET /flows/{flowIdentifier}/ 200
UpdateFlow agent PUT /flows/{flowIdentifier}/ 200
DeleteFlow agent DELETE /flows/{flowIdentifier}/ 200
ListFlows agent GET /flows/ 200
PrepareFlow agent POST /flows/{flowIdentifier}/ 202
ValidateFlowDefinition agent POST /flows/validate-definition 200
CreateFlowVersion agent POST /flows/{flowIdentifier}/versions 201
GetFlowVersion agent GET /flows/{flowIdentifier}/versions/{flowVersion}/ 200
ListFlowVersions agent GET /flows/{flowIdentifier}/versions 200
DeleteFlowVersion agent DELETE /flows/{flowIdentifier}/versions/{flowVersion}/ 200
CreateFlowAlias agent POST /flows/{flowIdentifier}/aliases 201
GetFlowAlias agent GET /flows/{flowIdentifier}/aliases/{aliasIdentifier} 200
UpdateFlowAlias agent PUT /flows/{flowIdentifier}/aliases/{aliasIdentifier} 200
ListFlowAliases agent GET /flows/{flowIdentifier}/aliases 200
DeleteFlowAlias agent DELETE /flows/{flowIdentifier}/aliases/{aliasIdentifier} 200
TagResource agent POST /tags/{resourceArn} 200
UntagResource agent DELETE /tags/{resourceArn} 200
ListTagsForResource agent GET /tags/{resourceArn} 200
CreatePrompt agent POST /prompts/ 201
GetPrompt agent GET /prompts/{promptIdentifier}/ 200
UpdatePrompt agent PUT /prompts/{promptIdentifier}/ 200
ListPrompts agent GET /prompts/ 200
DeletePrompt agent DELETE /prompts/{promptIdentifier}/ 200
CreatePromptVersion agent POST /prompts/{promptIdentifier}/versions 201
CreateKnowledgeBase agent PUT /knowledgebases/ 202
GetKnowledgeBase agent GET /knowledgebases/{knowledgeBaseId} 200
UpdateKnowledgeBase agent PUT /knowledgebases/{knowledgeBaseId} 202
ListKnowledgeBases agent POST /knowledgebases/ 200
DeleteKnowledgeBase agent DELETE /knowledgebases/{knowledgeBaseId} 202
CreateAgent agent PUT /agents/ 202
GetAgent agent GET /agents/{agentId}/ 200
UpdateAgent agent PUT /agents/{agentId}/ 202
ListAgents agent POST /agents/ 200
DeleteAgent agent DELETE /agents/{agentId}/ 202
PrepareAgent agent POST /agents/{agentId}/ 202
GetAgentVersion agent GET /agents/{agentId}/agentversions/{agentVersion}/ 200
ListAgentVersions agent POST /agents/{agentId}/agentversions/ 200
CreateAgentAlias agent PUT /agents/{agentId}/agentaliases/ 202
GetAgentAlias agent GET /agents/{agentId}/agentaliases/{agentAliasId}/ 200
UpdateAgentAlias agent PUT /agents/{agentId}/agentaliases/{agentAliasId}/ 202
ListAgentAliases agent POST /agents/{agentId}/agentaliases/ 200
DeleteAgentAlias agent DELETE /agents/{agentId}/agentaliases/{agentAliasId}/ 202
InvokeFlow runtime POST /flows/{flowIdentifier}/aliases/{flowAliasIdentifier} 200
StartFlowExecution runtime POST /flows/{flowIdentifier}/aliases/{flowAliasIdentifier}/executions 200
StopFlowExecution runtime POST /flows/{flowIdentifier}/aliases/{flowAliasIdentifier}/executions/{executionIdentifier}/stop 200
GetFlowExecution runtime GET /flows/{flowIdentifier}/aliases/{flowAliasIdentifier}/executions/{executionIdentifier} 200
ListFlowExecutions runtime GET /flows/{flowIdentifier}/executions 200
ListFlowExecutionEvents runtime GET /flows/{flowIdentifier}/aliases/{flowAliasIdentifier}/executions/{executionIdentifier}/events 200
GetExecutionFlowSnapshot runtime GET /flows/{flowIdentifier}/aliases/{flowAliasIdentifier}/executions/{executionIdentifier}/flowsnapshot 200
`
  .trim()
  .split('\n')
  .map((line) => line.split(' ') as [OperationName, string, string, string, string]);

t.test('every in-scope operation, with the method, URI and success code of the contract', async (t) => {
  t.equal(CONTRACT.length, 50, '43 bedrock-agent and 7 runtime operations');
  t.same(Object.keys(OPERATIONS).sort(), CONTRACT.map(([name]) => name).sort());
  for (const [name, service, method, uri, code] of CONTRACT) {
    const op = OPERATIONS[name];
    t.same(
      [op.name, op.service, op.method, op.uri, op.successCode],
      [name, service === 'agent' ? 'bedrock-agent' : 'bedrock-agent-runtime', method, uri, Number(code)],
      name,
    );
  }
});

t.test('input bindings: every URI label is a path member, and the locations match the models', async (t) => {
  for (const op of Object.values(OPERATIONS)) {
    const labels = [...op.uri.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    t.same(op.input.path.map((m) => m.wire).sort(), labels, `${op.name} path labels`);
    t.same(op.input.header, [], `${op.name} has no header-bound input`);
  }
  t.same(OPERATIONS.GetFlow.input, {
    path: [{ wire: 'flowIdentifier', member: 'flowIdentifier', shape: 'FlowIdentifier', type: 'string', list: false, required: true }],
    query: [{ wire: 'includedData', member: 'includedData', shape: 'IncludedData', type: 'string', list: false, required: false }],
    header: [],
    body: [],
  });
  t.same(OPERATIONS.UntagResource.input.query, [
    { wire: 'tagKeys', member: 'tagKeys', shape: 'TagKeyList', type: 'string', list: true, required: true },
  ]);
  t.same(
    OPERATIONS.ListKnowledgeBases.input.body.map((m) => m.member),
    ['maxResults', 'nextToken'],
    'KB and agent lists page through the body',
  );
  t.same(OPERATIONS.InvokeFlow.output, {
    header: [
      {
        wire: 'x-amz-bedrock-flow-execution-id',
        member: 'executionId',
        shape: 'FlowExecutionId',
        type: 'string',
        list: false,
        required: false,
      },
    ],
    payload: 'responseStream',
    eventStream: true,
  });
  t.ok(OPERATIONS.CreateFlow.errors.includes('ServiceQuotaExceededException'));
  t.notOk(OPERATIONS.GetFlow.errors.includes('ConflictException'));
});

t.test('the shape table is closed, its patterns compile, and the overrides are in', async (t) => {
  for (const [service, table] of Object.entries(SHAPES)) {
    const has = (name: string) => Object.hasOwn(table, name);
    for (const [name, spec] of Object.entries(table) as [string, ShapeSpec][]) {
      const refs =
        spec.type === 'structure' || spec.type === 'union'
          ? spec.members.map((m) => m.shape)
          : spec.type === 'list'
            ? [spec.member]
            : spec.type === 'map'
              ? [spec.key, spec.value]
              : [];
      for (const ref of refs) if (!has(ref)) t.fail(`${service} ${name} → ${ref} is missing`);
      if (spec.type === 'string' && spec.regex !== undefined) {
        t.doesNotThrow(() => new RegExp(spec.regex!, 'u'), `${service} ${name}`);
        t.ok(spec.regex.startsWith('^(?:') && spec.regex.endsWith(')$'), `${service} ${name} matches whole values`);
      }
    }
    for (const op of Object.values(OPERATIONS).filter((o) => o.service === service)) {
      t.ok(op.inputShape !== null && has(op.inputShape), `${op.name} input shape`);
    }
  }
  const agent = SHAPES['bedrock-agent'];
  t.match(agent.FlowConnections, { type: 'list', max: 100 });
  t.match(agent.FlowNodes, { type: 'list', max: 40 });
  const taggable = agent.TaggableResourcesArn as { pattern: string };
  t.notMatch(taggable.pattern, '/d{12}');
  t.match(agent.FlowIdentifier, { pattern: '(arn:aws:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:flow/[0-9a-zA-Z]{10})|([0-9a-zA-Z]{10})' });
  t.match(SHAPES['bedrock-agent-runtime'].FlowIdentifier, { pattern: /^\^.*\$$/ }, 'runtime patterns keep their anchors');
  t.match(agent.FlowDefinition, { sensitive: true });
});

t.test('generated files: provenance header, no model documentation, compact', async (t) => {
  let total = 0;
  for (const file of ['operations.ts', 'shapes.ts', 'types.ts']) {
    const text = readFileSync(join(generated, file), 'utf8');
    total += statSync(join(generated, file)).size;
    t.ok(text.startsWith('// GENERATED by scripts/generate-operations.mjs'), `${file} says how it was made`);
    t.notMatch(text, /<p>|documentation/, `${file} carries no documentation strings`);
  }
  t.ok(total < 400 * 1024, `${(total / 1024).toFixed(0)} KB in total`);
});

const models = join(repo, '../shared/reference/models');
t.test(
  'the committed output is what the generator makes from the models',
  { skip: !existsSync(models) && 'the service models (../shared) are not here' },
  async (t) => {
    const out = mkdtempSync(join(tmpdir(), 'generated-'));
    try {
      execFileSync(process.execPath, [join(repo, 'scripts/generate-operations.mjs'), models, out], { stdio: 'pipe' });
      for (const file of ['operations.ts', 'shapes.ts', 'types.ts']) {
        t.equal(readFileSync(join(out, file), 'utf8'), readFileSync(join(generated, file), 'utf8'), `${file} is up to date`);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  },
);

t.test('the generated types describe the wire members', async (t) => {
  const input: CreateFlowInput = {
    name: 'playlist',
    executionRoleArn: 'arn:aws:iam::123456789012:role/r',
    definition: { nodes: [{ name: 'FlowInput', type: 'Input' satisfies FlowNodeType, configuration: { input: {} } }] },
    tags: { team: 'ml' },
  };
  const byName: OperationInputs['CreateFlow'] = input;
  const output: Pick<InvokeFlowOutput, 'executionId'> = { executionId: 'b6450554-f8cc-4934-bf46-f66ed89b60a0' };
  t.ok(byName && output);
});
