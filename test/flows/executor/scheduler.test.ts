/** The scheduler: order, branches and skipping, type checks, iteration, loops, bounds, cancellation, multi-turn. */
import t from 'tap';
import type { NodeCallRequest } from '../../../src/flows/executor/role-checks.js';
import { conditionFlow, conditionalConnection, dataConnection, iteratorFlow, loopFlow, type Json } from '../fixtures.js';
import { failure, run } from './harness.js';
import { agentNode, around, inlineCodeNode, lambdaNode, lambdaArn, outputNode, pausingFlow, promptNode } from './world.js';

t.test('a linear flow runs node by node and completes', async (t) => {
  const ran = await run(around(promptNode('Ask', 'Say {{word}}.', [['word', 'String', '$.data.word']])), { word: 'hi' });
  t.same(ran.result, { kind: 'completed' });
  t.same(ran.outputs, ['Say hi.'], 'no model rule matches: the fallback echoes the prompt');
  t.same(ran.kinds, [
    'nodeOutput:FlowInput',
    'nodeInput:Ask',
    'nodeAction:Ask',
    'nodeOutput:Ask',
    'nodeInput:FlowOutput',
    'flowOutput:FlowOutput',
  ]);
});

t.test('without trace only flow outputs are reported', async (t) => {
  const ran = await run(around(promptNode('Ask', 'Say {{word}}.', [['word', 'String', '$.data.word']])), { word: 'hi' }, { trace: false });
  t.same(ran.kinds, ['flowOutput:FlowOutput']);
});

t.test('a condition runs the chosen branch; the others and what depends only on them are skipped', async (t) => {
  const flow = conditionFlow();
  // Behind the GoodDeal branch: a prompt feeding an output, both skipped with the branch.
  flow.nodes.push(promptNode('Explain', 'Why buy {{item}}?', [['item', 'String', '$.data.type']]), outputNode('Why'));
  flow.connections.push(
    dataConnection('FlowInput', 'document', 'Explain', 'item'),
    conditionalConnection('MyCondition', 'goodDeal', 'Explain'),
    dataConnection('Explain', 'modelCompletion', 'Why', 'document'),
  );
  const action = ["don't buy", 'buy', 'undecided'];
  const expensive = await run(flow, { retailPrice: 11, marketPrice: 12, type: 'produce', action });
  t.same(expensive.outputs, ["don't buy"]);
  t.ok(expensive.events.some((e) => e.kind === 'conditionResult' && e.satisfiedConditions[0] === 'expensive'));
  t.notOk(
    expensive.kinds.some((k) => k.endsWith(':Explain') || k.endsWith(':Why')),
    'the goodDeal branch did not run',
  );
  const deal = await run(flow, { retailPrice: 11, marketPrice: 12, type: 'meat', action });
  t.same(deal.outputs, ['buy', 'Why buy meat?']);
  const neither = await run(flow, { retailPrice: 11, marketPrice: 11, type: 'meat', action });
  t.same(neither.outputs, ['undecided']);
  t.ok(neither.events.some((e) => e.kind === 'conditionResult' && e.satisfiedConditions[0] === 'default'));
});

t.test('an input of the wrong type fails the node in-stream with a validationException naming node and input', async (t) => {
  const ran = await run(around(promptNode('Ask', 'Say {{word}}.', [['word', 'String', '$.data.word']])), { word: 42 });
  t.match(failure(ran), {
    nodeName: 'Ask',
    type: 'ValidationException',
    message: /Input word of node Ask is declared String.*gives a Number/,
  });
  t.same(ran.outputs, []);
});

t.test('an expression that selects nothing fails the node', async (t) => {
  const ran = await run(around(promptNode('Ask', 'Say {{word}}.', [['word', 'String', '$.data.missing']])), { word: 'x' });
  t.match(failure(ran), { nodeName: 'Ask', message: /expression \$\.data\.missing selects nothing/ });
});

t.test('an output that does not match its declared type fails the node', async (t) => {
  const ran = await run(around(lambdaNode('Classify', 'classify', [['x', 'Object', '$.data']], 'Array'), 'Array'), {});
  t.match(failure(ran), {
    nodeName: 'Classify',
    type: 'ValidationException',
    message: /Output functionResponse of node Classify is declared Array, but the node produced an Object/,
  });
});

