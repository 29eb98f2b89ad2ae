/**
 * An alias's concurrencyConfiguration takes effect, through the real SDK clients (docs/behaviour.md#concurrent-nodes):
 * Manual runs at most maxConcurrency nodes at once, Automatic every ready node, the test alias one at a time; the
 * stream is the same in every case.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CreateFlowAliasCommand, type FlowAliasConcurrencyConfiguration } from '@aws-sdk/client-bedrock-agent';
import t from 'tap';
import { dataConnection, type Json } from '../flows/fixtures.js';
import { completionOf, deploy, invoke, outputsOf } from '../flows/executor/sdk.js';
import { ACCOUNT, REGION, TEST_WORLD, inputNode, lambdaNode, outputNode } from '../flows/executor/world.js';
import { withEmulator } from '../helpers/emulator.js';

const GATE = fileURLToPath(new URL('../fixtures/lambda-handlers/gate.mjs', import.meta.url));
const gate: { reset(target: number): void; peakConcurrency(): number } = await import(pathToFileURL(GATE).href);

const { agent, runtime } = await withEmulator(t, {
  fixtures: [...TEST_WORLD, { account: ACCOUNT, region: REGION, lambdaFunctions: [{ name: 'gate', handler: GATE, timeoutMs: 5000 }] }],
});
const control = agent();
const client = runtime();

const names = ['Alpha', 'Beta', 'Gamma'];
const flowId = await deploy(control, {
  nodes: [
    inputNode(),
    ...names.map((n) => lambdaNode(n, 'gate', [['payload', 'Object', '$.data']])),
    ...names.map((n) => outputNode(`${n}Out`, 'Object')),
  ],
  connections: [
    ...names.map((n) => dataConnection('FlowInput', 'document', n, 'payload')),
    ...names.map((n) => dataConnection(n, 'functionResponse', `${n}Out`, 'document')),
  ],
} as Json);

const aliasWith = async (name: string, concurrencyConfiguration: FlowAliasConcurrencyConfiguration) =>
  (
    await control.send(
      new CreateFlowAliasCommand({
        flowIdentifier: flowId,
        name,
        routingConfiguration: [{ flowVersion: 'DRAFT' }],
        concurrencyConfiguration,
      }),
    )
  ).id!;

const runThrough = async (alias: string, target: number) => {
  gate.reset(target);
  const run = await invoke(client, flowId, { order: 1 }, { alias, trace: true });
  return { run, peak: gate.peakConcurrency() };
};

t.test('Manual: at most maxConcurrency nodes at once; Automatic: every ready node; TSTALIASID: one', async (t) => {
  const manual = await aliasWith('manual', { type: 'Manual', maxConcurrency: 2 });
  const automatic = await aliasWith('automatic', { type: 'Automatic' });
  // Each event as its member and the node it is about (a trace's inner member names it).
  const kinds = (run: Json) =>
    run.events.map((e: Json) => {
      const [member, body] = Object.entries(e)[0] as [string, Json];
      const trace = body.trace ? Object.entries(body.trace)[0] : undefined;
      return `${member}:${trace ? `${trace[0]}:${(trace[1] as Json).nodeName}` : (body.nodeName ?? '')}`;
    });
  const one = await runThrough('TSTALIASID', 1);
  t.equal(one.peak, 1);
  t.same(
    outputsOf(one.run),
    names.map((node) => ({ node, value: { order: 1 } })),
  );
  t.equal(completionOf(one.run), 'SUCCESS');
  t.ok(kinds(one.run).includes('flowTraceEvent:nodeActionTrace:Gamma'), 'traces included');
  for (const [alias, target] of [
    [manual, 2],
    [automatic, 3],
  ] as const) {
    // The gate holds each call until `target` wait at once, then ends the last-started first.
    const many = await runThrough(alias, target);
    t.equal(many.peak, target, `${target} nodes at once`);
    t.same(outputsOf(many.run), outputsOf(one.run), 'outputs in plan order');
    t.same(kinds(many.run), kinds(one.run), 'the same events in the same order');
    t.equal(completionOf(many.run), 'SUCCESS');
  }
});
