/**
 * Templates that cannot deploy give one error each, naming the template's logical id and property path, and leave
 * the world as it was (src/cloudformation/deploy-template.ts); a flow that deploys but fails preparation ends
 * Failed with its validations, as the CloudFormation handler leaves it.
 */
import t, { type Test } from 'tap';
import { Emulator } from '../../src/emulator.js';
import { TemplateLoadError } from '../../src/cloudformation/template-error.js';
import { FixtureError } from '../../src/fixtures/fixture-error.js';
import { createLogger } from '../../src/logger.js';
import { worldOf } from '../../src/world/universe.js';
import { createClock } from '../../src/world/clock.js';

const ROLE = {
  Type: 'AWS::IAM::Role',
  Properties: {
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'bedrock.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    },
    Policies: [
      { PolicyName: 'all', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } },
    ],
  },
};

const DEFINITION = {
  Nodes: [
    { Name: 'FlowInput', Type: 'Input', Outputs: [{ Name: 'document', Type: 'String' }] },
    { Name: 'FlowOutput', Type: 'Output', Inputs: [{ Name: 'document', Type: 'String', Expression: '$.data' }] },
  ],
  Connections: [
    {
      Name: 'InToOut',
      Source: 'FlowInput',
      Target: 'FlowOutput',
      Type: 'Data',
      Configuration: { Data: { SourceOutput: 'document', TargetInput: 'document' } },
    },
  ],
};

const flowTemplate = (flow: Record<string, unknown> = {}, more: Record<string, unknown> = {}) => ({
  Resources: {
    Role: ROLE,
    Flow: {
      Type: 'AWS::Bedrock::Flow',
      Properties: { Name: 'f', ExecutionRoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] }, Definition: DEFINITION, ...flow },
    },
    ...more,
  },
  Outputs: { Status: { Value: { 'Fn::GetAtt': ['Flow', 'Status'] } }, Id: { Value: { Ref: 'Flow' } } },
});

const emulator = () => new Emulator({ fixtures: [{ account: '123456789012' }] }, createLogger('error', false));

async function refused(t: Test, template: Record<string, unknown>, path: string | RegExp, reason: RegExp | string) {
  const emu = emulator();
  const before = JSON.stringify(emu.state());
  const err = await emu.loadTemplate(template, 'broken').then(
    () => undefined,
    (e: unknown) => e,
  );
  t.type(err, FixtureError, 'answered like a fixture error over HTTP');
  t.type(err, TemplateLoadError, 'and told apart on the command line: invalid template');
  t.match(err, { file: 'broken', path, reason });
  t.equal(JSON.stringify(emu.state()), before, 'nothing applied');
}

t.test('a template that deploys: its flow Prepared, outputs from it', async (t) => {
  const outputs = await emulator().loadTemplate(flowTemplate(), 'good');
  t.match(outputs, { Status: 'Prepared', Id: /^arn:aws:bedrock:us-east-1:123456789012:flow\/[0-9A-Z]{10}$/ });
});

t.test('an unknown Ref names where it is', (t) =>
  refused(
    t,
    flowTemplate({ ExecutionRoleArn: { Ref: 'NoSuchRole' } }),
    'Resources.Flow.Properties.ExecutionRoleArn.Ref',
    'unknown logical id or parameter NoSuchRole',
  ),
);

t.test('a cycle names its resources', (t) =>
  refused(
    t,
    flowTemplate(
      {},
      {
        A: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { Ref: 'B' } } },
        B: { Type: 'AWS::S3::Bucket', DependsOn: 'A' },
      },
    ),
    'Resources.A',
    'circular dependency between resources: A → B → A',
  ),
);

t.test('a Fn::GetAtt of an attribute the type does not have lists the ones it has', (t) =>
  refused(
    t,
    flowTemplate({ Description: { 'Fn::GetAtt': ['Role', 'Nope'] } }),
    'Resources.Flow.Properties.Description.Fn::GetAtt',
    'AWS::IAM::Role has no attribute Nope (it has Arn, RoleId)',
  ),
);

t.test('an attribute known only after creation, used in a property, says so where it is used', (t) =>
  refused(
    t,
    flowTemplate({}, { B: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { 'Fn::GetAtt': ['Flow', 'Status'] } } } }),
    'Resources.B.Properties.BucketName.Fn::GetAtt',
    'Flow.Status is known only once the stack is created (use it in Outputs)',
  ),
);

t.test('inline code as an ES module, its Handler naming another export', async (t) => {
  const emu = emulator();
  await emu.loadTemplate(
    {
      Resources: {
        Fn: {
          Type: 'AWS::Lambda::Function',
          Properties: {
            FunctionName: 'esm',
            Runtime: 'nodejs22.x',
            Handler: 'index.main',
            Code: { ZipFile: 'export const main = async (event) => ({ got: event.x });\n' },
          },
        },
      },
    },
    'esm',
  );
  const fn = emu.universe.lambdaFunctions.get('arn:aws:lambda:us-east-1:123456789012:function:esm')!;
  const { invokeLambda } = await import('../../src/fakes/lambda.js');
  t.same(await invokeLambda(fn, { x: 1 }, { timeoutMs: 1000, requestId: 'r', clock: createClock() }), { ok: true, payload: { got: 1 } });
});

