/** One runner per node type: what each does, which call it authorizes, what it traces, how it fails. */
import t from 'tap';
import type { FlowEvent } from '../../../src/flows/executor/events.js';
import type { NodeCallRequest, RoleAuthorizer } from '../../../src/flows/executor/role-checks.js';
import { dataConnection, iteratorFlow, loopFlow, type Json } from '../fixtures.js';
import { ALIAS_ARN, FLOW_ARN, failure, run, testUniverse } from './harness.js';
import {
  AGENT_ALIAS,
  BOT_ALIAS,
  PROMPT_V1,
  agentNode,
  around,
  inlineCodeNode,
  inputNode,
  knowledgeBaseNode,
  lambdaArn,
  lambdaNode,
  lexNode,
  outputNode,
  promptNode,
  retrievalNode,
  storageNode,
} from './world.js';

/** Allows everything and remembers what it was asked. */
function recorder(): RoleAuthorizer & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    assumeRole: () => ({ ok: true }),
    authorizeNodeCall: (r: NodeCallRequest) => (calls.push(`${r.action} ${r.resource}`), { allowed: true }),
  };
}

const action = (events: FlowEvent[]) => events.find((e): e is Extract<FlowEvent, { kind: 'nodeAction' }> => e.kind === 'nodeAction');
const dependency = (events: FlowEvent[]) =>
  events.find((e): e is Extract<FlowEvent, { kind: 'nodeDependency' }> => e.kind === 'nodeDependency');
/** AWS emits action traces for Prompt, Agent and Lambda nodes only (the model's FlowTraceNodeActionEvent). */
const NO_ACTION = 'no action trace: only Prompt, Agent and Lambda nodes emit them';

t.test('Input and Output: the flow input goes out as the output document', async (t) => {
  const direct = (type: string) => ({
    nodes: [inputNode(type), outputNode('FlowOutput', type, '$.data.value')],
    connections: [dataConnection('FlowInput', 'document', 'FlowOutput', 'document')],
  });
  const ran = await run(direct('Object'), { value: { a: [1, 2] } });
  t.same(ran.outputs, [{ a: [1, 2] }]);
  t.match(ran.events, [
    {
      kind: 'nodeOutput',
      nodeName: 'FlowInput',
      fields: [
        {
          name: 'document',
          type: 'Object',
          value: { value: { a: [1, 2] } },
          next: [{ nodeName: 'FlowOutput', inputFieldName: 'document' }],
        },
      ],
    },
    {
      kind: 'nodeInput',
      nodeName: 'FlowOutput',
      fields: [{ name: 'document', source: { nodeName: 'FlowInput', outputFieldName: 'document', expression: '$.data.value' } }],
    },
    { kind: 'flowOutput', nodeName: 'FlowOutput', nodeType: 'FlowOutputNode', document: { a: [1, 2] } },
  ]);
  t.match(failure(await run(direct('Object'), { value: 'text' })), { nodeName: 'FlowOutput', message: /declared Object.*gives a String/ });
});

t.test('Prompt (inline): renders {{variables}}, answers by the model rules, authorizes InvokeModel, traces Converse', async (t) => {
  const authorizer = recorder();
  const flow = around(
    promptNode('MakePlaylist', 'Make me a {{genre}} playlist of {{number}} songs.', [
      ['genre', 'String', '$.data.genre'],
      ['number', 'Number', '$.data.number'],
    ]),
  );
  const ran = await run(flow, { genre: 'jazz', number: 2 }, { authorizer });
  t.same(ran.outputs, ['1. Song A\n2. Song B\n3. Song C'], 'the default fixtures answer playlists');
  t.same(authorizer.calls, ['bedrock:InvokeModel arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0']);
  const converse = action(ran.events)!;
  t.match(converse, { serviceName: 'bedrock', operationName: 'Converse', requestId: /^[0-9a-f-]{36}$/ });
  t.same(converse.operationRequest, {
    modelId: 'amazon.nova-lite-v1:0',
    messages: [{ role: 'user', content: [{ type: 'TEXT', text: 'Make me a jazz playlist of 2 songs.' }] }],
    system: [],
    inferenceConfig: { maxTokens: null, temperature: null, topP: null, stopSequences: [] },
    additionalModelRequestFields: null,
    additionalModelResponseFieldPaths: [],
    promptVariables: {},
    requestMetadata: {},
  });
  t.same(converse.operationResponse, {
    output: { type: 'MESSAGE', message: { role: 'assistant', content: [{ type: 'TEXT', text: '1. Song A\n2. Song B\n3. Song C' }] } },
    stopReason: 'end_turn',
    usage: { inputTokens: 9, outputTokens: 8, totalTokens: 17, cacheDetails: [] },
    metrics: { latencyMs: 0 },
    sdkHttpResponse: { statusCode: 200, statusText: 'OK', successful: true },
    responseMetadata: { metadata: { 'x-amzn-RequestId': converse.requestId } },
  });
  const output = ran.events.find((e) => e.kind === 'nodeOutput' && e.nodeName === 'MakePlaylist');
  t.equal(output?.timestamp, converse.timestamp, 'the action trace has the time of the output trace');
});

