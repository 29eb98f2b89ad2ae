/**
 * Real local models (docs/models.md), through the real SDK clients against fake model servers on loopback: the
 * answer, stop reason and usage of an OpenAI-compatible and an Ollama-native backend reach the node's output and
 * its Converse trace; the request carries messages, system text and inference settings; failures and timeouts are
 * in-stream errors; a client going away aborts the model request; a posted fixture may not name a backend without
 * the opt-in; and a recorded run replays with no backend.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvokeFlowCommand, StartFlowExecutionCommand } from '@aws-sdk/client-bedrock-agent-runtime';
import t from 'tap';
import { DEFAULT_FIXTURES } from '../../src/package-root.js';
import { deploy, ended, invoke, outputsOf, tracesOf } from '../flows/executor/sdk.js';
import { TEST_FAKES, around, knowledgeBaseNode } from '../flows/executor/world.js';
import { withEmulator } from '../helpers/emulator.js';
import { ANSWER, startFakeModelServer } from '../helpers/fake-model-server.js';

type Json = any;

const server = await startFakeModelServer(t);
process.env.BFE_TEST_MODEL_KEY = 'sk-local-test';
const backend = (type: 'openai' | 'ollama', model: string, extra: Json = {}) => ({
  type,
  url: type === 'openai' ? `${server.url}/v1/` : server.url,
  model,
  ...extra,
});
const BACKENDS = {
  models: [
    { modelId: 'local.openai', backend: backend('openai', 'good', { apiKeyEnv: 'BFE_TEST_MODEL_KEY' }) },
    { modelId: 'local.ollama', backend: backend('ollama', 'good') },
    { modelId: 'local.broken', backend: backend('openai', 'broken') },
    { modelId: 'local.busy', backend: backend('ollama', 'busy') },
    { modelId: 'local.slow', backend: backend('ollama', 'hang', { timeoutMs: 50 }) },
    { modelId: 'local.hang', backend: backend('ollama', 'hang') },
    { modelId: 'local.huge', backend: backend('openai', 'huge') },
  ],
};
const dir = mkdtempSync(join(tmpdir(), 'bfe-models-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
const recording = join(dir, 'recorded.json');

const { agent, runtime, emu } = await withEmulator(t, { fixtures: [DEFAULT_FIXTURES, TEST_FAKES, BACKENDS], recordModels: recording });
const control = agent();
const client = runtime();

const chatPrompt = (modelId: string): Json => ({
  type: 'Prompt',
  name: 'Ask',
  configuration: {
    prompt: {
      sourceConfiguration: {
        inline: {
          modelId,
          templateType: 'CHAT',
          templateConfiguration: {
            chat: {
              system: [{ text: 'You are terse.' }],
              messages: [{ role: 'user', content: [{ text: 'Describe the band {{artist}}.' }] }],
            },
          },
          inferenceConfiguration: { text: { maxTokens: 64, temperature: 0.5, topP: 0.9, stopSequences: ['END'] } },
        },
      },
    },
  },
  inputs: [{ name: 'artist', type: 'String', expression: '$.data.artist' }],
  outputs: [{ name: 'modelCompletion', type: 'String' }],
});
const flowAsking = (modelId: string) => deploy(control, around(chatPrompt(modelId)));
const converseTrace = (run: Awaited<ReturnType<typeof invoke>>) =>
  tracesOf(run, 'nodeActionTrace').find((a: Json) => a.operationName === 'Converse');

t.test('OpenAI-compatible: answer, stop reason and usage from the backend; the request carries the prompt', async (t) => {
  const arrived = server.nextRequest();
  const run = await invoke(client, await flowAsking('local.openai'), { artist: 'Queen' }, { trace: true });
  t.equal(run.error, undefined);
  t.same(outputsOf(run), [ANSWER], 'the answer as the model gave it: no placeholders filled');
  const seen = await arrived;
  t.equal(seen.path, '/v1/chat/completions');
  t.equal(seen.headers.authorization, 'Bearer sk-local-test', 'the key from apiKeyEnv');
  t.same(seen.body, {
    model: 'good',
    messages: [
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Describe the band Queen.' },
    ],
    stream: false,
    max_tokens: 64,
    temperature: 0.5,
    top_p: 0.9,
    stop: ['END'],
  });
  const trace = converseTrace(run);
  t.match(trace.operationResponse, {
    output: { message: { content: [{ text: ANSWER }] } },
    stopReason: 'max_tokens',
    usage: { inputTokens: 11, outputTokens: 7, totalTokens: 18 },
  });
  t.type(trace.operationResponse.metrics.latencyMs, 'number');
});

t.test('Ollama-native: /api/chat with options; done_reason and eval counts come back', async (t) => {
  const arrived = server.nextRequest();
  const run = await invoke(client, await flowAsking('local.ollama'), { artist: 'Abba' }, { trace: true });
  t.same(outputsOf(run), [ANSWER]);
  const seen = await arrived;
  t.equal(seen.path, '/api/chat');
  t.equal(seen.headers.authorization, undefined, 'no apiKeyEnv, no key');
  t.same(seen.body, {
    model: 'good',
    messages: [
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Describe the band Abba.' },
    ],
    stream: false,
    options: { num_predict: 64, temperature: 0.5, top_p: 0.9, stop: ['END'] },
  });
  t.match(converseTrace(run).operationResponse, { stopReason: 'end_turn', usage: { inputTokens: 13, outputTokens: 5, totalTokens: 18 } });
});

t.test('knowledge-base generation asks the backend too', async (t) => {
  const arrived = server.nextRequest();
  const flowId = await deploy(control, around(knowledgeBaseNode('Docs', { modelId: 'local.ollama' }, 'String'), 'String', 'String'));
  const run = await invoke(client, flowId, 'refunds');
  t.same(outputsOf(run), [ANSWER]);
  t.match((await arrived).body, { model: 'good', messages: [{ role: 'user', content: /refunds/ }] });
});

const MODEL_ARN = (id: string) => `arn:aws:bedrock:us-east-1::foundation-model/${id}`;

t.test('a backend failing is an in-stream dependencyFailedException naming the model', async (t) => {
  const run = await invoke(client, await flowAsking('local.broken'), { artist: 'Queen' });
  t.match(run.error, {
    name: 'DependencyFailedException',
    message: /^The request failed due to an error while processing the model\. .*HTTP 500: \{"error":"model crashed"\}/,
    resourceName: MODEL_ARN('local.broken'),
  });
  t.same(outputsOf(run), []);
});

t.test('a backend timing out is an in-stream dependencyFailedException saying so', async (t) => {
  const run = await invoke(client, await flowAsking('local.slow'), { artist: 'Queen' });
  t.match(run.error, {
    name: 'DependencyFailedException',
    message: /^The request took too long to process\. .*did not answer within 50 ms/,
    resourceName: MODEL_ARN('local.slow'),
  });
});

t.test('a flow execution whose backend fails ends Failed', async (t) => {
  const flowId = await flowAsking('local.broken');
  const { executionArn } = await client.send(
    new StartFlowExecutionCommand({
      flowIdentifier: flowId,
      flowAliasIdentifier: 'TSTALIASID',
      inputs: [{ nodeName: 'FlowInput', nodeOutputName: 'document', content: { document: { artist: 'Queen' } } }],
    }),
  );
  t.equal((await ended(client, flowId, executionArn!)).status, 'Failed');
});

t.test('a backend answering 429 is an in-stream throttlingException', async (t) => {
  const run = await invoke(client, await flowAsking('local.busy'), { artist: 'Queen' });
  t.match(run.error, { name: 'ThrottlingException', message: /exceeding the account quotas .*HTTP 429/ });
});

t.test('a reply past the size cap is cut off: an in-stream error, not 5 MiB in memory', async (t) => {
  const run = await invoke(client, await flowAsking('local.huge'), { artist: 'Queen' });
  t.match(run.error, { name: 'DependencyFailedException', message: /answered more than 4194304 bytes/ });
});

t.test('a models entry gives a backend or rules, not both', async (t) => {
  t.throws(
    () => emu.load({ models: [{ modelId: 'both', backend: backend('ollama', 'good'), rules: [{ match: 'x', completion: 'y' }] }] }),
    { path: '$.models[0]', message: /give either backend or rules and fallback/ },
  );
});

t.test('a client going away aborts the model request', async (t) => {
  const flowId = await flowAsking('local.hang');
  const arrived = server.nextRequest();
  const abort = new AbortController();
  const sent = client
    .send(
      new InvokeFlowCommand({
        flowIdentifier: flowId,
        flowAliasIdentifier: 'TSTALIASID',
        inputs: [{ nodeName: 'FlowInput', nodeOutputName: 'document', content: { document: { artist: 'Queen' } } }],
      }),
      { abortSignal: abort.signal },
    )
    .then(async (res) => {
      for await (const _ of res.responseStream!);
    })
    .catch(() => undefined);
  await arrived;
  abort.abort();
  await sent;
  await server.abandoned;
  t.pass('the emulator closed the request it had open to the model');
});

t.test('record, then replay with no backend: the same outputs', async (t) => {
  const recorded = JSON.parse(readFileSync(recording, 'utf8'));
  t.match(recorded.models, [
    {
      modelId: 'local.openai',
      rules: [{ match: /^\^You are terse\\.\nDescribe the band Queen\\.\$$/, completion: ANSWER, verbatim: true }],
    },
    { modelId: 'local.ollama' },
  ]);
  const { agent: replayAgent, runtime: replayRuntime } = await withEmulator(t, { fixtures: [DEFAULT_FIXTURES, TEST_FAKES, recording] });
  const before = server.requests.length;
  for (const [modelId, artist] of [
    ['local.openai', 'Queen'],
    ['local.ollama', 'Abba'],
  ] as const) {
    const flowId = await deploy(replayAgent(), around(chatPrompt(modelId)));
    t.same(outputsOf(await invoke(replayRuntime(), flowId, { artist })), [ANSWER], `${modelId} replays`);
  }
  t.equal(server.requests.length, before, 'no request reached a model');
});

t.test('a fixture posted over HTTP may not name a backend without --allow-http-fixture-code', async (t) => {
  const post = (url: string) =>
    fetch(`${url}/_emulator/fixtures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ models: [{ modelId: 'posted', backend: backend('openai', 'good') }] }),
    });
  const refused = await post(emu.url);
  t.equal(refused.status, 400);
  t.match(await refused.text(), /models\[0\]\.backend.*refused in a fixture posted over HTTP/);
  const { emu: open } = await withEmulator(t, { allowHttpFixtureCode: true });
  t.equal((await post(open.url)).status, 200, 'accepted with the opt-in');
});
