/**
 * README, Use it for local development: the administrator `test`/`test` exists in every world unless a fixture
 * turns it off, and the credentials startEmulator() returns always work — whatever fixtures were loaded.
 */
import { ListFlowsCommand } from '@aws-sdk/client-bedrock-agent';
import t from 'tap';
import { ADMIN, withEmulator } from '../helpers/emulator.js';

const listFlows = new ListFlowsCommand({});
const MODELS_ONLY = { models: [{ modelId: '*', rules: [], fallback: 'echo' as const }] };
const OTHER_ACCOUNT_DEV = {
  account: '111122223333',
  identities: [
    {
      arn: 'arn:aws:iam::111122223333:user/dev',
      accessKeyId: 'AKIAOTHERDEV00000001',
      secretAccessKey: 'dev',
      managedPolicies: ['AmazonBedrockReadOnly'],
    },
  ],
};

t.test('a fixture without identities: the returned credentials are test/test and they work', async (t) => {
  const { emu, agent } = await withEmulator(t, { fixtures: [MODELS_ONLY] });
  t.same(emu.credentials, ADMIN);
  t.same((await agent(emu.credentials).send(listFlows)).flowSummaries, []);
});

t.test("fixtures with their own identities: test/test still works, as the fixtures' account's administrator", async (t) => {
  const { emu, agent } = await withEmulator(t, { fixtures: [OTHER_ACCOUNT_DEV] });
  t.equal(emu.credentials.accessKeyId, 'AKIAOTHERDEV00000001', 'the first identity of the fixtures, as before');
  t.ok(await agent(emu.credentials).send(listFlows));
  t.ok(await agent(ADMIN).send(listFlows));
  t.equal(emu.state().identities?.find((i) => i.accessKeyId === 'test')?.arn, 'arn:aws:iam::111122223333:user/test');
});

t.test('"defaultAdministrator": false turns it off, at start-up or later; reset() restores the start-up world', async (t) => {
  const off = await withEmulator(t, { fixtures: [{ ...OTHER_ACCOUNT_DEV, defaultAdministrator: false }] });
  await t.rejects(off.agent(ADMIN).send(listFlows), { name: 'UnrecognizedClientException' });

  const later = await withEmulator(t, { fixtures: [MODELS_ONLY] });
  t.ok(await later.agent(ADMIN).send(listFlows));
  later.emu.load({ defaultAdministrator: false });
  await t.rejects(later.agent(ADMIN).send(listFlows), { name: 'UnrecognizedClientException' });
  later.emu.reset();
  t.ok(await later.agent(ADMIN).send(listFlows));
});

t.test("a fixture's own `test` identity takes the administrator's place, at start-up or loaded later", async (t) => {
  const readOnly = {
    identities: [
      {
        arn: 'arn:aws:iam::123456789012:user/ci',
        accessKeyId: 'test',
        secretAccessKey: 'test',
        policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'bedrock:ListFlows', Resource: '*' }] }],
      },
    ],
  };
  const { emu, agent } = await withEmulator(t, { fixtures: [MODELS_ONLY] });
  emu.load(readOnly);
  await t.rejects(agent(ADMIN).send(listFlows), { name: 'AccessDeniedException', message: /user\/ci is not authorized/ });
});