t.test('Prompt: inferenceConfig carries the prompt inference values, floats as float32', async (t) => {
  const node = promptNode('Say', 'hi', []);
  node.configuration.prompt.sourceConfiguration.inline.inferenceConfiguration = {
    text: { maxTokens: 512, temperature: 0.7, topP: 1, stopSequences: ['END'] },
  };
  const ran = await run(around(node), {});
  t.same((action(ran.events)!.operationRequest as Json).inferenceConfig, {
    maxTokens: 512,
    temperature: 0.699999988079071,
    topP: 1,
    stopSequences: ['END'],
  });
});

t.test('Prompt (CHAT inline): system and messages are rendered; the rules see them all', async (t) => {
  const node = promptNode('Chat', '', [['topic', 'String', '$.data']]);
  node.configuration.prompt.sourceConfiguration.inline.templateType = 'CHAT';
  node.configuration.prompt.sourceConfiguration.inline.templateConfiguration = {
    chat: {
      system: [{ text: 'You talk about {{topic}}.' }],
      messages: [{ role: 'user', content: [{ text: 'Tell me about {{topic}}.' }, { cachePoint: { type: 'default' } }] }],
    },
  };
  const ran = await run(around(node, 'String', 'String'), 'owls');
  t.same(ran.outputs, ['You talk about owls.\nTell me about owls.']);
});

t.test('Prompt (resource): the prompt version from prompt management, RenderPrompt then InvokeModel', async (t) => {
  const authorizer = recorder();
  const node = promptNode('Managed', '', [
    ['genre', 'String', '$.data.genre'],
    ['number', 'Number', '$.data.number'],
  ]);
  node.configuration.prompt.sourceConfiguration = { resource: { promptArn: PROMPT_V1 } };
  const ran = await run(around(node), { genre: 'rock', number: 4 }, { authorizer });
  t.same(ran.outputs, ['1. Song A\n2. Song B\n3. Song C']);
  t.same(authorizer.calls, [
    `bedrock:RenderPrompt ${PROMPT_V1}`,
    'bedrock:InvokeModel arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0',
  ]);
  t.same(
    (action(ran.events)!.operationRequest as Json).promptVariables,
    { genre: { text: 'rock' }, number: { text: '4' } },
    "a managed prompt's variables go to Converse as PromptVariableValues",
  );
  node.configuration.prompt.sourceConfiguration = { resource: { promptArn: PROMPT_V1.replace(':1', ':7') } };
  const missing = await run(around(node), { genre: 'rock', number: 4 });
  t.match(failure(missing), { nodeName: 'Managed', type: 'ResourceNotFoundException' });
});

t.test('KnowledgeBase (Retrieve): ranked documents in the Retrieve result shape', async (t) => {
  const authorizer = recorder();
  const ran = await run(around(knowledgeBaseNode('Docs', { numberOfResults: 2 }), 'Array', 'String'), 'How long do refunds take?', {
    authorizer,
  });
  const [results] = ran.outputs as Json[];
  t.equal(results.length, 1, 'only documents sharing a term with the query');
  t.match(results[0], {
    content: { text: /^Refunds are paid back/, type: 'TEXT' },
    location: { type: 'S3', s3Location: { uri: 's3://flow-data/docs/refunds.txt' } },
    metadata: { 'x-amz-bedrock-kb-source-uri': 's3://flow-data/docs/refunds.txt' },
    score: Number,
  });
  t.same(authorizer.calls, ['bedrock:Retrieve arn:aws:bedrock:us-east-1:123456789012:knowledge-base/KB00000001']);
  t.equal(action(ran.events), undefined, NO_ACTION);
});

