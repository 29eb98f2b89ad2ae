/** validateInput: AWS's wording for every constraint kind, paths, coercion, serialization failures. */
import t from 'tap';
import { AwsError } from '../../src/protocol/errors.js';
import { validateInput, type RawRequest } from '../../src/protocol/validate-input.js';

function attempt(operation: string, request: Partial<RawRequest>): { value?: unknown; error?: AwsError } {
  try {
    return { value: validateInput(operation, { pathParams: {}, query: {}, body: undefined, ...request }) };
  } catch (error) {
    if (error instanceof AwsError) return { error };
    throw error;
  }
}

/** The message thrown, after checking it is a 400 of the given type. */
function failure(type: string, operation: string, request: Partial<RawRequest>): string {
  const { error } = attempt(operation, request);
  if (!error) throw new Error(`${operation} unexpectedly passed validation`);
  if (error.type !== type || error.statusCode !== 400) {
    throw new Error(`expected 400 ${type}, got ${error.statusCode} ${error.type}: ${error.message}`);
  }
  return error.message;
}
const invalid = (operation: string, request: Partial<RawRequest>) => failure('ValidationException', operation, request);
const malformed = (operation: string, request: Partial<RawRequest>) => failure('SerializationException', operation, request);

const ROLE = 'arn:aws:iam::123456789012:role/service-role/FlowRole';
const FLOW_ARN = 'arn:aws:bedrock:us-east-1:123456789012:flow/ABCDE12345';
const FLOW_ID_PATTERN = '(arn:aws:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:flow/[0-9a-zA-Z]{10})|([0-9a-zA-Z]{10})';
const flowPath = { flowIdentifier: 'ABCDE12345' };

/** A valid definition: Input → (nodeCount - 2) Prompt nodes → Output, one data connection per prompt. */
function definition(nodeCount: number) {
  const nodes: Record<string, unknown>[] = [{ type: 'Input', name: 'FlowInput', outputs: [{ name: 'document', type: 'Object' }] }];
  const connections: Record<string, unknown>[] = [];
  for (let i = 1; i < nodeCount - 1; i++) {
    const inline = {
      modelId: 'amazon.nova-lite-v1:0',
      templateType: 'TEXT',
      inferenceConfiguration: { text: { temperature: 0.8 } },
      templateConfiguration: { text: { text: 'Make me a {{genre}} playlist.' } },
    };
    nodes.push({
      type: 'Prompt',
      name: `Prompt${i}`,
      configuration: { prompt: { sourceConfiguration: { inline } } },
      inputs: [{ name: 'genre', type: 'String', expression: '$.data.genre' }],
      outputs: [{ name: 'modelCompletion', type: 'String' }],
    });
    connections.push({
      name: `FlowInput_Prompt${i}`,
      source: 'FlowInput',
      target: `Prompt${i}`,
      type: 'Data',
      configuration: { data: { sourceOutput: 'document', targetInput: 'genre' } },
    });
  }
  nodes.push({ type: 'Output', name: 'FlowOutput', inputs: [{ name: 'document', type: 'String', expression: '$.data' }] });
  return { nodes, connections };
}

const createFlow = (extra: Record<string, unknown>) => ({ body: { name: 'playlist', executionRoleArn: ROLE, ...extra } });