t.test('Iterator/Collector: the body runs once per item, in order, and the Collector keeps that order', async (t) => {
  const ran = await run(iteratorFlow(), ['Queen', 'Abba', 'Blur']);
  t.same(ran.outputs, [['Queen rocks.', 'Abba rocks.', 'Blur rocks.']]);
  const chains = ran.events.flatMap((e) => (e.kind === 'nodeInput' && e.nodeName === 'Describe' ? [e.fields[0]!.executionChain] : []));
  t.same(
    chains,
    [0, 1, 2].map((index) => [{ nodeName: 'EachArtist', index, type: 'Iterator' }]),
    'inputs carry their executionChain',
  );
  t.same(
    ran.kinds.filter((k) => k.startsWith('nodeInput:Gather')),
    ['nodeInput:Gather'],
    'the Collector runs once',
  );
});

t.test('Iterator without a Collector: an Output reached inside the iteration emits once per item', async (t) => {
  const flow = iteratorFlow();
  flow.nodes = flow.nodes.filter((n: Json) => n.name !== 'Gather');
  flow.connections = flow.connections.filter((c: Json) => c.target !== 'Gather' && c.source !== 'Gather');
  flow.nodes.find((n: Json) => n.name === 'FlowOutput').inputs[0].type = 'String';
  flow.connections.push(dataConnection('Describe', 'modelCompletion', 'FlowOutput', 'document'));
  const ran = await run(flow, ['Queen', 'Abba']);
  t.same(ran.outputs, ['Queen rocks.', 'Abba rocks.']);
});

t.test('an empty array runs no iteration; the Collector collects nothing', async (t) => {
  const ran = await run(iteratorFlow(), []);
  t.same(ran.outputs, [[]]);
});

/** Loop whose body calls loopStep (counts rounds, done at 3) until the controller says stop. */
const countingLoop = (maxIterations: number | null = null): Json => loopFlow({ stepFunction: 'loopStep', maxIterations });

t.test('Loop: rounds go on while continueCondition holds, each from the ReturnValueToLoopStart values', async (t) => {
  const ran = await run(countingLoop(), {});
  t.same(ran.outputs, ['round 3']);
  const rounds = ran.events.flatMap((e) => (e.kind === 'nodeInput' && e.nodeName === 'Step' ? [e.fields[0]!] : []));
  t.same(
    rounds.map((f) => f.value),
    [{}, { count: 1, done: false, text: 'round 1' }, { count: 2, done: false, text: 'round 2' }],
  );
  t.same(
    rounds.map((f) => f.executionChain),
    [0, 1, 2].map((index) => [{ nodeName: 'Refine', index, type: 'Loop' }]),
  );
});

t.test('Loop: maxIterations ends the loop with the last ExitLoop values', async (t) => {
  const ran = await run(countingLoop(2), {});
  t.same(ran.outputs, ['round 2']);
});

t.test('Loop: without maxIterations the default (10) bounds a loop that never stops', async (t) => {
  const flow = countingLoop();
  flow.nodes[1].configuration.loop.definition.nodes[2].configuration.loopController.continueCondition.expression = 'done == done';
  const ran = await run(flow, {});
  t.same(ran.outputs, ['round 10']);
});

t.test('bounds: too many node runs is an in-stream serviceQuotaExceededException', async (t) => {
  const ran = await run(
    iteratorFlow(),
    Array.from({ length: 30 }, (_, i) => `band${i}`),
    { limits: { maxNodeRuns: 20 } },
  );
  t.match(failure(ran), { type: 'ServiceQuotaExceededException', message: 'The flow run exceeded 20 node runs.' });
});

t.test('bounds: the wall-time limit ends the run, marked timed out', async (t) => {
  const ran = await run(iteratorFlow(), ['a', 'b'], { limits: { maxRunMs: -1 } });
  t.match(failure(ran), { type: 'ValidationException', message: /time limit/ });
  t.equal(ran.result.kind === 'failed' && ran.result.timedOut, true);
});

t.test('bounds: an output larger than the value limit fails its node', async (t) => {
  const ran = await run(around(inlineCodeNode('Big', '"x" * 5000', [['n', 'Number', '$.data']]), 'String', 'Number'), 1, {
    limits: { maxValueBytes: 1000 },
  });
  t.match(failure(ran), { nodeName: 'Big', message: /larger than 1000 bytes/ });
});

t.test('an aborted signal stops the run between nodes', async (t) => {
  const ran = await run(iteratorFlow(), ['a'], { signal: { aborted: true } });
  t.same(ran.result, { kind: 'aborted' });
  t.same(ran.events, []);
});

