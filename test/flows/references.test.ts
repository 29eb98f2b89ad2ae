import t from 'tap';
import { validateReferences, type ReferenceResolver } from '../../src/flows/index.js';
import { dataConnection, lambdaNode, loopBody, loopFlow, node, playlistFlow, type Json } from './fixtures.js';

const ACCOUNT = 'arn:aws:bedrock:us-east-1:123456789012';
const PROMPT = `${ACCOUNT}:prompt/PROMPT0001`;
const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:classify';
const AGENT_ALIAS = `${ACCOUNT}:agent-alias/AGENT00001/AGALIAS001`;
const LEX_ALIAS = 'arn:aws:lex:us-east-1:123456789012:bot-alias/BOT0000001/ALIAS00001';

function fakeWorld(overrides: Partial<ReferenceResolver> = {}): ReferenceResolver {
  return {
    promptExists: (arn) => arn === PROMPT,
    promptVersionExists: (arn, version) => arn === PROMPT && version === '1',
    knowledgeBaseExists: (id) => id === 'KB00000001',
    agentAliasExists: (arn) => arn === AGENT_ALIAS,
    lambdaFunctionExists: (arn) => arn === LAMBDA,
    lambdaQualifierExists: (arn, qualifier) => arn === LAMBDA && qualifier === 'live',
    lexBotAliasLocales: (arn) => (arn === LEX_ALIAS ? ['en_US'] : undefined),
    bucketExists: (name) => name === 'flow-data',
    extraModelIds: ['my-fixture-model'],
    ...overrides,
  };
}

/** A flow with one node of each referencing type (its wiring does not matter here). */
function everyReference(): Json {
  const withConfig = (type: string, name: string, configuration: Json) => ({ type, name, configuration });
  return {
    nodes: [
      withConfig('Prompt', 'Stored', { prompt: { sourceConfiguration: { resource: { promptArn: `${PROMPT}:1` } } } }),
      withConfig('Prompt', 'Inline', {
        prompt: {
          sourceConfiguration: {
            inline: {
              modelId: 'us.anthropic.claude-3-5-sonnet-20241022-v2:0',
              templateType: 'TEXT',
              templateConfiguration: { text: { text: 'hi' } },
            },
          },
          guardrailConfiguration: { guardrailIdentifier: 'gr1', guardrailVersion: '1' },
        },
      }),
      withConfig('KnowledgeBase', 'Docs', {
        knowledgeBase: { knowledgeBaseId: 'KB00000001', modelId: 'anthropic.claude-3-haiku-20240307-v1:0' },
      }),
      withConfig('Agent', 'Helper', { agent: { agentAliasArn: AGENT_ALIAS } }),
      withConfig('LambdaFunction', 'Classify', { lambdaFunction: { lambdaArn: `${LAMBDA}:live` } }),
      withConfig('Lex', 'Bot', { lex: { botAliasArn: LEX_ALIAS, localeId: 'en_US' } }),
      withConfig('Storage', 'Save', { storage: { serviceConfiguration: { s3: { bucketName: 'flow-data' } } } }),
      withConfig('Retrieval', 'Load', { retrieval: { serviceConfiguration: { s3: { bucketName: 'flow-data' } } } }),
    ],
    connections: [],
  };
}

const messages = (definition: Json, resolver = fakeWorld()) => {
  const validations = validateReferences(definition, resolver);
  for (const v of validations) {
    if (v.type !== 'Unspecified' || v.severity !== 'Error') throw new Error(`unexpected ${JSON.stringify(v)}`);
  }
  return validations.map((v) => v.message);
};

const change = (edit: (definition: Json) => void): Json => {
  const definition = everyReference();
  edit(definition);
  return definition;
};
const configOf = (definition: Json, name: string) => Object.values(node(definition, name).configuration)[0] as Json;

t.test('every reference resolves: no validation', async (t) => {
  t.same(messages(everyReference()), []);
  t.same(messages(playlistFlow()), [], 'the playlist flow references only a known model');
});