t.test('each constraint kind, worded as AWS does', async (t) => {
  t.equal(
    invalid('GetFlow', { pathParams: { flowIdentifier: 'not-a-flow' } }),
    `1 validation error detected: Value 'not-a-flow' at 'flowIdentifier' failed to satisfy constraint: ` +
      `Member must satisfy regular expression pattern: ${FLOW_ID_PATTERN}`,
  );
  t.equal(
    invalid('GetFlow', { pathParams: flowPath, query: { includedData: 'SOME' } }),
    `1 validation error detected: Value 'SOME' at 'includedData' failed to satisfy constraint: ` +
      'Member must satisfy enum value set: [ALL_DATA, METADATA_ONLY]',
  );
  t.equal(
    invalid('CreateFlow', { body: { name: 'playlist' } }),
    `1 validation error detected: Value null at 'executionRoleArn' failed to satisfy constraint: Member must not be null`,
  );
  const long = 'd'.repeat(201);
  t.equal(
    invalid('CreateFlow', createFlow({ description: long })),
    `1 validation error detected: Value '${long}' at 'description' failed to satisfy constraint: ` +
      'Member must have length less than or equal to 200',
    'long values are quoted whole',
  );
  t.equal(
    invalid('CreateFlow', createFlow({ clientToken: 'abc' })),
    `1 validation error detected: Value 'abc' at 'clientToken' failed to satisfy constraint: ` +
      'Member must have length greater than or equal to 33',
  );
  t.equal(
    invalid('ListFlows', { query: { maxResults: '1001' } }),
    `1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: ` +
      'Member must have value less than or equal to 1000',
  );
  t.equal(
    invalid('ListFlows', { query: { maxResults: '0' } }),
    `1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: ` +
      'Member must have value greater than or equal to 1',
  );
  t.equal(
    invalid('CreateFlowAlias', {
      pathParams: flowPath,
      body: {
        name: 'live',
        routingConfiguration: [{ flowVersion: '1' }],
        concurrencyConfiguration: { type: 'Manual', maxConcurrency: 101 },
      },
    }),
    `1 validation error detected: Value '101' at 'concurrencyConfiguration.maxConcurrency' failed to satisfy constraint: ` +
      'Member must have value less than or equal to 100',
  );
});

t.test('a value breaking several constraints reports each; several members report in member order', async (t) => {
  t.equal(
    invalid('CreateFlow', createFlow({ clientToken: 'token!' })),
    `2 validation errors detected: Value 'token!' at 'clientToken' failed to satisfy constraint: ` +
      `Member must have length greater than or equal to 33; Value 'token!' at 'clientToken' failed to satisfy ` +
      'constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9](-*[a-zA-Z0-9]){0,256}',
  );
  t.equal(
    invalid('GetFlowVersion', { pathParams: { flowIdentifier: 'bad', flowVersion: 'DRAFT' }, query: { includedData: 'x' } }),
    '3 validation errors detected: ' +
      `Value 'bad' at 'flowIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern: ${FLOW_ID_PATTERN}; ` +
      `Value 'DRAFT' at 'flowVersion' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]{1,5}; ` +
      `Value 'x' at 'includedData' failed to satisfy constraint: Member must satisfy enum value set: [ALL_DATA, METADATA_ONLY]`,
    'path and query members interleave in model order',
  );
  t.equal(
    invalid('CreateFlow', { body: { description: '' } }),
    '3 validation errors detected: ' +
      `Value null at 'name' failed to satisfy constraint: Member must not be null; ` +
      `Value '' at 'description' failed to satisfy constraint: Member must have length greater than or equal to 1; ` +
      `Value null at 'executionRoleArn' failed to satisfy constraint: Member must not be null`,
  );
});

t.test('string lengths count code points', async (t) => {
  const emoji = '\u{1F600}';
  t.ok(attempt('CreateFlow', createFlow({ description: emoji.repeat(200) })).value, '200 emoji are 400 UTF-16 units but 200 characters');
  t.match(invalid('CreateFlow', createFlow({ description: emoji.repeat(201) })), /less than or equal to 200$/);
});

