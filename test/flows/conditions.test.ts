import t from 'tap';
import { chooseCondition, evaluateCondition, parseCondition, printCondition, type ConditionInput } from '../../src/flows/index.js';

const PRODUCT: ConditionInput[] = [
  { name: 'retailPrice', type: 'Number' },
  { name: 'marketPrice', type: 'Number' },
  { name: 'type', type: 'String' },
];
const FLAGS: ConditionInput[] = [
  { name: 'a', type: 'Boolean' },
  { name: 'b', type: 'Boolean' },
  { name: 'c', type: 'Boolean' },
  { name: 'n', type: 'Number' },
];

const compile = (text: string, inputs: ConditionInput[] = PRODUCT) => {
  const parsed = parseCondition(text, inputs);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.cause}`);
  return parsed.condition;
};
const holds = (text: string, values: Record<string, unknown>, inputs: ConditionInput[] = FLAGS) =>
  evaluateCondition(compile(text, inputs).ast, values);
const cause = (text: unknown, inputs: ConditionInput[] = PRODUCT) => {
  const parsed = parseCondition(text, inputs);
  return parsed.ok ? 'parsed' : parsed.cause;
};

t.test('the flows-ex-condition example picks the documented branch for each test input', async (t) => {
  const conditions = [
    { name: 'expensive', ast: compile('(retailPrice > 10) and (type == "produce")').ast },
    { name: 'goodDeal', ast: compile('(retailPrice < marketPrice)').ast },
    { name: 'default' },
  ];
  t.equal(
    chooseCondition(conditions, { retailPrice: 11, marketPrice: 12, type: 'produce' }),
    'expensive',
    'the first of two satisfied wins',
  );
  t.equal(chooseCondition(conditions, { retailPrice: 11, marketPrice: 12, type: 'meat' }), 'goodDeal');
  t.equal(chooseCondition(conditions, { retailPrice: 11, marketPrice: 11, type: 'meat' }), 'default');
});

t.test('precedence: not binds tighter than and, and tighter than or; parentheses group', async (t) => {
  t.equal(printCondition(compile('a or b and c', FLAGS).ast), '(a or (b and c))');
  t.equal(printCondition(compile('not a and b', FLAGS).ast), '((not a) and b)');
  t.equal(printCondition(compile('not n > 1', FLAGS).ast), '(not (n > 1))');
  t.equal(printCondition(compile('(a or b) and c', FLAGS).ast), '((a or b) and c)');
  t.equal(holds('a or b and c', { a: true, b: false, c: false }), true);
  t.equal(holds('(a or b) and c', { a: true, b: false, c: false }), false);
  t.equal(holds('not a and b', { a: false, b: true }), true);
  t.equal(holds('not (n > 3)', { n: 2 }), true, 'the doc form not (A > B)');
});

t.test('type rules at run time', async (t) => {
  const product = (text: string, values: Record<string, unknown>) => holds(text, values, PRODUCT);
  t.equal(product('retailPrice == 10', { retailPrice: 10 }), true);
  t.equal(product('type == "10"', { type: '10' }), true);
  t.equal(product('retailPrice == marketPrice', { retailPrice: 10, marketPrice: '10' }), false, '== needs equal types');
  t.equal(product('retailPrice != marketPrice', { retailPrice: 10, marketPrice: '10' }), true);
  t.equal(product('retailPrice < marketPrice', { retailPrice: 1, marketPrice: '2' }), false, '< holds only between Numbers');
  t.equal(product('retailPrice >= -5.5', { retailPrice: -5.5 }), true, 'negative and decimal constants');
  t.equal(product('retailPrice <= 1e3', { retailPrice: 999 }), true);
  t.equal(product('retailPrice > 1', {}), false, 'a missing value satisfies nothing');
  t.equal(holds('a == true', { a: true }), true);
  t.equal(holds('a', { a: 'true' }), false, 'only the Boolean true holds');
  t.equal(product('type == "say \\"hi\\""', { type: 'say "hi"' }), true, 'escaped quotes');
});

t.test('parse errors carry a cause', async (t) => {
  t.equal(cause(''), 'The condition has no expression.');
  t.equal(cause(undefined), 'The condition has no expression.');
  t.equal(cause('price > 10'), "Unknown input 'price' (the node's inputs: retailPrice, marketPrice, type) at position 1.");
  t.equal(cause("type == 'produce'"), 'Unexpected character "\'" at position 9 (string constants go in double quotes).');
  t.equal(cause('retailPrice = 10'), 'Unexpected character "=" at position 13 (use \'==\' to compare).');
  t.equal(cause('retailPrice > 10 && type == "x"'), 'Unexpected character "&" at position 18 (use \'and\').');
  t.equal(cause('1 < retailPrice < 3'), 'Comparisons cannot be chained; combine them with and/or at position 17.');
  t.equal(cause('(retailPrice > 10'), "Expected ')' at the end of the condition.");
  t.equal(cause('(retailPrice > 10 type'), "Expected ')' but found 'type' at position 19.");
  t.equal(cause('retailPrice > 10)'), "Unexpected ')' at position 17.");
  t.equal(cause('type == "produce'), 'Unterminated string constant starting at position 9.');
  t.equal(cause('(retailPrice > 10) and'), 'Expected an input or a constant at the end of the condition.');
  t.equal(cause('1 == 1'), "The condition must refer to at least one of the node's inputs.");
  t.equal(cause('retailPrice'), 'The condition must be a Boolean, but it is a Number.');
  t.equal(cause('type > 1'), "Operator '>' compares Numbers, but input 'type' is a String.");
  t.equal(cause('retailPrice and true'), "Operator 'and' combines Booleans, but input 'retailPrice' is a Number.");
  t.equal(cause('not type'), "Operator 'not' applies to a Boolean, but input 'type' is a String.");
  t.equal(
    cause('doc == 1', [{ name: 'doc', type: 'Object' }]),
    "Operator '==' compares Strings, Numbers or Booleans, but input 'doc' is an Object.",
  );
  t.equal(cause(`retailPrice > ${'1'.repeat(60)}`), 'The condition is longer than 64 characters.');
});

t.test('what the declared types decide is folded into constant', async (t) => {
  t.equal(compile('retailPrice > 10').constant, undefined);
  t.equal(compile('type == 5').constant, false, '== between a String and a Number never holds');
  t.equal(compile('type != 5').constant, true);
  t.equal(compile('type == 5 or retailPrice > 1').constant, undefined);
  t.equal(compile('type == 5 and retailPrice > 1').constant, false);
  t.equal(compile('not (type == 5)').constant, true);
});

t.test('chooseCondition skips default entries and entries without an AST', async (t) => {
  const always = compile('retailPrice == retailPrice').ast;
  t.equal(chooseCondition([{ name: 'default', ast: always }, { name: 'broken' }], { retailPrice: 1 }), 'default');
  t.equal(chooseCondition([{ name: 'broken' }, { name: 'same', ast: always }], { retailPrice: 1 }), 'same');
});

t.test('input names that are also Object.prototype members are plain inputs', async (t) => {
  const inputs: ConditionInput[] = [
    { name: 'constructor', type: 'Number' },
    { name: 'toString', type: 'String' },
  ];
  t.equal(holds('constructor > 1 and toString == "x"', { constructor: 2, toString: 'x' }, inputs), true);
  t.equal(cause('valueOf > 1', inputs), "Unknown input 'valueOf' (the node's inputs: constructor, toString) at position 1.");
});
