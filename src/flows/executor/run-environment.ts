/** What every node of one run shares: the world it runs in, who it runs as, and its bounds. */
import type { PythonProcesses } from '../../fakes/python-processes.js';
import type { Clock } from '../../world/clock.js';
import type { IdSource } from '../../world/ids.js';
import type { Universe } from '../../world/universe.js';
import type { World } from '../../world/world.js';
import type { RunLimits } from './limits.js';
import type { RoleAuthorizer } from './role-checks.js';
import type { RunLog } from '../../run-log.js';
import type { CallFaults } from './call-faults.js';

/** `--record-models` (src/fixtures/model-recorder.ts): keeps what model backends answered, as rules to replay. */
export interface ModelRecorder {
  record(modelId: string, prompt: string, completion: string): void;
}

export interface RunEnvironment {
  readonly universe: Universe;
  /** The account and region the flow lives in (prompts, ARNs). */
  readonly world: World;
  readonly ids: IdSource;
  /** The emulator's clock: event timestamps, the run's deadline and time slices, node durations. */
  readonly clock: Clock;
  readonly limits: RunLimits;
  readonly authorizer: RoleAuthorizer;
  /** The emulator's python3 children (InlineCode): shared by its runs, capped, killed when it stops. */
  readonly python: PythonProcesses;
  readonly roleArn: string;
  readonly flowArn: string;
  /** With `TSTALIASID` for runs of the draft. */
  readonly flowAliasArn: string;
  /** How many nodes may run at once (concurrency.ts: the alias's concurrencyConfiguration); absent, one. */
  readonly concurrency?: number;
  /**
   * The request's `modelPerformanceConfiguration.performanceConfig` (InvokeFlow, StartFlowExecution): Prompt nodes
   * pass it on to Converse, whose request has the same member.
   */
  readonly performanceConfig?: { readonly latency?: string };
  /** The run's execution id, which its role decisions are logged with (GET /_emulator/decisions). */
  readonly executionId?: string;
  /** `--record-models`: where the answers of model backends are written as rules (docs/models.md). */
  readonly modelRecorder?: ModelRecorder;
  /** Where node progress and Lambda handler output go (at debug); absent in hand-built unit-test environments. */
  readonly log?: RunLog;
  /** Injected faults for the nodes' downstream calls (call-faults.ts); absent when no rule could fire. */
  readonly faults?: CallFaults;
}