t.test('list and map element paths', async (t) => {
  const alias = (routingConfiguration: unknown) =>
    invalid('CreateFlowAlias', { pathParams: flowPath, body: { name: 'live', routingConfiguration } });
  t.equal(
    alias([{ flowVersion: 'v1' }]),
    `1 validation error detected: Value 'v1' at 'routingConfiguration.1.member.flowVersion' failed to satisfy constraint: ` +
      'Member must satisfy regular expression pattern: (DRAFT|[0-9]{0,4}[1-9][0-9]{0,4})',
  );
  t.equal(
    alias([{ flowVersion: '1' }, { flowVersion: '2' }]),
    `1 validation error detected: Value '[{flowVersion=1}, {flowVersion=2}]' at 'routingConfiguration' failed to satisfy ` +
      'constraint: Member must have length less than or equal to 1',
  );
  t.equal(
    alias([]),
    `1 validation error detected: Value '[]' at 'routingConfiguration' failed to satisfy constraint: ` +
      'Member must have length greater than or equal to 1',
  );
  t.equal(
    invalid('UntagResource', { pathParams: { resourceArn: FLOW_ARN }, query: { tagKeys: ['team', 'k'.repeat(129)] } }),
    `1 validation error detected: Value '${'k'.repeat(129)}' at 'tagKeys.2.member' failed to satisfy constraint: ` +
      'Member must have length less than or equal to 128',
  );
  const keyRules =
    'Member must have length less than or equal to 128, Member must have length greater than or equal to 1, ' +
    'Member must satisfy regular expression pattern: [a-zA-Z0-9\\s._:/=+@-]*';
  const valueRules =
    'Member must have length less than or equal to 256, Member must have length greater than or equal to 0, ' +
    'Member must satisfy regular expression pattern: [a-zA-Z0-9\\s._:/=+@-]*';
  t.equal(
    invalid('TagResource', { pathParams: { resourceArn: FLOW_ARN }, body: { tags: { 'bad!': 'x', ok: 'y' } } }),
    `1 validation error detected: Value '{bad!=x, ok=y}' at 'tags' failed to satisfy constraint: Map keys must satisfy constraint: [${keyRules}]`,
  );
  t.equal(
    invalid('TagResource', { pathParams: { resourceArn: FLOW_ARN }, body: { tags: { 'bad!': 'x', other: 'no#', more: 'no$' } } }),
    `2 validation errors detected: ` +
      `Value '{bad!=x, other=no#, more=no$}' at 'tags' failed to satisfy constraint: Map keys must satisfy constraint: [${keyRules}]; ` +
      `Value '{bad!=x, other=no#, more=no$}' at 'tags' failed to satisfy constraint: Map value must satisfy constraint: [${valueRules}]`,
    'keys once, values once, keys first',
  );
  t.equal(
    invalid('TagResource', { pathParams: { resourceArn: FLOW_ARN }, body: { tags: { 'tab\tok': 'x', nbsp: 'a\u00a0b' } } }),
    `1 validation error detected: Value '{tab\tok=x, nbsp=a\u00a0b}' at 'tags' failed to satisfy constraint: Map value must satisfy constraint: [${valueRules}]`,
    "\\s is Java's ASCII whitespace: a tab passes, a no-break space does not",
  );
});

t.test('nested paths inside a flow definition; sensitive values are not echoed', async (t) => {
  const def = definition(4);
  (def.nodes[2] as { name: string }).name = '2nd';
  (def.connections[0] as { configuration: unknown }).configuration = { data: { sourceOutput: 'document' } };
  t.equal(
    invalid('CreateFlow', createFlow({ definition: def })),
    '2 validation errors detected: ' +
      `Value at 'definition.nodes.3.member.name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z]([_]?[0-9a-zA-Z]){1,50}; ` +
      `Value null at 'definition.connections.1.member.configuration.data.targetInput' failed to satisfy constraint: Member must not be null`,
  );
  const hot = definition(3);
  const inline = (hot.nodes[1] as any).configuration.prompt.sourceConfiguration.inline;
  inline.inferenceConfiguration.text.topP = 2;
  t.equal(
    invalid('CreateFlow', createFlow({ definition: hot })),
    `1 validation error detected: Value at 'definition.nodes.2.member.configuration.prompt.sourceConfiguration.inline.inferenceConfiguration.text.topP' ` +
      'failed to satisfy constraint: Member must have value less than or equal to 1.0',
    'float bounds print as Java decimals',
  );
});

