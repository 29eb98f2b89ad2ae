import t from 'tap';
import { modelAnswer, modelArn, modelSource, promptText } from '../../src/fakes/models.js';
import type { ModelRulesFixture } from '../../src/fixtures/schema.js';

/** The completion the rules give (these sets have no backend). */
const complete = (sets: readonly ModelRulesFixture[], modelId: string, prompt: string, values: Record<string, unknown>) => {
  const source = modelSource(sets, modelId, prompt, values);
  return 'text' in source ? source.text : source;
};

const models: ModelRulesFixture[] = [
  { modelId: '*', rules: [{ match: 'playlist', completion: 'any model: {{genre}}' }], fallback: { completion: 'generic' } },
  { modelId: 'm.exact', rules: [{ match: '^Make', completion: 'exact model: {{genre}}' }] },
  { modelId: 'm.echo', fallback: 'echo' },
];

t.test('rules for the exact model id win over * rules; the first matching rule answers, with {{variables}}', async (t) => {
  t.equal(complete(models, 'm.exact', 'Make me a playlist', { genre: 'pop' }), 'exact model: pop');
  t.equal(complete(models, 'm.other', 'Make me a playlist', { genre: 'pop' }), 'any model: pop');
  t.equal(complete(models, 'm.exact', 'a playlist please', { genre: 'jazz' }), 'any model: jazz', 'no exact rule matches: * rules');
});

t.test('no rule: the first fallback those sets give, else echo', async (t) => {
  t.equal(complete(models, 'm.exact', 'hello', {}), 'generic', 'm.exact has no fallback; the * set does');
  t.equal(complete(models, 'm.echo', 'hello', {}), 'hello');
  t.equal(complete([], 'any', 'the prompt', {}), 'the prompt', 'no rules at all: echo');
});

t.test('match is a JavaScript regular expression, tested anywhere in the text', async (t) => {
  const rules: ModelRulesFixture[] = [{ modelId: '*', rules: [{ match: '\\b(\\d+) songs\\b', completion: 'counted' }] }];
  t.equal(complete(rules, 'x', 'give me 12 songs now', {}), 'counted');
  t.equal(complete(rules, 'x', 'give me songs', {}), 'give me songs');
});

t.test('the rules see system and messages, one per line; usage and stop reason as Converse gives them', async (t) => {
  const prompt = promptText({ system: [{ text: 'sys' }], messages: [{ role: 'user', content: [{ text: 'hi' }] }] });
  t.equal(prompt, 'sys\nhi');
  t.equal(complete(models, 'm.echo', prompt, {}), 'sys\nhi');
  t.same(modelAnswer(prompt, 'sys\nhi'), {
    text: 'sys\nhi',
    stopReason: 'end_turn',
    usage: { inputTokens: 2, outputTokens: 2, totalTokens: 4 },
    latencyMs: 0,
  });
  t.same(modelAnswer(prompt, 'ok', { stopReason: 'max_tokens', inputTokens: 9, outputTokens: 3, latencyMs: 12 }), {
    text: 'ok',
    stopReason: 'max_tokens',
    usage: { inputTokens: 9, outputTokens: 3, totalTokens: 12 },
    latencyMs: 12,
  });
});

t.test('a backend set answers everything that reaches it; exact-id rules matching first still win', async (t) => {
  const backend = { type: 'ollama' as const, url: 'http://127.0.0.1:11434', model: 'llama3.2' };
  const sets: ModelRulesFixture[] = [
    { modelId: 'm.exact', rules: [{ match: 'canned', completion: 'from a rule' }] },
    { modelId: '*', backend },
  ];
  t.same(modelSource(sets, 'm.exact', 'a canned prompt', {}), { text: 'from a rule' });
  t.same(modelSource(sets, 'm.exact', 'anything else', {}), { backend });
  t.same(modelSource(sets, 'm.other', 'canned', {}), { backend });
});

t.test('a verbatim rule keeps {{placeholders}} as written', async (t) => {
  const sets: ModelRulesFixture[] = [{ modelId: '*', rules: [{ match: 'x', completion: 'Hi {{name}}', verbatim: true }] }];
  t.equal(complete(sets, 'm', 'x', { name: 'Ann' }), 'Hi {{name}}');
});

t.test('modelArn: model ids become foundation-model ARNs; ARNs stay', async (t) => {
  t.equal(modelArn('eu-west-1', 'anthropic.claude-v2'), 'arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-v2');
  const profile = 'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3';
  t.equal(modelArn('us-east-1', profile), profile);
});