t.test('a definition CreateFlow would refuse: the API error at the property', (t) =>
  refused(
    t,
    flowTemplate({ Definition: { ...DEFINITION, Nodes: [{ Name: 'FlowInput', Type: 'NotANodeType' }] } }),
    'Resources.Flow.Properties.Definition.Nodes[0].Type',
    /^ValidationException: 1 validation error detected: .*Member must satisfy enum value set/,
  ),
);

t.test('a definition that fails preparation deploys a Failed flow, with validations', async (t) => {
  const emu = emulator();
  const broken = { ...DEFINITION, Connections: [] };
  const outputs = await emu.loadTemplate(
    {
      ...flowTemplate({ Definition: broken }),
      Outputs: { Status: { Value: { 'Fn::GetAtt': ['Flow', 'Status'] } }, Id: { Value: { 'Fn::GetAtt': ['Flow', 'Id'] } } },
    },
    'failing',
  );
  t.equal(outputs.Status, 'Failed');
  const flow = worldOf(emu.universe, '123456789012', 'us-east-1').flows.get(outputs.Id!)!;
  t.ok(flow.validations?.some((v) => v.severity === 'Error'));
});

t.test('a flow version of a flow that fails preparation is refused, as CreateFlowVersion would be', (t) =>
  refused(
    t,
    flowTemplate(
      { Definition: { ...DEFINITION, Connections: [] } },
      { Version: { Type: 'AWS::Bedrock::FlowVersion', Properties: { FlowArn: { Ref: 'Flow' } } } },
    ),
    /^Resources\.Flow\.Properties/,
    /failed preparation/,
  ),
);

t.test('template-level mistakes', async (t) => {
  await refused(
    t,
    { Resources: { T: { Type: 'AWS::SNS::Topic' } } },
    'Resources',
    /none of its resources is of a type the emulator models/,
  );
  await refused(t, { Resources: {} }, 'Resources', 'a template needs at least one resource');
  await refused(
    t,
    { Parameters: { Stage: { Type: 'String' } }, ...flowTemplate() },
    'Parameters.Stage',
    /no value: give one with --parameter Stage=VALUE/,
  );
  await refused(
    t,
    { Parameters: { Stage: { Type: 'String', AllowedValues: ['dev'] } }, ...flowTemplate() },
    'Parameters.Stage',
    /no value/,
  );
  await refused(
    t,
    flowTemplate({ Name: { 'Fn::ImportValue': 'Nope' } }),
    'Resources.Flow.Properties.Name.Fn::ImportValue',
    /no export named Nope/,
  );
  await refused(
    t,
    flowTemplate(
      { ExecutionRoleArn: 'arn:aws:iam::123456789012:role/x' },
      { P: { Type: 'AWS::IAM::Policy', Properties: { PolicyDocument: {}, Roles: ['other'] } } },
    ),
    'Resources.P.Properties.Roles[0]',
    'other is not an AWS::IAM::Role of this template',
  );
});

t.test('a Lambda function with no behaviour fails at invoke, naming itself', async (t) => {
  const emu = emulator();
  await emu.loadTemplate(
    {
      Resources: {
        Fn: {
          Type: 'AWS::Lambda::Function',
          Properties: { FunctionName: 'py', Runtime: 'python3.12', Code: { ZipFile: 'def handler(e, c): pass' } },
        },
      },
    },
    's',
  );
  const fn = emu.universe.lambdaFunctions.get('arn:aws:lambda:us-east-1:123456789012:function:py');
  t.match(
    fn?.error,
    /^Function py \(Fn in the CloudFormation template\) has no behaviour in the emulator: its inline code is for python3\.12, not Node\.js/,
  );
});

t.test('inline code whose Handler names no export is refused at load', async (t) => {
  const emu = emulator();
  const template = {
    Resources: {
      Fn: {
        Type: 'AWS::Lambda::Function',
        Properties: { Runtime: 'nodejs20.x', Handler: 'index.main', Code: { ZipFile: 'exports.other = () => 1;' } },
      },
    },
  };
  t.match(await emu.loadTemplate(template, 'h').catch((e: unknown) => e), {
    path: /^Resources\.Fn\.Properties\.Code\.ZipFile/,
    reason: /exports no function named main \(Handler index\.main\)/,
  });
  t.same(emu.cloudformationOutputs(), {});
});

t.test('nothing in a template can hold or exhaust the process', async (t) => {
  let deep: unknown = 'x';
  for (let i = 0; i < 100_000; i++) deep = [deep];
  await refused(
    t,
    { Resources: { B: { Type: 'AWS::S3::Bucket', Properties: { Tags: deep } } } },
    '$',
    'the template nests deeper than 100 levels',
  );
  // A backtracking engine takes minutes on this pattern and value; RE2 answers at once.
  const redos = { Parameters: { P: { Type: 'String', AllowedPattern: '(a+)+b', Default: `${'a'.repeat(40)}!` } }, ...flowTemplate() };
  await refused(t, redos, 'Parameters.P', /does not match its AllowedPattern/);
  const lookahead = { Parameters: { P: { Type: 'String', AllowedPattern: '(?=a)a', Default: 'a' } }, ...flowTemplate() };
  await refused(t, lookahead, 'Parameters.P.AllowedPattern', /invalid regular expression \(RE2 syntax\)/);
});