t.test('the execution role: missing → accessDeniedException; not trusted → dependencyFailedException from STS', async (t) => {
  const flow = around(promptNode('Ask', 'Say {{word}}.', [['word', 'String', '$.data']]), 'String', 'String');
  const refuses = {
    assumeRole: () => ({ ok: false as const, message: 'Bedrock cannot assume the role' }),
    authorizeNodeCall: () => ({ allowed: true }),
  };
  const missing = await run(flow, 'x', { roleArn: 'arn:aws:iam::123456789012:role/Nobody', authorizer: refuses });
  t.match(failure(missing), { nodeName: undefined, type: 'AccessDeniedException', message: 'Bedrock cannot assume the role' });
  const untrusted = await run(flow, 'x', { authorizer: refuses });
  t.match(failure(untrusted), {
    type: 'DependencyFailedException',
    message: 'Bedrock cannot assume the role',
    extra: { resourceName: 'STS' },
  });
  t.same(untrusted.events, [], 'nothing ran');
  const allowed = await run(flow, 'x', { roleArn: 'arn:aws:iam::123456789012:role/Nobody' });
  t.same(allowed.result, { kind: 'completed' }, 'the authorizer decides (IAM mode off assumes any role)');
});

t.test('each downstream call is authorized for the execution role; a denial fails that node as AWS words it', async (t) => {
  const asked: NodeCallRequest[] = [];
  const denyLambda = {
    assumeRole: () => ({ ok: true as const }),
    authorizeNodeCall: (r: NodeCallRequest) => (asked.push(r), { allowed: r.action !== 'lambda:InvokeFunction' }),
  };
  const flow = around(lambdaNode('Classify', 'classify', [['x', 'Object', '$.data']]), 'Object');
  const ran = await run(flow, {}, { authorizer: denyLambda });
  t.match(failure(ran), {
    nodeName: 'Classify',
    type: 'AccessDeniedException',
    message:
      'User: arn:aws:sts::123456789012:assumed-role/AmazonBedrockExecutionRoleForFlows_DEFAULT001/BedrockFlows-FLOWTEST01 ' +
      `is not authorized to perform: lambda:InvokeFunction on resource: ${lambdaArn('classify')} because no identity-based ` +
      'policy allows the lambda:InvokeFunction action',
  });
  t.match(asked, [
    { action: 'lambda:InvokeFunction', resource: lambdaArn('classify'), flowArn: /flow\/FLOWTEST01$/, flowAliasArn: /TSTALIASID$/ },
  ]);
  t.notOk(ran.kinds.includes('nodeAction:Classify'), 'the call was not made');
  const withMessage = await run(
    flow,
    {},
    {
      authorizer: { assumeRole: () => ({ ok: true }), authorizeNodeCall: () => ({ allowed: false, message: 'explicit deny in policy X' }) },
    },
  );
  t.match(failure(withMessage), { message: 'explicit deny in policy X' });
});

t.test('multi-turn: a paused run resumes from its memo; nothing before the pause runs or is reported again', async (t) => {
  const flow = pausingFlow();
  const first = await run(flow, 'Where is my order?');
  if (first.result.kind !== 'paused') {
    t.fail(`expected a pause, got ${first.result.kind}`);
    return;
  }
  t.match(first.result, { nodeName: 'Orders', nodeType: 'AgentNode', question: 'Which order number?' });
  t.same(first.outputs, ['Where is my order?'], 'what was reached before the pause went out');
  t.ok(first.kinds.includes('nodeAction:Log'));
  const resume = { checkpoint: first.result.checkpoint, inputName: 'agentInputText', answer: '12345' };
  const second = await run(flow, 'ignored: the checkpoint has the document', { resume });
  t.same(second.result, { kind: 'completed' });
  t.match(second.outputs, ['Order 12345 ships tomorrow.', { inputs: { text: 'Where is my order?' }, node: 'Log' }]);
  t.same(
    second.kinds.filter((k) => /:(Echoed|Log|FlowInput)$/.test(k)),
    [],
    'replayed nodes report nothing and are not called again',
  );
  t.match(
    second.events.find((e) => e.kind === 'nodeInput' && e.nodeName === 'Orders'),
    { fields: [{ name: 'agentInputText', value: '12345' }] },
  );
});

t.test('multi-turn: an answer that leads to the same question does not ask it again', async (t) => {
  const flow = around(agentNode('Orders'), 'String', 'String');
  const first = await run(flow, 'my order');
  if (first.result.kind !== 'paused') {
    t.fail('expected a pause');
    return;
  }
  const second = await run(flow, 'my order', {
    resume: { checkpoint: first.result.checkpoint, inputName: 'agentInputText', answer: 'the order from May' },
  });
  t.same(second.outputs, ['Ask me about an order.']);
});