t.test('flow definitions: 40 nodes and 100 connections, not more', async (t) => {
  t.ok(attempt('CreateFlow', createFlow({ definition: definition(40) })).value, '40 nodes');
  t.equal(
    invalid('CreateFlow', createFlow({ definition: definition(41) })),
    `1 validation error detected: Value at 'definition.nodes' failed to satisfy constraint: Member must have length less than or equal to 40`,
  );
  const wide = definition(3);
  const connection = wide.connections[0]!;
  wide.connections = Array.from({ length: 100 }, (_, i) => ({ ...connection, name: `c${i}` }));
  t.ok(attempt('ValidateFlowDefinition', { body: { definition: wide } }).value, '100 connections, above the model max of 20');
  wide.connections.push({ ...connection, name: 'c100' });
  t.equal(
    invalid('ValidateFlowDefinition', { body: { definition: wide } }),
    `1 validation error detected: Value at 'definition.connections' failed to satisfy constraint: Member must have length less than or equal to 100`,
  );
});

t.test('path parameters: ids, ARNs, and the runtime patterns with their anchors', async (t) => {
  t.same(attempt('GetFlow', { pathParams: flowPath }).value, { flowIdentifier: 'ABCDE12345' });
  t.same(attempt('GetFlow', { pathParams: { flowIdentifier: FLOW_ARN } }).value, { flowIdentifier: FLOW_ARN });
  t.match(
    invalid('GetFlow', { pathParams: { flowIdentifier: `${FLOW_ARN}/alias/TSTALIASID` } }),
    /at 'flowIdentifier'/,
    'full match, not search',
  );
  t.equal(
    invalid('GetFlow', {}),
    `1 validation error detected: Value null at 'flowIdentifier' failed to satisfy constraint: Member must not be null`,
  );
  for (const alias of ['TSTALIASID', 'ZYXWV98765', `${FLOW_ARN}/alias/ZYXWV98765`]) {
    t.ok(attempt('GetFlowAlias', { pathParams: { flowIdentifier: FLOW_ARN, aliasIdentifier: alias } }).value, alias);
  }
  const inputs = [{ nodeName: 'FlowInput', nodeOutputName: 'document', content: { document: 'hello' } }];
  t.ok(attempt('InvokeFlow', { pathParams: { flowIdentifier: FLOW_ARN, flowAliasIdentifier: 'TSTALIASID' }, body: { inputs } }).value);
  t.equal(
    invalid('InvokeFlow', { pathParams: { flowIdentifier: 'flow', flowAliasIdentifier: 'TSTALIASID' }, body: { inputs } }),
    `1 validation error detected: Value 'flow' at 'flowIdentifier' failed to satisfy constraint: Member must satisfy ` +
      'regular expression pattern: ^(arn:aws:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:flow/[0-9a-zA-Z]{10})|([0-9a-zA-Z]{10})$',
  );
  t.equal(
    invalid('InvokeFlow', {
      pathParams: { flowIdentifier: FLOW_ARN, flowAliasIdentifier: 'TSTALIASID' },
      body: { inputs: [...inputs, ...inputs] },
    }),
    `1 validation error detected: Value at 'inputs' failed to satisfy constraint: Member must have length less than or equal to 1`,
    'a list holding sensitive content (the input document) is not echoed',
  );
});

