/** Where policy text stops being JSON, in words and editor positions (line, column from 1). */
import t from 'tap';
import { describeJsonSyntax } from '../../src/iam/validation/json-syntax.js';

t.test('a trailing comma in an array names the array and points at the comma', async (t) => {
  const text = '{\n  "Action": [\n    "bedrock:GetFlow",\n  ]\n}';
  const report = describeJsonSyntax(text);
  t.same(report.problems, [{ line: 3, column: 22, message: 'trailing comma after the last element of Action' }]);
  t.same(report.recovered, { Action: ['bedrock:GetFlow'] }, 'read past it: the document as meant');
});

t.test('a trailing comma in an object, and one in Statement, each found', async (t) => {
  const text = '{"Statement":[{"Effect":"Allow",},],"Version":"2012-10-17",}';
  t.same(describeJsonSyntax(text).problems, [
    { line: 1, column: 32, message: 'trailing comma after the last member of Statement[0]' },
    { line: 1, column: 34, message: 'trailing comma after the last element of Statement' },
    { line: 1, column: 59, message: 'trailing comma after the last member of the document' },
  ]);
});

t.test('a missing comma, between elements and between members', async (t) => {
  const report = describeJsonSyntax('{"Action": ["a:B"\r\n "a:C"] "Resource": "*"}');
  t.same(report.problems, [
    { line: 2, column: 2, message: 'missing comma between elements of Action' },
    { line: 2, column: 9, message: 'missing comma between members of the document' },
  ]);
  t.same(report.recovered, { Action: ['a:B', 'a:C'], Resource: '*' });
});

t.test('comments are reported, and read past', async (t) => {
  const report = describeJsonSyntax('{\n  /* mine */ "Version": "2012-10-17" // why\n}');
  t.same(report.problems, [
    { line: 2, column: 3, message: 'comment: JSON has no comments (IAM refuses them)' },
    { line: 2, column: 38, message: 'comment: JSON has no comments (IAM refuses them)' },
  ]);
  t.same(report.recovered, { Version: '2012-10-17' });
});

t.test('a break in the structure is reported once, and nothing is guessed past it', async (t) => {
  const unquoted = describeJsonSyntax('{\n\tVersion: "2012-10-17", "Statement": []}');
  t.same(unquoted.problems, [{ line: 2, column: 2, message: 'property name Version is not in double quotes' }]);
  t.notOk('recovered' in unquoted, 'no document is made up');
  t.match(describeJsonSyntax('{"Action": ["a:B", a:C]}').problems, [
    { line: 1, column: 20, message: 'unexpected "a": strings take double quotes' },
  ]);
  t.match(describeJsonSyntax("{'Version': 1}").problems, [{ line: 1, column: 2, message: /single quotes in 'Version'/ }]);
  t.match(describeJsonSyntax('{"Statement": [{"Effect": "Allow"').problems, [{ line: 1, column: 34, message: /ends inside an object/ }]);
  t.match(describeJsonSyntax('').problems, [{ line: 1, column: 1, message: /ends where a value was expected/ }]);
  t.match(describeJsonSyntax('\uFEFF{}').problems, [{ line: 1, column: 1, message: /byte-order mark/ }]);
});

t.test('hostile input: deep nesting and many problems stay bounded', async (t) => {
  t.match(describeJsonSyntax('['.repeat(200_000)).problems, [{ line: 1, column: 1 }]);
  const commas = describeJsonSyntax(`[${'[1,],'.repeat(1000)}]`);
  t.equal(commas.problems.length, 20, 'at most 20 lines');
});
