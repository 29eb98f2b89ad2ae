/** The template language on its own: intrinsic and condition functions, YAML short forms, creation order. */
import t from 'tap';
import { creationOrder, referencesIn } from '../../src/cloudformation/creation-order.js';
import { evaluateCondition, type IntrinsicScope, NO_VALUE, resolve } from '../../src/cloudformation/intrinsics.js';
import { parseTemplate } from '../../src/cloudformation/parse-template.js';
import { TemplateError } from '../../src/cloudformation/template-error.js';

const refs: Record<string, unknown> = {
  Stage: 'dev',
  List: ['a', 'b', 'c'],
  Bucket: 'my-bucket',
  'AWS::Region': 'eu-west-1',
  'AWS::NoValue': NO_VALUE,
};
const scope: IntrinsicScope = {
  ref: (name, path) => {
    if (name in refs) return refs[name];
    throw new TemplateError(path, `unknown ${name}`);
  },
  getAtt: (id, attribute) => `${id}.${attribute}!`,
  condition: (name) => name === 'Yes',
  mappings: { Stages: { dev: { Size: 'small' } } },
  imports: { Shared: 'imported' },
  region: 'eu-west-1',
};
const r = (value: unknown) => resolve(value, scope, '$');
/** What `fn` throws (undefined when it returns), for t.match. */
function failure(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return undefined;
}
const error = (value: unknown) => t.throws(() => r(value), TemplateError);

t.test('Ref, Fn::GetAtt (both forms), Fn::Sub (both forms, escapes, attributes)', async (t) => {
  t.equal(r({ Ref: 'Stage' }), 'dev');
  t.equal(r({ 'Fn::GetAtt': ['Flow', 'Arn'] }), 'Flow.Arn!');
  t.equal(r({ 'Fn::GetAtt': 'Flow.Arn' }), 'Flow.Arn!');
  t.equal(r({ 'Fn::Sub': '${Stage}-${Flow.Id}-${AWS::Region}-${!Literal}' }), 'dev-Flow.Id!-eu-west-1-${Literal}');
  t.equal(r({ 'Fn::Sub': ['${A}/${Stage}', { A: { Ref: 'Bucket' } }] }), 'my-bucket/dev');
  t.match(
    failure(() => r({ 'Fn::Sub': '${Nope}' })),
    { path: '$.Fn::Sub', reason: 'unknown Nope' },
  );
});