t.test('TaggableResourcesArn: the broken model pattern is replaced by a working ARN check', async (t) => {
  for (const arn of [
    FLOW_ARN,
    `${FLOW_ARN}/alias/TSTALIASID`,
    'arn:aws:bedrock:us-east-1:123456789012:prompt/PROMPT1234',
    'arn:aws:bedrock:us-east-1:123456789012:prompt/PROMPT1234:3',
    'arn:aws:bedrock:us-east-1:123456789012:agent/AGENT12345',
    'arn:aws:bedrock:us-east-1:123456789012:agent-alias/AGENT12345/TSTALIASID',
    'arn:aws:bedrock:eu-west-1:123456789012:knowledge-base/KB12345678',
    'arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:flow/abcde12345',
  ]) {
    t.ok(attempt('ListTagsForResource', { pathParams: { resourceArn: arn } }).value, arn);
  }
  for (const arn of ['arn:aws:s3:::my-bucket-name-here', 'arn:aws:bedrock:us-east-1:/d{12}:flow/ABCDE12345']) {
    t.match(
      invalid('ListTagsForResource', { pathParams: { resourceArn: arn } }),
      /at 'resourceArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws\(-\[\^:\]\+\)\?:bedrock:/,
      arn,
    );
  }
});

t.test('query strings: numbers, booleans and repeated keys', async (t) => {
  t.same(attempt('ListFlows', { query: { maxResults: '25', nextToken: 'abc' } }).value, { maxResults: 25, nextToken: 'abc' });
  t.same(attempt('DeleteFlow', { pathParams: flowPath, query: { skipResourceInUseCheck: 'true' } }).value, {
    flowIdentifier: 'ABCDE12345',
    skipResourceInUseCheck: true,
  });
  t.same(attempt('DeleteFlow', { pathParams: flowPath, query: { skipResourceInUseCheck: 'false' } }).value, {
    flowIdentifier: 'ABCDE12345',
    skipResourceInUseCheck: false,
  });
  const untag = (tagKeys: string | string[]) =>
    attempt('UntagResource', { pathParams: { resourceArn: FLOW_ARN }, query: { tagKeys } }).value;
  t.same(untag(['a', 'b']), { resourceArn: FLOW_ARN, tagKeys: ['a', 'b'] });
  t.same(untag('a'), { resourceArn: FLOW_ARN, tagKeys: ['a'] }, 'one key is a one-item list');
  t.same(attempt('ListFlows', { query: { maxResults: ['5', '6'] } }).value, { maxResults: 5 }, 'a repeated scalar takes the first');
  t.equal(malformed('ListFlows', { query: { maxResults: 'ten' } }), 'STRING_VALUE can not be converted to an Integer');
  t.equal(malformed('ListFlows', { query: { maxResults: '1.5' } }), 'STRING_VALUE can not be converted to an Integer');
  t.equal(
    malformed('DeleteFlow', { pathParams: flowPath, query: { skipResourceInUseCheck: 'yes' } }),
    'STRING_VALUE can not be converted to a Boolean',
  );
  t.same(attempt('ListFlows', { query: { unknown: 'x' } }).value, {}, 'unknown query keys are ignored');
});

t.test('wrong JSON types are SerializationExceptions, and come before constraint checks', async (t) => {
  t.equal(malformed('CreateFlow', createFlow({ name: 5 })), 'NUMBER_VALUE can not be converted to a String');
  t.equal(malformed('CreateFlow', createFlow({ name: true })), 'TRUE_VALUE can not be converted to a String');
  t.equal(malformed('CreateFlow', createFlow({ name: ['a'] })), 'Start of list found where not expected');
  t.equal(malformed('CreateFlow', createFlow({ name: { a: 1 } })), 'Start of structure or map found where not expected.');
  t.equal(malformed('CreateFlow', createFlow({ definition: 'nodes' })), 'Expected null');
  t.equal(malformed('CreateFlow', createFlow({ definition: [] })), 'Start of list found where not expected');
  t.equal(malformed('CreateFlow', createFlow({ definition: { nodes: 'x' } })), 'Expected list or null');
  t.equal(malformed('CreateFlow', createFlow({ definition: { nodes: {} } })), 'Start of structure or map found where not expected.');
  t.equal(malformed('CreateFlow', createFlow({ tags: 'x' })), 'Expected map or null');
  t.equal(malformed('CreateFlow', createFlow({ tags: [] })), 'Start of list found where not expected');
  t.equal(malformed('CreateFlow', createFlow({ tags: { k: 1 } })), 'NUMBER_VALUE can not be converted to a String');
  t.equal(
    malformed('CreateFlowAlias', {
      pathParams: flowPath,
      body: {
        name: 'live',
        routingConfiguration: [{ flowVersion: '1' }],
        concurrencyConfiguration: { type: 'Manual', maxConcurrency: '5' },
      },
    }),
    'STRING_VALUE can not be converted to an Integer',
  );
  t.equal(
    malformed('InvokeFlow', {
      pathParams: { flowIdentifier: FLOW_ARN, flowAliasIdentifier: 'TSTALIASID' },
      body: { inputs: [], enableTrace: 'yes' },
    }),
    'STRING_VALUE can not be converted to a Boolean',
  );
  t.equal(
    malformed('CreateFlow', { body: { name: 'no spaces allowed', definition: 7 } }),
    'Expected null',
    'the bad type wins over the bad name',
  );
  t.equal(malformed('CreateFlow', { body: [] }), 'Start of list found where not expected');
  t.equal(malformed('CreateFlow', { body: 'text' }), '');
});

