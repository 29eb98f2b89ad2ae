/** Runs definitions on the executor directly, in the test world, collecting what the run reports. */
import { Emulator } from '../../../src/emulator.js';
import type { FlowDefinition } from '../../../src/flows/definition.js';
import { PythonProcesses } from '../../../src/fakes/python-processes.js';
import {
  compileFlow,
  DEFAULT_LIMITS,
  runFlow,
  type FlowEvent,
  type ResumeRequest,
  type RoleAuthorizer,
  type RunLimits,
  type RunResult,
  type StopSignal,
} from '../../../src/flows/index.js';
import { ALLOW_ALL } from '../../helpers/allow-all.js';
import { createLogger } from '../../../src/logger.js';
import { createClock } from '../../../src/world/clock.js';
import { createIdSource } from '../../../src/world/ids.js';
import { cloneUniverse, worldOf, type Universe } from '../../../src/world/universe.js';
import type { Json } from '../fixtures.js';
import { ACCOUNT, FLOW_ROLE, REGION, TEST_WORLD } from './world.js';

export const FLOW_ARN = `arn:aws:bedrock:${REGION}:${ACCOUNT}:flow/FLOWTEST01`;
export const ALIAS_ARN = `${FLOW_ARN}/alias/TSTALIASID`;

let loaded: Universe | undefined;

/** A fresh copy of the test world (a run may write to it); the fixtures load once per test file. */
export function testUniverse(): Universe {
  loaded ??= new Emulator({ fixtures: TEST_WORLD, iam: 'off' }, createLogger('silent')).universe;
  return cloneUniverse(loaded);
}

export interface RunOptions {
  universe?: Universe;
  authorizer?: RoleAuthorizer;
  roleArn?: string;
  trace?: boolean;
  limits?: Partial<RunLimits>;
  signal?: StopSignal;
  /** Nodes that may run at once (the alias's concurrencyConfiguration); one by default. */
  concurrency?: number;
  /** Resume a paused run (its checkpoint has the document it started from: `document` is not used). */
  resume?: ResumeRequest;
}

export interface Ran {
  result: RunResult;
  events: FlowEvent[];
  /** The documents of the flowOutput events, in order. */
  outputs: unknown[];
  kinds: string[];
}

const HARNESS_PYTHON = new PythonProcesses(createClock());

export async function run(definition: Json, document: unknown, options: RunOptions = {}): Promise<Ran> {
  const universe = options.universe ?? testUniverse();
  const events: FlowEvent[] = [];
  const result = await runFlow(
    {
      plan: compileFlow(definition as FlowDefinition),
      env: {
        universe,
        world: worldOf(universe, ACCOUNT, REGION),
        ids: createIdSource(1),
        clock: createClock(1),
        limits: { ...DEFAULT_LIMITS, ...options.limits },
        authorizer: options.authorizer ?? ALLOW_ALL,
        python: HARNESS_PYTHON,
        roleArn: options.roleArn ?? FLOW_ROLE,
        flowArn: FLOW_ARN,
        flowAliasArn: ALIAS_ARN,
        ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      },
      trace: options.trace ?? true,
      signal: options.signal ?? { aborted: false },
      ...(options.resume ? { resume: options.resume } : { document }),
    },
    { sink: (e) => void events.push(e), maxBytes: Infinity },
  );
  return {
    result,
    events,
    outputs: events.flatMap((e) => (e.kind === 'flowOutput' ? [e.document] : [])),
    kinds: events.map((e) => `${e.kind}:${e.nodeName}`),
  };
}

/** The failure of a failed run, for t.match. */
export function failure(ran: Ran) {
  if (ran.result.kind !== 'failed') throw new Error(`expected a failed run, got ${ran.result.kind}`);
  return { nodeName: ran.result.nodeName, type: ran.result.error.type, message: ran.result.error.message, extra: ran.result.error.extra };
}
