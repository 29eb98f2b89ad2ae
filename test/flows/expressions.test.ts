import t from 'tap';
import { conformsTo, evaluateExpression, parseExpression, typeOfValue } from '../../src/flows/index.js';

const compile = (text: string) => {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.cause}`);
  return parsed.expression;
};
const run = (text: string, data: unknown) => evaluateExpression(compile(text), data);

t.test('the user guide examples give exactly the documented results', async (t) => {
  const data = {
    animals: { mammals: ['cat', 'dog'], reptiles: ['snake', 'turtle', 'iguana'] },
    organisms: { mammals: ['rabbit', 'horse', 'mouse'], flowers: ['lily', 'daisy'] },
    numbers: [1, 2, 3, 5, 8],
  };
  t.same(run('$.data.numbers', data), { found: true, value: [1, 2, 3, 5, 8] });
  t.same(run('$.data.animals.reptiles[2]', data), { found: true, value: 'iguana' });
  t.same(run('$.data.numbers[0, 3]', data), { found: true, value: [1, 5] });
  t.same(run('$.data.organisms.mammals[1:]', data), { found: true, value: ['horse', 'mouse'] });
  t.same(run('$.data.*.mammals', data), {
    found: true,
    value: [
      ['cat', 'dog'],
      ['rabbit', 'horse', 'mouse'],
    ],
  });
});

t.test('the other documented examples: Lambda value and condition-flow outputs', async (t) => {
  t.same(run('$.data[1]', [1, 2, 3]), { found: true, value: 2 });
  t.same(run('$.data.action[2]', { action: ["don't buy", 'buy', 'undecided'] }), { found: true, value: 'undecided' });
});

t.test('slices, index lists, wildcards, negative indices', async (t) => {
  const numbers = [10, 20, 30, 40];
  t.same(run('$.data[:2]', numbers), { found: true, value: [10, 20] });
  t.same(run('$.data[1:3]', numbers), { found: true, value: [20, 30] });
  t.same(run('$.data[:]', numbers), { found: true, value: numbers });
  t.same(run('$.data[-1]', numbers), { found: true, value: 40 });
  t.same(run('$.data[-2:]', numbers), { found: true, value: [30, 40] });
  t.same(run('$.data[*]', numbers), { found: true, value: numbers });
  t.same(run('$.data[0,9]', numbers), { found: true, value: [10] }, 'missing indices are skipped');
  t.same(run('$.data.*', { a: 1, b: 'x' }), { found: true, value: [1, 'x'] });
});

t.test('paths that do not exist are reported as not found', async (t) => {
  t.same(run('$.data.missing', { present: 1 }), { found: false });
  t.same(run('$.data[5]', [1]), { found: false });
  t.same(run('$.data.field', [1]), { found: false }, 'a field of an array');
  t.same(run('$.data[0]', { 0: 'x' }), { found: false }, 'an index of an object');
  t.same(run('$.data.a.b', { a: null }), { found: false });
  t.same(run('$.data.a', { a: null }), { found: true, value: null });
});

t.test('a scalar input can only be taken whole', async (t) => {
  t.same(run('$.data', 'hello'), { found: true, value: 'hello' });
  t.same(run('$.data', 42), { found: true, value: 42 });
  t.same(run('$.data.length', 'hello'), { found: false });
  t.same(run('$.data[*]', true), { found: false });
});

t.test('malformed expressions carry a cause', async (t) => {
  const cause = (text: unknown) => {
    const parsed = parseExpression(text);
    return parsed.ok ? 'parsed' : parsed.cause;
  };
  t.equal(cause(''), 'The expression is empty.');
  t.equal(cause(undefined), 'The expression is empty.');
  t.equal(cause('data.genre'), 'The expression must start with $.data.');
  t.equal(cause('$.database'), 'The expression must start with $.data.');
  t.equal(cause('$.data.'), "Expected a field name or '*' after '.' at the end of the expression.");
  t.equal(cause('$.data..x'), 'Recursive descent (..) is not supported at position 8.');
  t.equal(cause('$.data['), "Expected an index, a slice or '*' after '[' at the end of the expression.");
  t.equal(cause('$.data[1'), "Expected ']' at the end of the expression.");
  t.equal(cause('$.data[1:2:3]'), "Expected ']' at position 11.");
  t.equal(cause("$.data['x']"), "Expected an index, a slice or '*' after '[' at position 8.");
  t.equal(cause('$.data x'), 'Unexpected character " " at position 7.');
  t.equal(cause(`$.data.${'a'.repeat(58)}`), 'The expression is longer than 64 characters.');
  t.equal(cause(`$.data.${'a'.repeat(57)}`), 'parsed', '64 characters are allowed');
});

t.test('multi marks the expressions whose result is always an array', async (t) => {
  t.equal(compile('$.data.a[0].b').multi, false);
  for (const text of ['$.data.*', '$.data[*]', '$.data[0,1]', '$.data[1:]']) t.equal(compile(text).multi, true, text);
});

t.test('typeOfValue and conformsTo', async (t) => {
  t.equal(typeOfValue('x'), 'String');
  t.equal(typeOfValue(1.5), 'Number');
  t.equal(typeOfValue(false), 'Boolean');
  t.equal(typeOfValue({}), 'Object');
  t.equal(typeOfValue([]), 'Array');
  t.equal(typeOfValue(null), undefined);
  t.equal(typeOfValue(undefined), undefined);
  t.equal(typeOfValue(Number.NaN), undefined);
  t.ok(conformsTo([1], 'Array'));
  t.notOk(conformsTo([1], 'Object'));
  t.notOk(conformsTo('1', 'Number'));
});
