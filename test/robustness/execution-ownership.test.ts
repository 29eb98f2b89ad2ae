/**
 * Flow executions belong to their emulator: reset() and a fixture load replace the world, and the runs started in
 * the old one stop there (they end Aborted and record nothing more) instead of writing into records the world no
 * longer holds. A Lambda node holds each run (handlers/gate.mjs) while the world is replaced.
 */
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { Emulator } from '../../src/emulator.js';
import type { FixtureDocument } from '../../src/fixtures/schema.js';
import { createLogger } from '../../src/logger.js';
import { StartFlowExecution } from '../../src/operations/runtime/StartFlowExecution.js';
import { worldOf } from '../../src/world/universe.js';
import { dataConnection } from '../flows/fixtures.js';
import { arm } from './handlers/gate.mjs';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/service-role/AmazonBedrockExecutionRoleForFlows_DEFAULT001`;
const gatedFlow = {
  flowId: 'GATEDFLOW1',
  name: 'gated',
  executionRoleArn: ROLE,
  prepare: true,
  definition: {
    nodes: [
      { type: 'Input', name: 'FlowInput', outputs: [{ name: 'document', type: 'Object' }] },
      {
        type: 'LambdaFunction',
        name: 'Gate',
        configuration: { lambdaFunction: { lambdaArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:gate` } },
        inputs: [{ name: 'event', type: 'Object', expression: '$.data' }],
        outputs: [{ name: 'functionResponse', type: 'Object' }],
      },
      { type: 'Output', name: 'Out', inputs: [{ name: 'document', type: 'Object', expression: '$.data' }] },
    ],
    connections: [
      dataConnection('FlowInput', 'document', 'Gate', 'event', 'FlowInput_Gate'),
      dataConnection('Gate', 'functionResponse', 'Out', 'document', 'Gate_Out'),
    ],
  },
};
const FIXTURE: FixtureDocument = {
  account: ACCOUNT,
  region: REGION,
  lambdaFunctions: [{ name: 'gate', handler: fileURLToPath(new URL('./handlers/gate.mjs', import.meta.url)) }],
  flows: [gatedFlow],
};

/** An emulator with one execution held inside its Lambda node: the record as the world held it then. */
async function heldExecution() {
  const emulator = new Emulator({ fixtures: [FIXTURE], iam: 'off' }, createLogger('silent', false));
  await emulator.importHandlers();
  const gate = arm();
  const world = worldOf(emulator.universe, ACCOUNT, REGION);
  const { executionArn } = StartFlowExecution(emulator.contextFor(world, { arn: `arn:aws:iam::${ACCOUNT}:root`, account: ACCOUNT }), {
    flowIdentifier: 'GATEDFLOW1',
    flowAliasIdentifier: 'TSTALIASID',
    inputs: [{ nodeName: 'FlowInput', nodeOutputName: 'document', content: { document: { n: 1 } } }],
  });
  await gate.entered;
  const record = world.executions.runs.get(executionArn)!;
  return { emulator, gate, record, executionArn, eventsBefore: record.events.length };
}

t.test('reset() stops a running flow execution: it ends Aborted and records nothing afterwards', async (t) => {
  const { emulator, gate, record, eventsBefore } = await heldExecution();
  t.equal(record.status, 'Running');
  emulator.reset();
  gate.open();
  await emulator.env.executions.settled();
  t.equal(record.status, 'Aborted');
  t.ok(record.endedAt);
  t.equal(record.events.length, eventsBefore, 'no event was written after the reset');
  emulator.close();
});

t.test('a fixture load stops a running execution, and the new world holds it as Aborted', async (t) => {
  const { emulator, gate, record, executionArn, eventsBefore } = await heldExecution();
  emulator.load({ account: ACCOUNT, region: REGION, flows: [{ flowId: 'OTHERFLOW1', name: 'other', executionRoleArn: ROLE }] });
  gate.open();
  await emulator.env.executions.settled();
  const copy = worldOf(emulator.universe, ACCOUNT, REGION).executions.runs.get(executionArn);
  t.equal(copy?.status, 'Aborted', "the new world's copy does not stay Running");
  t.equal(record.status, 'Aborted');
  t.equal(record.events.length, eventsBefore);
  emulator.close();
});

t.test('a failed fixture load changes nothing: the execution runs on to its end', async (t) => {
  const { emulator, gate, record } = await heldExecution();
  t.throws(() => emulator.load({ flows: [{ flowId: 'bad id', name: 'x' }] }));
  gate.open();
  await emulator.env.executions.settled();
  t.equal(record.status, 'Succeeded');
  emulator.close();
});
