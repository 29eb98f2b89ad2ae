import t from 'tap';
import { parseAnswer, requestBody } from '../../src/fakes/model-backend-wire.js';
import { inferenceSettings } from '../../src/flows/nodes/model-call.js';

const request = {
  system: [],
  messages: [{ role: 'user' as const, content: [{ text: 'a' }, { text: 'b' }] }],
  inference: {},
};

t.test('requests: no system message without system text; unset settings are left to the backend', async (t) => {
  t.same(requestBody('openai', 'm', request), { model: 'm', messages: [{ role: 'user', content: 'a\nb' }], stream: false });
  t.same(requestBody('ollama', 'm', request), { model: 'm', messages: [{ role: 'user', content: 'a\nb' }], stream: false });
});

t.test('answers: stop reasons map to Converse, unknown ones (even prototype names) are end_turn', async (t) => {
  const openai = (finish_reason: unknown) => parseAnswer('openai', { choices: [{ message: { content: 'x' }, finish_reason }] });
  t.match(openai('length'), { text: 'x', stopReason: 'max_tokens' });
  t.match(openai('content_filter'), { stopReason: 'content_filtered' });
  t.match(openai('constructor'), { stopReason: 'end_turn' });
  t.match(openai(undefined), { stopReason: 'end_turn' });
  t.same(openai('stop'), { text: 'x', stopReason: 'end_turn' }, 'no usage: none reported, the node estimates it');
  t.match(parseAnswer('ollama', { message: { content: 'y' }, done_reason: 'length', eval_count: -1 }), { stopReason: 'max_tokens' });
  t.notOk(
    'outputTokens' in (parseAnswer('ollama', { message: { content: 'y' }, eval_count: -1 }) as object),
    'a negative count is ignored',
  );
});

t.test('a reply without the answer says what is missing', async (t) => {
  t.equal(parseAnswer('openai', { choices: [] }), 'the reply has no choices[0].message.content string');
  t.equal(parseAnswer('ollama', 'not json'), 'the reply has no message.content string');
  t.equal(parseAnswer('ollama', { message: { content: 42 } }), 'the reply has no message.content string');
});

t.test('inference settings: the right types only; float32 values as their author wrote them', async (t) => {
  t.same(inferenceSettings({ maxTokens: 10, temperature: Math.fround(0.7), topP: Math.fround(0.9), stopSequences: ['END'] }), {
    maxTokens: 10,
    temperature: 0.7,
    topP: 0.9,
    stopSequences: ['END'],
  });
  t.same(inferenceSettings({ maxTokens: '10', temperature: null, stopSequences: [1] }), {});
  t.same(inferenceSettings(undefined), {});
});