t.test('KnowledgeBase (RetrieveAndGenerate): the model rules answer a prompt with the query and the results', async (t) => {
  const authorizer = recorder();
  const node = knowledgeBaseNode('Answer', { modelId: 'amazon.nova-lite-v1:0' }, 'String');
  const ran = await run(around(node, 'String', 'String'), 'When do orders ship?', { authorizer });
  t.match(ran.outputs, [/Search results:\n\[1\] Orders ship within 24 hours[\s\S]*Question: When do orders ship\?/]);
  t.same(authorizer.calls, [
    'bedrock:RetrieveAndGenerate arn:aws:bedrock:us-east-1:123456789012:knowledge-base/KB00000001',
    'bedrock:InvokeModel arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0',
  ]);
  node.configuration.knowledgeBase.promptTemplate = { textPromptTemplate: 'Q=$query$ R=$search_results$' };
  const templated = await run(around(node, 'String', 'String'), 'ship');
  t.match(templated.outputs, [/^Q=ship R=\[1\] Orders ship/]);
  t.equal(action(ran.events), undefined, NO_ACTION);
  const gone = knowledgeBaseNode('Gone', {});
  gone.configuration.knowledgeBase.knowledgeBaseId = 'KBMISSING1';
  t.match(failure(await run(around(gone, 'Array', 'String'), 'x')), { nodeName: 'Gone', type: 'ResourceNotFoundException' });
});

t.test('LambdaFunction: the documented event goes in, the return value is functionResponse', async (t) => {
  const authorizer = recorder();
  const ran = await run(
    around(
      lambdaNode('Echo', 'echo', [
        ['order', 'Object', '$.data.order'],
        ['note', 'String', '$.data.note'],
      ]),
      'Object',
    ),
    { order: { id: 7 }, note: 'hi' },
    { authorizer },
  );
  t.match(ran.outputs, [{ inputs: { order: { id: 7 }, note: 'hi' }, node: 'Echo', flowAliasArn: ALIAS_ARN, requestId: /^[0-9a-f-]{36}$/ }]);
  t.same(authorizer.calls, [`lambda:InvokeFunction ${lambdaArn('echo')}`]);
  t.match(action(ran.events), {
    serviceName: 'lambda',
    operationName: 'Invoke',
    operationRequest: {
      messageVersion: '1.0',
      flow: { flowArn: FLOW_ARN, flowAliasArn: ALIAS_ARN },
      node: {
        name: 'Echo',
        inputs: [
          { name: 'order', type: 'Object', expression: '$.data.order', value: { id: 7 } },
          { name: 'note', type: 'String', expression: '$.data.note', value: 'hi' },
        ],
      },
    },
  });
  t.equal(action(ran.events)?.operationName, 'Invoke', 'the Lambda API operation, not the IAM action InvokeFunction');
  const fixed = await run(around(lambdaNode('Classify', 'classify', [['x', 'Object', '$.data']]), 'Object'), {});
  t.same(fixed.outputs, [{ category: 'billing', confidence: 0.92 }], 'a static response');
});

t.test('LambdaFunction failures: a function error, a throwing handler, a timeout, a missing function', async (t) => {
  const fails = async (fn: string) => failure(await run(around(lambdaNode('Call', fn, [['x', 'Object', '$.data']]), 'Object'), {}));
  t.match(await fails('broken'), {
    nodeName: 'Call',
    type: 'DependencyFailedException',
    message: `Your request couldn't be completed. Lambda function ${lambdaArn('broken')} encountered a problem while processing request.The error message from the Lambda function is Access to the ledger failed. Check the Lambda function log for error details, then try your request again after fixing the error.`,
    extra: { resourceName: lambdaArn('broken') },
  });
  t.match(await fails('explode'), { type: 'DependencyFailedException', message: /is the ledger is locked\./ });
  // The flow-executions user guide's wording for a Lambda timeout (docs/behaviour.md#failures-during-a-run).
  t.match(await fails('slow'), {
    nodeName: 'Call',
    type: 'DependencyFailedException',
    message: 'Call to lambda function timed out',
    extra: { resourceName: lambdaArn('slow') },
  });
  t.match(await fails('nothere'), { type: 'ResourceNotFoundException', message: `Function not found: ${lambdaArn('nothere')}` });
});