t.test('unions take exactly one member', async (t) => {
  const withConfiguration = (configuration: unknown) => {
    const def = definition(3);
    (def.nodes[0] as { configuration?: unknown }).configuration = configuration;
    return createFlow({ definition: def });
  };
  t.ok(attempt('CreateFlow', withConfiguration({ input: {} })).value);
  t.equal(
    malformed('CreateFlow', withConfiguration({ input: {}, output: {} })),
    "Exactly one member of a union must be set at 'definition.nodes.1.member.configuration', found 2",
  );
  t.equal(
    malformed('CreateFlow', withConfiguration({})),
    "Exactly one member of a union must be set at 'definition.nodes.1.member.configuration', found 0",
  );
  t.equal(
    malformed('CreateFlow', withConfiguration({ futureNodeKind: {} })),
    "Exactly one member of a union must be set at 'definition.nodes.1.member.configuration', found 0",
    'unknown union members do not count',
  );
  t.ok(attempt('CreateFlow', withConfiguration({ input: {}, output: null })).value, 'a null member is unset');
  const invoke = (content: unknown) =>
    attempt('InvokeFlow', {
      pathParams: { flowIdentifier: FLOW_ARN, flowAliasIdentifier: 'TSTALIASID' },
      body: { inputs: [{ nodeName: 'FlowInput', nodeOutputName: 'document', content }] },
    });
  t.same((invoke({ document: null }).value as any).inputs[0].content, { document: null }, 'a document may be JSON null');
  t.same((invoke({ document: { deep: [1, { x: null }] } }).value as any).inputs[0].content, { document: { deep: [1, { x: null }] } });
});

t.test('the result holds what AWS deserializes: known members, no nulls, integers, float32', async (t) => {
  const body = {
    name: 'live',
    description: null,
    surprise: 'ignored',
    routingConfiguration: [null, { flowVersion: '1', extra: true }],
    concurrencyConfiguration: { type: 'Manual', maxConcurrency: 7.9 },
  };
  t.same(attempt('CreateFlowAlias', { pathParams: flowPath, body }).value, {
    flowIdentifier: 'ABCDE12345',
    name: 'live',
    routingConfiguration: [{ flowVersion: '1' }],
    concurrencyConfiguration: { type: 'Manual', maxConcurrency: 7 },
  });
  const def = definition(3);
  const value = attempt('CreateFlow', createFlow({ definition: def })).value as any;
  t.equal(
    value.definition.nodes[1].configuration.prompt.sourceConfiguration.inline.inferenceConfiguration.text.temperature,
    Math.fround(0.8),
  );
  t.same(attempt('GetFlow', { pathParams: flowPath, body: 'ignored: GetFlow has no body members' }).value, flowPath);
  t.throws(() => validateInput('NoSuchOperation', { pathParams: {}, query: {}, body: undefined }), /Unknown operation/);
});
