import t from 'tap';
import { FALLBACK_INTENT, recognizeIntent } from '../../src/fakes/lex.js';
import type { LexBot } from '../../src/world/universe.js';

const bot: LexBot = {
  botId: 'BOT0000001',
  aliasId: 'ALIAS00001',
  aliasArn: 'arn',
  account: '1',
  region: 'r',
  locales: ['en_US'],
  intents: [
    { name: 'OrderPizza', utterances: ['i want a pizza', 'order pizza'] },
    { name: 'CheckOrder', utterances: ['where is my order', 'order status'] },
  ],
};

t.test('the intent whose utterance is most like the text', async (t) => {
  t.same(recognizeIntent(bot, 'Where is my order?'), { intent: 'CheckOrder', confidence: 1 });
  t.equal(recognizeIntent(bot, 'I want a large pizza').intent, 'OrderPizza');
  t.equal(recognizeIntent(bot, 'what is the order status').intent, 'CheckOrder');
});

t.test('nothing close enough: FallbackIntent', async (t) => {
  t.same(recognizeIntent(bot, 'tell me a joke'), { intent: FALLBACK_INTENT, confidence: 0 });
  t.equal(recognizeIntent(bot, '').intent, FALLBACK_INTENT);
});