t.test('Lex: the best-matching intent, else FallbackIntent; RecognizeUtterance on the bot alias', async (t) => {
  const authorizer = recorder();
  const ran = await run(around(lexNode('Intent'), 'String', 'String'), 'I want a pizza please', { authorizer });
  t.same(ran.outputs, ['OrderPizza']);
  t.same(authorizer.calls, [`lex:RecognizeUtterance ${BOT_ALIAS}`]);
  t.equal(action(ran.events), undefined, NO_ACTION);
  t.same((await run(around(lexNode('Intent'), 'String', 'String'), 'what is the weather')).outputs, ['FallbackIntent']);
  const otherLocale = lexNode('Intent');
  otherLocale.configuration.lex.localeId = 'fr_FR';
  t.match(failure(await run(around(otherLocale, 'String', 'String'), 'pizza')), { type: 'ResourceNotFoundException' });
});

t.test('Agent: the first matching response rule; InvokeAgent on the alias; a question pauses the run', async (t) => {
  const authorizer = recorder();
  const ran = await run(around(agentNode('Helper'), 'String', 'String'), '42', { authorizer });
  t.same(ran.outputs, ['Order 42 ships tomorrow.']);
  t.same(authorizer.calls, [`bedrock:InvokeAgent ${AGENT_ALIAS}`]);
  t.match(action(ran.events), {
    serviceName: 'bedrock',
    operationName: 'InvokeAgent',
    operationResponse: { completion: 'Order 42 ships tomorrow.' },
  });
  const part = (orchestrationTrace: Json) => ({
    agentId: 'AGENT00002',
    agentAliasId: 'AGALIAS002',
    agentVersion: '1',
    sessionId: /^[0-9a-f-]{36}$/,
    callerChain: [{ agentAliasArn: AGENT_ALIAS }],
    trace: { orchestrationTrace },
  });
  t.match(dependency(ran.events), {
    nodeName: 'Helper',
    agentTraces: [
      part({ modelInvocationInput: { type: 'ORCHESTRATION', text: '42', traceId: /^[A-Z0-9]{10}-0$/ } }),
      part({ rationale: { text: 'Response rule 1 (match "^[0-9]+$") matches the input: the agent answers.' } }),
      part({ observation: { type: 'FINISH', finalResponse: { text: 'Order 42 ships tomorrow.' } } }),
    ],
  });
  const asks = await run(around(agentNode('Helper'), 'String', 'String'), 'my order?');
  t.match(asks.result, { kind: 'paused', nodeName: 'Helper', nodeType: 'AgentNode', question: 'Which order number?' });
  t.match(dependency(asks.events)?.agentTraces, [
    {},
    { trace: { orchestrationTrace: { rationale: { text: /rule 2 .*asks the user/ } } } },
    { trace: { orchestrationTrace: { observation: { type: 'ASK_USER', finalResponse: { text: 'Which order number?' } } } } },
  ]);
  const gone = agentNode('Gone', AGENT_ALIAS.replace('AGALIAS002', 'AGALIAS999'));
  t.match(failure(await run(around(gone, 'String', 'String'), 'hi')), { type: 'ResourceNotFoundException' });
});

