/** Property: validateDefinition and validateReferences never throw, whatever they are given (seeded). */
import t from 'tap';
import {
  FLOW_NODE_TYPES,
  SEVERITY,
  validateDefinition,
  validateReferences,
  type FlowValidation,
  type ReferenceResolver,
} from '../../src/flows/index.js';
import { conditionFlow, iteratorFlow, loopFlow, playlistFlow, type Json } from './fixtures.js';

/** mulberry32: a small deterministic PRNG. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['FlowInput', 'FlowOutput', 'A', 'B', 'Step', 'default', 'document', 'genre', 'x', ''];
const WORDS = [
  ...FLOW_NODE_TYPES,
  'Data',
  'Conditional',
  'String',
  'Number',
  'Object',
  'Array',
  'Boolean',
  '$.data',
  '$.data.x[0:2]',
  'a > 1',
  '(',
  'ExitLoop',
];
const KEYS = [
  'name',
  'type',
  'configuration',
  'inputs',
  'outputs',
  'expression',
  'nodes',
  'connections',
  'definition',
  'data',
  'conditional',
  'condition',
  'conditions',
  'sourceOutput',
  'targetInput',
  'source',
  'target',
  'loop',
  'input',
  'prompt',
  'sourceConfiguration',
  'inline',
  'templateConfiguration',
  'text',
  'category',
  'continueCondition',
  'loopController',
  '__proto__',
];

function garbage(next: () => number, depth: number): Json {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const roll = next();
  if (depth > 5 || roll < 0.15) return pick([null, undefined, true, 0, -1, 1.5, Number.NaN, '', pick(NAMES), pick(WORDS)]);
  if (roll < 0.35) return Array.from({ length: Math.floor(next() * 5) }, () => garbage(next, depth + 1));
  const object: Json = {};
  for (let i = Math.floor(next() * 6); i > 0; i--) object[pick(KEYS)] = garbage(next, depth + 1);
  return object;
}

/** Damages a valid flow in place: deletes, swaps or replaces one value somewhere in it. */
function damage(value: Json, next: () => number): Json {
  const containers: Json[] = [];
  const walk = (v: Json) => {
    if (v && typeof v === 'object') {
      containers.push(v);
      Object.values(v).forEach(walk);
    }
  };
  walk(value);
  for (let i = 0; i < 3; i++) {
    const target = containers[Math.floor(next() * containers.length)];
    const keys = Object.keys(target);
    if (keys.length === 0) continue;
    const key = keys[Math.floor(next() * keys.length)]!;
    if (next() < 0.3) delete target[key];
    else target[key] = garbage(next, 3);
  }
  return value;
}

const world: ReferenceResolver = {
  promptExists: () => false,
  promptVersionExists: () => false,
  knowledgeBaseExists: () => false,
  agentAliasExists: () => false,
  lambdaFunctionExists: () => true,
  lambdaQualifierExists: () => false,
  lexBotAliasLocales: () => [],
  bucketExists: () => false,
  guardrailExists: () => false,
};

function wellFormed(validations: readonly FlowValidation[]): boolean {
  return (
    validations.length <= 100 &&
    validations.every((v) => {
      const key = v.type[0]!.toLowerCase() + v.type.slice(1);
      return (
        SEVERITY[v.type] === v.severity &&
        typeof v.message === 'string' &&
        v.message.length > 0 &&
        Object.keys(v.details).length === 1 &&
        Object.hasOwn(v.details, key)
      );
    })
  );
}

t.test('random garbage and damaged flows never make the validators throw', async (t) => {
  const next = random(20240605);
  const makers = [playlistFlow, conditionFlow, iteratorFlow, loopFlow];
  let failures = 0;
  for (let i = 0; i < 3000; i++) {
    const input = i % 2 === 0 ? garbage(next, 0) : damage(makers[i % makers.length]!(), next);
    try {
      if (!wellFormed(validateDefinition(input)) || !wellFormed(validateReferences(input, world))) failures++;
    } catch (error) {
      failures++;
      t.fail(`threw on input #${i}: ${String(error)}`);
      break;
    }
  }
  t.equal(failures, 0);
});

t.test('hostile shapes: deep loop nesting, long chains, cycles everywhere', async (t) => {
  let definition: Json = { nodes: [] };
  for (let i = 0; i < 200; i++) {
    definition = { nodes: [{ type: 'Loop', name: `L${i}`, configuration: { loop: { definition } } }], connections: [] };
  }
  t.ok(wellFormed(validateDefinition(definition)));
  for (const closed of [true, false]) {
    const chain = {
      nodes: [{ type: 'Input', name: 'N0', outputs: [{ name: 'document', type: 'Object' }] }] as Json[],
      connections: [] as Json[],
    };
    for (let i = 1; i < 5000; i++) {
      chain.nodes.push({ type: 'LambdaFunction', name: `N${i}`, inputs: [{ name: 'in', type: 'Object', expression: '$.data' }] });
      chain.connections.push({
        type: 'Data',
        name: `C${i}`,
        source: `N${i - 1}`,
        target: `N${i}`,
        configuration: { data: { sourceOutput: i === 1 ? 'document' : 'functionResponse', targetInput: 'in' } },
      });
    }
    if (closed)
      chain.connections.push({
        type: 'Data',
        name: 'Back',
        source: 'N4999',
        target: 'N1',
        configuration: { data: { sourceOutput: 'functionResponse', targetInput: 'in' } },
      });
    t.ok(wellFormed(validateDefinition(chain)), closed ? 'a 5000-node cycle' : 'a 5000-node chain');
  }
});
