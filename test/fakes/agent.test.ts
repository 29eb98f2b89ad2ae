import t from 'tap';
import { NO_RULE_REPLY, agentReply } from '../../src/fakes/agent.js';

const rules = [
  { match: 'refund', text: 'Refunds for {{name}} take 5 days.' },
  { match: 'order', askUser: 'Which order, {{name}}?' },
  { match: 'order', askUser: 'Is it a recent order?' },
  { match: 'hello' },
];

t.test(
  'the first rule whose match finds the text answers, with {{variables}} from the node inputs; the reply names the rule',
  async (t) => {
    t.same(agentReply(rules, 'a refund please', { name: 'Ann' }, []), {
      kind: 'answer',
      text: 'Refunds for Ann take 5 days.',
      rule: { index: 0, match: 'refund' },
    });
  },
);

t.test('askUser rules ask (the reply names the rule); a question asked already is not asked again', async (t) => {
  t.same(agentReply(rules, 'my order', { name: 'Ann' }, []), {
    kind: 'question',
    text: 'Which order, Ann?',
    rule: { index: 1, match: 'order' },
  });
  t.same(agentReply(rules, 'my order', { name: 'Ann' }, ['Which order, Ann?']), {
    kind: 'question',
    text: 'Is it a recent order?',
    rule: { index: 2, match: 'order' },
  });
  t.same(agentReply(rules, 'my order', { name: 'Ann' }, ['Which order, Ann?', 'Is it a recent order?']), {
    kind: 'answer',
    text: NO_RULE_REPLY,
  });
});

t.test('no rule answers (or the matching one says nothing): the no-rule reply', async (t) => {
  t.same(agentReply(rules, 'hello', {}, []), { kind: 'answer', text: NO_RULE_REPLY });
  t.same(agentReply([], 'anything', {}, []), { kind: 'answer', text: NO_RULE_REPLY });
});
