import t from 'tap';
import { generationPrompt, retrieve } from '../../src/fakes/knowledge-base.js';

const documents = [
  { text: 'Refunds are paid back to the original card within 5 business days.', uri: 's3://b/refunds.txt', metadata: { team: 'billing' } },
  { text: 'Orders ship within 24 hours. Orders arrive in 3 to 5 days.', uri: 's3://b/shipping.txt' },
  { text: 'Support is available every day.' },
];

t.test('matching is on lower-cased words; stop words match nothing', async (t) => {
  t.equal(retrieve(documents, 'REFUNDS', 5).length, 1);
  t.same(retrieve(documents, 'what is the', 5), []);
});

t.test('BM25 ranking: the most relevant first; only documents sharing a query term; numberOfResults caps', async (t) => {
  const results = retrieve(documents, 'when do orders ship and arrive?', 5);
  t.same(
    results.map((r) => r.location?.s3Location.uri),
    ['s3://b/shipping.txt'],
  );
  const both = retrieve(documents, 'orders refunds', 5);
  t.equal(both.length, 2);
  t.ok(both[0]!.score >= both[1]!.score, 'ordered by score');
  t.ok(
    both.every((r) => r.score > 0 && r.score < 1),
    'scores in 0..1',
  );
  t.equal(retrieve(documents, 'orders refunds', 1).length, 1);
  t.same(retrieve(documents, 'zebra', 5), []);
});

t.test('results have the Retrieve API shape; documents without a uri have no location', async (t) => {
  const [refund] = retrieve(documents, 'refunds', 5);
  t.same(refund, {
    content: { text: documents[0]!.text, type: 'TEXT' },
    location: { type: 'S3', s3Location: { uri: 's3://b/refunds.txt' } },
    metadata: { team: 'billing', 'x-amz-bedrock-kb-source-uri': 's3://b/refunds.txt' },
    score: refund!.score,
  });
  const [support] = retrieve(documents, 'support', 5);
  t.notOk('location' in support!);
});

t.test('generationPrompt: the query and numbered results, in the default or a given template', async (t) => {
  const results = retrieve(documents, 'refunds', 5);
  t.match(generationPrompt('refunds?', results), /\[1\] Refunds are paid back[\s\S]*Question: refunds\?$/);
  t.equal(generationPrompt('q$&', results, '$query$ | $search_results$'), `q$& | [1] ${documents[0]!.text}`);
});