t.test('each missing resource is one Unspecified Error naming the node and the resource', async (t) => {
  const cases: [string, (d: Json) => void, string][] = [
    [
      'prompt',
      (d) => {
        configOf(d, 'Stored').sourceConfiguration.resource.promptArn = `${ACCOUNT}:prompt/PROMPT0002`;
      },
      `Prompt node Stored references prompt ${ACCOUNT}:prompt/PROMPT0002, which does not exist.`,
    ],
    [
      'prompt version',
      (d) => {
        configOf(d, 'Stored').sourceConfiguration.resource.promptArn = `${PROMPT}:7`;
      },
      `Prompt node Stored references version 7 of prompt ${PROMPT}, which does not exist.`,
    ],
    [
      'knowledge base',
      (d) => {
        configOf(d, 'Docs').knowledgeBaseId = 'KB00000009';
      },
      'KnowledgeBase node Docs references knowledge base KB00000009, which does not exist.',
    ],
    [
      'agent alias',
      (d) => {
        configOf(d, 'Helper').agentAliasArn = `${ACCOUNT}:agent-alias/AGENT00001/AGALIAS009`;
      },
      `Agent node Helper references agent alias ${ACCOUNT}:agent-alias/AGENT00001/AGALIAS009, which does not exist.`,
    ],
    [
      'Lambda function',
      (d) => {
        configOf(d, 'Classify').lambdaArn = `${LAMBDA}x`;
      },
      `LambdaFunction node Classify references Lambda function ${LAMBDA}x, which does not exist.`,
    ],
    [
      'Lambda qualifier',
      (d) => {
        configOf(d, 'Classify').lambdaArn = `${LAMBDA}:beta`;
      },
      `LambdaFunction node Classify references version or alias beta of Lambda function ${LAMBDA}, which does not exist.`,
    ],
    [
      'Lex bot alias',
      (d) => {
        configOf(d, 'Bot').botAliasArn = `${LEX_ALIAS}X`;
      },
      `Lex node Bot references Lex bot alias ${LEX_ALIAS}X, which does not exist.`,
    ],
    [
      'Lex locale',
      (d) => {
        configOf(d, 'Bot').localeId = 'fr_FR';
      },
      `Lex node Bot uses locale fr_FR, which Lex bot alias ${LEX_ALIAS} does not have.`,
    ],
    [
      'storage bucket',
      (d) => {
        configOf(d, 'Save').serviceConfiguration.s3.bucketName = 'nope';
      },
      'Storage node Save references S3 bucket nope, which does not exist.',
    ],
    [
      'retrieval bucket',
      (d) => {
        configOf(d, 'Load').serviceConfiguration.s3.bucketName = 'nope';
      },
      'Retrieval node Load references S3 bucket nope, which does not exist.',
    ],
    [
      'inline model',
      (d) => {
        configOf(d, 'Inline').sourceConfiguration.inline.modelId = 'acme.model-v1';
      },
      'Prompt node Inline uses model acme.model-v1, which is not an Amazon Bedrock model or inference profile.',
    ],
    [
      'knowledge base model',
      (d) => {
        configOf(d, 'Docs').modelId = 'eu.acme.model-v1';
      },
      'KnowledgeBase node Docs uses model eu.acme.model-v1, which is not an Amazon Bedrock model or inference profile.',
    ],
  ];
  for (const [what, edit, message] of cases) t.same(messages(change(edit)), [message], what);
});

t.test('$LATEST always exists; a prompt without version is its draft', async (t) => {
  t.same(
    messages(
      change((d) => {
        configOf(d, 'Classify').lambdaArn = `${LAMBDA}:$LATEST`;
      }),
    ),
    [],
  );
  t.same(
    messages(
      change((d) => {
        configOf(d, 'Stored').sourceConfiguration.resource.promptArn = PROMPT;
      }),
    ),
    [],
  );
});

t.test('model ids: the built-in list, inference profiles, ARNs and the world extras', async (t) => {
  for (const modelId of [
    'amazon.nova-lite-v1:0',
    'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
    'arn:aws:bedrock:us-east-1::foundation-model/some.model-v1:0',
    'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123',
    'my-fixture-model',
  ]) {
    t.same(
      messages(
        change((d) => {
          configOf(d, 'Inline').sourceConfiguration.inline.modelId = modelId;
        }),
      ),
      [],
      modelId,
    );
  }
});

t.test('guardrails are checked only when the world models them', async (t) => {
  t.same(messages(everyReference()), [], 'not modelled: not checked');
  const world = fakeWorld({ guardrailExists: (id, version) => id === 'gr1' && version === '2' });
  t.same(messages(everyReference(), world), ['Prompt node Inline references guardrail gr1 version 1, which does not exist.']);
});

t.test('malformed ARNs and loop bodies', async (t) => {
  t.same(
    messages(
      change((d) => {
        configOf(d, 'Stored').sourceConfiguration.resource.promptArn = 'prompt-one';
      }),
    ),
    ['Prompt node Stored references prompt-one, which is not a prompt ARN.'],
  );
  const flow = loopFlow();
  loopBody(flow).nodes.push({ ...lambdaNode('Inner', ['x']) });
  loopBody(flow).connections.push(dataConnection('LoopStart', 'loopInput', 'Inner', 'x'));
  t.same(messages(flow), [
    'LambdaFunction node Step references Lambda function arn:aws:lambda:us-east-1:123456789012:function:step, which does not exist.',
    'LambdaFunction node Inner references Lambda function arn:aws:lambda:us-east-1:123456789012:function:step, which does not exist.',
  ]);
});

t.test('drafts and garbage: empty fields are left to validateDefinition, nothing throws', async (t) => {
  t.same(
    messages(
      change((d) => {
        configOf(d, 'Docs').knowledgeBaseId = '';
      }),
    ),
    [],
  );
  t.same(messages(undefined), []);
  t.same(messages({ nodes: [{ type: 'Prompt', name: 'P', configuration: 'x' }, 7] }), []);
});
