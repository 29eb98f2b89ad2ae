import t from 'tap';
import { getObject, putObject, s3ObjectArn, s3Uri } from '../../src/fakes/s3.js';
import { createUniverse } from '../../src/world/universe.js';

t.test('objects are read and written in the fixture buckets; unknown buckets and keys are not found', async (t) => {
  const universe = createUniverse();
  universe.buckets.set('b', { name: 'b', account: '1', region: 'r', objects: new Map() });
  putObject(universe, 'b', 'k/1.txt', Buffer.from('one'));
  t.equal(Buffer.from(getObject(universe, 'b', 'k/1.txt')).toString(), 'one');
  t.throws(() => getObject(universe, 'b', 'k/2.txt'), {
    name: 'ResourceNotFoundException',
    message: 'The specified key does not exist (s3://b/k/2.txt).',
  });
  t.throws(() => getObject(universe, 'nope', 'k'), { name: 'ResourceNotFoundException', message: /specified bucket does not exist/ });
  t.throws(() => putObject(universe, 'nope', 'k', Buffer.from('x')), { name: 'ResourceNotFoundException' });
  t.equal(s3Uri('b', 'k/1.txt'), 's3://b/k/1.txt');
  t.equal(s3ObjectArn('b', 'k/1.txt'), 'arn:aws:s3:::b/k/1.txt');
});