t.test('Fn::Join, Fn::Select, Fn::Split, Fn::FindInMap, Fn::GetAZs, Fn::Base64, Fn::ImportValue', async (t) => {
  t.equal(r({ 'Fn::Join': [':', ['a', { Ref: 'Stage' }, 3]] }), 'a:dev:3');
  t.equal(r({ 'Fn::Join': [',', { Ref: 'List' }] }), 'a,b,c');
  t.equal(r({ 'Fn::Select': ['1', { Ref: 'List' }] }), 'b');
  t.same(r({ 'Fn::Split': ['|', 'x|y'] }), ['x', 'y']);
  t.equal(r({ 'Fn::Select': [2, { 'Fn::Split': ['-', 'a-b-c'] }] }), 'c');
  t.equal(r({ 'Fn::FindInMap': ['Stages', { Ref: 'Stage' }, 'Size'] }), 'small');
  t.same(r({ 'Fn::GetAZs': '' }), ['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
  t.same(r({ 'Fn::GetAZs': 'us-east-1' }), ['us-east-1a', 'us-east-1b', 'us-east-1c']);
  t.equal(r({ 'Fn::Base64': 'hi' }), 'aGk=');
  t.equal(r({ 'Fn::ImportValue': 'Shared' }), 'imported');
});

t.test('Fn::If and AWS::NoValue remove members and items', async (t) => {
  t.same(r({ a: { 'Fn::If': ['Yes', 1, 2] }, b: { 'Fn::If': ['No', 1, { Ref: 'AWS::NoValue' }] } }), { a: 1 });
  t.same(r([1, { Ref: 'AWS::NoValue' }, 3]), [1, 3]);
});

t.test('condition functions', async (t) => {
  const c = (value: unknown) => evaluateCondition(value, scope, 'Conditions.C');
  t.equal(c({ 'Fn::Equals': [{ Ref: 'Stage' }, 'dev'] }), true);
  t.equal(c({ 'Fn::Equals': ['1', 1] }), true);
  t.equal(c({ 'Fn::Not': [{ 'Fn::Equals': ['a', 'b'] }] }), true);
  t.equal(c({ 'Fn::And': [{ Condition: 'Yes' }, { Condition: 'No' }] }), false);
  t.equal(c({ 'Fn::Or': [{ Condition: 'Yes' }, { Condition: 'No' }] }), true);
  t.match(
    failure(() => c({ 'Fn::And': [{ Condition: 'Yes' }] })),
    { reason: 'Fn::And takes 2 to 10 conditions' },
  );
  t.match(
    failure(() => c({ Ref: 'Stage' })),
    { reason: 'Ref is not a condition function' },
  );
  t.match(
    failure(() => c('maybe')),
    { reason: /a condition must be/ },
  );
});

t.test('mistakes name the function and path', async (t) => {
  error({ 'Fn::Select': [5, ['a']] });
  t.match(
    failure(() => r({ x: { 'Fn::Join': [',', 'notalist'] } })),
    { path: '$.x.Fn::Join[1]', reason: /must be a list/ },
  );
  t.match(
    failure(() => r({ 'Fn::FindInMap': ['Stages', 'prod', 'Size'] })),
    { reason: 'Mappings has no Stages.prod.Size' },
  );
  t.match(
    failure(() => r({ 'Fn::ImportValue': 'Other' })),
    { reason: /no export named Other: give its value as a parameter/ },
  );
  t.match(
    failure(() => r({ 'Fn::Cidr': ['10.0.0.0/16', 2, 8] })),
    { reason: /Fn::Cidr is not supported/ },
  );
  t.match(
    failure(() => r({ 'Fn::GetAtt': ['OnlyId'] })),
    { reason: /Fn::GetAtt takes/ },
  );
});

t.test('YAML short forms read as the long forms', async (t) => {
  const doc = parseTemplate(`
a: !Ref X
b: !GetAtt Flow.Arn
c: !Sub '\${A}'
d: !Join [',', [!Ref Y, !Select [0, !GetAZs '']]]
e: !If [Cond, !Base64 x, !Ref AWS::NoValue]
f: !Equals [!FindInMap [M, K, V], !ImportValue Shared]
g: !Not [!Condition C]
h: !Split [',', 'a,b']
`);
  t.same(doc, {
    a: { Ref: 'X' },
    b: { 'Fn::GetAtt': ['Flow', 'Arn'] },
    c: { 'Fn::Sub': '${A}' },
    d: { 'Fn::Join': [',', [{ Ref: 'Y' }, { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }]] },
    e: { 'Fn::If': ['Cond', { 'Fn::Base64': 'x' }, { Ref: 'AWS::NoValue' }] },
    f: { 'Fn::Equals': [{ 'Fn::FindInMap': ['M', 'K', 'V'] }, { 'Fn::ImportValue': 'Shared' }] },
    g: { 'Fn::Not': [{ Condition: 'C' }] },
    h: { 'Fn::Split': [',', 'a,b'] },
  });
  t.same(parseTemplate('{"Resources": {}}'), { Resources: {} });
  t.throws(() => parseTemplate('{ nope'), /invalid JSON/);
  t.throws(() => parseTemplate('a: [unclosed'), /invalid YAML/);
  // Alias expansion is bounded: a template may arrive over HTTP.
  const bomb = [
    'a: &a [x, x, x, x, x, x, x, x, x, x]',
    ...Array.from(
      { length: 8 },
      (_, i) =>
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(', ')}]`,
    ),
  ].join('\n');
  t.throws(() => parseTemplate(bomb), /invalid YAML/);
});

t.test('creation order follows references and DependsOn; a cycle is an error', async (t) => {
  const needs: Record<string, string[]> = { Alias: ['Version', 'Flow'], Version: ['Flow'], Flow: ['Role'], Role: [] };
  t.same(
    creationOrder(['Alias', 'Version', 'Flow', 'Role'], (id) => needs[id]!),
    ['Role', 'Flow', 'Version', 'Alias'],
  );
  t.match(
    failure(() => creationOrder(['A', 'B'], (id) => (id === 'A' ? ['B'] : ['A']))),
    {
      path: 'Resources.A',
      reason: 'circular dependency between resources: A → B → A',
    },
  );
  const found = referencesIn(
    {
      x: { Ref: 'Role' },
      y: { 'Fn::GetAtt': 'Flow.Arn' },
      z: { 'Fn::Sub': ['${Bucket}/${V}/${!Not}', { V: { Ref: 'Version' } }] },
      w: { Ref: 'AWS::Region' },
    },
    'Resources.R.Properties',
  );
  t.same(
    [...found],
    [
      ['Role', 'Resources.R.Properties.x.Ref'],
      ['Flow', 'Resources.R.Properties.y.Fn::GetAtt'],
      ['Bucket', 'Resources.R.Properties.z.Fn::Sub'],
      ['Version', 'Resources.R.Properties.z.Fn::Sub[1].V.Ref'],
    ],
  );
});