t.test('Storage: puts the content in the bucket and answers its s3Uri; PutObject on the object ARN', async (t) => {
  const universe = testUniverse();
  const authorizer = recorder();
  const ran = await run(around(storageNode('Save')), { content: 'saved text', key: 'out/a.txt' }, { universe, authorizer });
  t.same(ran.outputs, ['s3://flow-data/out/a.txt']);
  t.equal(Buffer.from(universe.buckets.get('flow-data')!.objects.get('out/a.txt')!).toString('utf8'), 'saved text');
  t.same(authorizer.calls, ['s3:PutObject arn:aws:s3:::flow-data/out/a.txt']);
  t.equal(action(ran.events), undefined, NO_ACTION);
  t.match(failure(await run(around(storageNode('Save', 'no-such-bucket')), { content: 'x', key: 'k' })), {
    type: 'ResourceNotFoundException',
    message: /bucket does not exist/,
  });
});

t.test('Retrieval: the object as text; a missing object or bytes that are not UTF-8 fail in-stream', async (t) => {
  const authorizer = recorder();
  const ran = await run(around(retrievalNode('Load'), 'String', 'String'), 'in/greeting.txt', { authorizer });
  t.same(ran.outputs, ['Hello from the fake S3 bucket.']);
  t.same(authorizer.calls, ['s3:GetObject arn:aws:s3:::flow-data/in/greeting.txt']);
  t.equal(action(ran.events), undefined, NO_ACTION);
  t.match(failure(await run(around(retrievalNode('Load'), 'String', 'String'), 'in/none.txt')), {
    type: 'ResourceNotFoundException',
    message: /key does not exist \(s3:\/\/flow-data\/in\/none\.txt\)/,
  });
  t.match(failure(await run(around(retrievalNode('Load', 'flow-binary'), 'String', 'String'), 'latin1.txt')), {
    nodeName: 'Load',
    type: 'ValidationException',
    message: 'The content of s3://flow-binary/latin1.txt is not valid UTF-8. Retrieval nodes can only read UTF-8 encoded text.',
  });
});

t.test('Iterator and Collector', async (t) => {
  const ran = await run(iteratorFlow(), ['Queen', 'Abba']);
  t.same(ran.outputs, [['Queen rocks.', 'Abba rocks.']]);
  const sizes = ran.events.flatMap((e) =>
    e.kind === 'nodeOutput' && e.nodeName === 'EachArtist' ? [e.fields.map((f) => [f.name, f.value])] : [],
  );
  t.same(
    sizes,
    [
      [
        ['arrayItem', 'Queen'],
        ['arraySize', 2],
      ],
      [
        ['arrayItem', 'Abba'],
        ['arraySize', 2],
      ],
    ],
    'one output trace per item',
  );
});

t.test('InlineCode: Python 3 with the inputs as variables; the last line is the response', async (t) => {
  const node = inlineCodeNode('Shout', 'print("noise")\nwords = text.split()\n" ".join(w.upper() for w in words) + "!" * count', [
    ['text', 'String', '$.data.text'],
    ['count', 'Number', '$.data.count'],
  ]);
  t.same((await run(around(node), { text: 'hello there', count: 2 })).outputs, ['HELLO THERE!!']);
  const object = inlineCodeNode('Obj', '{"n": n * 2, "ok": True}', [['n', 'Number', '$.data']], 'Object');
  t.same((await run(around(object, 'Object', 'Number'), 21)).outputs, [{ n: 42, ok: true }]);
  const broken = inlineCodeNode('Broken', 'undefined_name + 1', [['n', 'Number', '$.data']]);
  t.match(failure(await run(around(broken, 'String', 'Number'), 1)), {
    nodeName: 'Broken',
    type: 'ValidationException',
    message: "The code of InlineCode node Broken failed: NameError: name 'undefined_name' is not defined",
  });
});

t.test('Loop, LoopInput and LoopController (the validator fixture flow)', async (t) => {
  const universe = testUniverse();
  // The fixture flow's Step is a function named `step`: here one that is done at once.
  universe.lambdaFunctions.set(lambdaArn('step'), {
    name: 'step',
    arn: lambdaArn('step'),
    account: '123456789012',
    region: 'us-east-1',
    response: { done: true, text: 'final' },
  });
  const ran = await run(loopFlow(), { draft: 'x' }, { universe });
  t.same(ran.outputs, ['final']);
  t.same(ran.kinds.filter((k) => k.startsWith('nodeInput:Step')).length, 1, 'one round: the condition (done == false) no longer holds');
});
