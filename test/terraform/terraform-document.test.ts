/**
 * The Terraform reader's parts (src/cloudformation/terraform/): blocks → the API's members and back to Terraform
 * paths for errors, resources of nested modules and plans, documents with nothing modelled, and `validate`.
 */
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { commandOutput } from '../helpers/cli-in-process.js';
import { apiShape, terraformPath } from '../../src/cloudformation/terraform/block-names.js';
import { isTerraformDocument, readTerraformDocument } from '../../src/cloudformation/terraform/terraform-document.js';
import { FixtureError } from '../../src/fixtures/fixture-error.js';
import { startEmulator } from '../../src/index.js';

t.test('blocks become members: single blocks unwrap, repeatable ones take the plural, JSON strings parse', async (t) => {
  const variant = {
    name: 'chat',
    template_type: 'CHAT',
    additional_model_request_fields: '{"top_k":250}',
    metadata: [{ key: 'team', value: 'x' }],
    template_configuration: [
      {
        text: [],
        chat: [
          {
            message: [{ role: 'user', content: [{ text: 'Hi {{name}}', cache_point: [] }] }],
            system: [{ text: 'Be brief' }],
            input_variable: [{ name: 'name' }],
            tool_configuration: [
              {
                tool: [{ tool_spec: [{ name: 'lookup', input_schema: [{ json: '{"type":"object"}' }] }] }],
                tool_choice: [{ tool: [{ name: 'lookup' }], auto: [] }],
              },
            ],
          },
        ],
      },
    ],
    inference_configuration: [{ text: [{ max_tokens: 10, stop_sequences: ['User:'], top_p: null }] }],
  };
  t.same(apiShape({ variant: [variant] }), {
    variants: [
      {
        name: 'chat',
        templateType: 'CHAT',
        additionalModelRequestFields: { top_k: 250 },
        metadata: [{ key: 'team', value: 'x' }],
        templateConfiguration: {
          chat: {
            messages: [{ role: 'user', content: [{ text: 'Hi {{name}}' }] }],
            system: [{ text: 'Be brief' }],
            inputVariables: [{ name: 'name' }],
            toolConfiguration: {
              tools: [{ toolSpec: { name: 'lookup', inputSchema: { json: { type: 'object' } } } }],
              toolChoice: { tool: { name: 'lookup' } },
            },
          },
        },
        inferenceConfiguration: { text: { maxTokens: 10, stopSequences: ['User:'] } },
      },
    ],
  });
  const condition = { configuration: [{ condition: [{ condition: [{ name: 'big', expression: 'x > 1' }] }], input: [] }] };
  t.same(apiShape({ node: [condition] }), {
    nodes: [{ configuration: { condition: { conditions: [{ name: 'big', expression: 'x > 1' }] } } }],
  });
  t.same(apiShape({ node: [{ configuration: [{ input: [{}] }], output: [{ name: 'document', type: 'Object' }] }] }), {
    nodes: [{ configuration: { input: {} }, outputs: [{ name: 'document', type: 'Object' }] }],
  });
});

t.test('API member paths read back as Terraform attribute paths', async (t) => {
  t.equal(
    terraformPath('.definition.nodes[1].configuration.prompt.sourceConfiguration'),
    '.definition[0].node[1].configuration[0].prompt[0].source_configuration',
  );
  t.equal(terraformPath('.executionRoleArn'), '.execution_role_arn');
  t.equal(terraformPath('.flowId'), '.id', 'fixture members under their Terraform names');
  t.equal(terraformPath('.trustPolicy.Statement[0].Effect'), '.assume_role_policy', 'a policy is JSON text there');
  t.equal(
    terraformPath('.variants[0].templateConfiguration.text.inputVariables[2].name'),
    '.variant[0].template_configuration[0].text[0].input_variable[2].name',
  );
});

const flowValues = { name: 'f', execution_role_arn: 'arn:aws:iam::123456789012:role/r' };

t.test('a state or plan is recognised; resources of nested modules are read, data sources left out', async (t) => {
  t.notOk(isTerraformDocument({ Resources: {} }));
  t.notOk(isTerraformDocument({ format_version: '1.0' }), 'format_version alone is not enough');
  const plan = {
    format_version: '1.2',
    planned_values: {
      outputs: { known: { sensitive: false, value: 'x' }, later: { sensitive: false } },
      root_module: {
        resources: [{ address: 'data.aws_region.r', mode: 'data', type: 'aws_region', values: {} }],
        child_modules: [
          {
            address: 'module.a',
            child_modules: [
              {
                address: 'module.a.module.b',
                resources: [
                  {
                    address: 'module.a.module.b.aws_bedrockagent_flow.f',
                    mode: 'managed',
                    type: 'aws_bedrockagent_flow',
                    values: flowValues,
                  },
                ],
              },
            ],
          },
        ],
      },
    },
    resource_changes: [
      {
        address: 'module.a.module.b.aws_bedrockagent_flow.f',
        change: { after_unknown: { id: true, definition: [{ node: [{ name: true }] }] } },
      },
    ],
  };
  t.ok(isTerraformDocument(plan));
  t.same(readTerraformDocument(plan), {
    kind: 'plan',
    resources: [
      {
        address: 'module.a.module.b.aws_bedrockagent_flow.f',
        type: 'aws_bedrockagent_flow',
        values: flowValues,
        unknown: ['definition[0].node[0].name', 'id'],
      },
    ],
    outputs: { known: 'x' },
  });
});

t.test('a document with no modelled resource, another account, or a role policy of no role: one error each', async (t) => {
  const emu = await startEmulator({ port: 0 });
  t.teardown(() => emu.close());
  const state = (...resources: unknown[]) => ({ format_version: '1.0', values: { root_module: { resources } } });
  const managed = (address: string, values: Record<string, unknown>) => ({ address, mode: 'managed', type: address.split('.')[0], values });
  const cases: [unknown, string, RegExp][] = [
    [state(managed('aws_sns_topic.t', { name: 't' })), 'values.root_module', /none of its resources is of a type the emulator models/],
    [
      state(managed('aws_iam_role.r', { name: 'r', arn: 'arn:aws:iam::111122223333:role/r' })),
      'aws_iam_role.r.arn',
      /account 111122223333 is not the emulator's account 123456789012/,
    ],
    [
      state(managed('aws_iam_role_policy.p', { role: 'nobody', policy: '{}' })),
      'aws_iam_role_policy.p.role',
      /nobody is not an aws_iam_role of this document/,
    ],
    [
      state(managed('aws_iam_role.r', { name: 'r', assume_role_policy: '{not json' })),
      'aws_iam_role.r.assume_role_policy',
      /is not a JSON policy document/,
    ],
    [
      state(managed('aws_bedrockagent_flow.f', { ...flowValues, definition: { node: [] } })),
      'aws_bedrockagent_flow.f.definition',
      /must be a list of blocks/,
    ],
  ];
  for (const [doc, path, reason] of cases) {
    const err = await emu.loadCloudFormation(doc as Record<string, unknown>, { stackName: 'x' }).catch((e: unknown) => e);
    t.ok(err instanceof FixtureError, path);
    t.match(err, { path, reason });
  }
});

t.test('validate reads a Terraform document and reports its flows by address', async (t) => {
  const { status, stdout } = await commandOutput('validate', [fileURLToPath(new URL('documents/playlist.tfstate.json', import.meta.url))]);
  t.equal(status, 0);
  t.match(stdout, /playlist\.tfstate\.json: aws_bedrockagent_flow\.playlist: Prepared\n0 error\(s\), 0 warning\(s\)/);
});
