/** What every operation receives besides its input: the state it acts on and who is asking. */
import type { PythonProcesses } from '../fakes/python-processes.js';
import type { CallFaults, ModelRecorder, RoleAuthorizer, RunLog } from '../flows/index.js';
import type { IamMode } from '../access/caller-authorizer.js';
import type { Clock } from '../world/clock.js';
import type { IdSource } from '../world/ids.js';
import type { RunRecorder } from '../runs/index.js';
import type { ExecutionRuns } from './runtime/execution-runs.js';
import type { Universe } from '../world/universe.js';
import type { World } from '../world/world.js';

export interface Caller {
  /** The principal ARN as AWS reports it (user, assumed-role session, root). */
  arn: string;
  account: string;
}

export interface Settings {
  /** How callers and execution roles are checked (enforce, audit, off). */
  iamMode: IamMode;
  /** How long PrepareFlow reports `Preparing` before its result shows (0: settled at the next read). */
  prepareDelayMs: number;
  /** AWS's count quotas (https://docs.aws.amazon.com/general/latest/gr/bedrock.html#limits_bedrock); adjustable, as some are on AWS. */
  quotas: Quotas;
}

export interface Quotas {
  flowsPerAccount: number;
  versionsPerFlow: number;
  aliasesPerFlow: number;
  promptsPerAccount: number;
  versionsPerPrompt: number;
  knowledgeBasesPerAccount: number;
  agentsPerAccount: number;
  aliasesPerAgent: number;
  /** Flow executions running at once per account (AWS: 1,000 flow executions per account, adjustable). */
  runningExecutionsPerAccount: number;
  /** Emulator bounds on what requests leave behind (see RETENTION_BOUNDS below). */
  executionsPerAlias: number;
  pausedRunsPerAccount: number;
  idempotencyEntries: number;
  idempotencyResponseBytes: number;
  executionEventBytes: number;
}

/**
 * What the emulator keeps at most, per account and region, so that no stream of requests grows its memory without
 * bound. AWS keeps ended executions 90 days and paused multi-turn runs until they time out; a local emulator keeps
 * the newest ones instead (the oldest ended execution, the oldest paused run, the oldest clientToken go first).
 */
export const RETENTION_BOUNDS = {
  /** Executions kept per flow alias, running or ended (GetFlowExecution, ListFlowExecutions). */
  executionsPerAlias: 1_000,
  /** InvokeFlow runs waiting for a multi-turn answer. */
  pausedRunsPerAccount: 100,
  /** Remembered Create clientTokens (each keeps an input hash and the response), and their responses' JSON bytes. */
  idempotencyEntries: 10_000,
  idempotencyResponseBytes: 16 * 1024 * 1024,
  /**
   * Events of kept executions, all aliases together (each execution records at most 8 MiB, but 1,000 per alias
   * could still hold gigabytes): past it, the oldest ended executions go first.
   */
  executionEventBytes: 256 * 1024 * 1024,
};

export const AWS_QUOTAS: Quotas = {
  flowsPerAccount: 100,
  versionsPerFlow: 10,
  aliasesPerFlow: 10,
  promptsPerAccount: 500,
  versionsPerPrompt: 10,
  knowledgeBasesPerAccount: 100,
  agentsPerAccount: 200,
  aliasesPerAgent: 10,
  runningExecutionsPerAccount: 1_000,
  ...RETENTION_BOUNDS,
};

/** What stays the same across requests of one emulator. */
export interface Environment {
  ids: IdSource;
  settings: Settings;
  /** The emulator's one clock: record timestamps, wall time for time-based state, monotonic time for timeouts. */
  clock: Clock;
  /** The flow executions running in the background (StartFlowExecution), owned by the emulator. */
  executions: ExecutionRuns;
  /** InlineCode's python3 children, owned by the emulator: its close() kills them. */
  python: PythonProcesses;
  /** Run records of every InvokeFlow and execution (src/runs/); absent in hand-built contexts, which record nothing. */
  runs?: RunRecorder;
  /** `--record-models`: where model backends' answers are written as rules (docs/models.md). */
  modelRecorder?: ModelRecorder;
}

/** What one operation acts on and for whom, besides what its emulator's Environment gives every operation. */
export interface ContextParts {
  universe: Universe;
  world: World;
  caller: Caller;
  /** The flow execution role's IAM checks (PrepareFlow, InvokeFlow); unit tests pass an allow-all one explicitly. */
  roleAuthorizer: RoleAuthorizer;
  /** The request's logger, for what flow runs report at debug; absent only in hand-built unit-test contexts. */
  log?: RunLog;
  /** Fault rules for what runs' nodes call (docs/faults.md); absent when there are none. */
  faults?: CallFaults;
}

export interface OperationContext extends Environment, ContextParts {}

/**
 * The one way an OperationContext is made: by the server per request (Emulator.contextFor), by fixture loading
 * per entry (src/fixtures/fixture-steps.ts) and by the CLI's validate. Members one by one, not spreads: this runs
 * on every request.
 */
export function createContext(env: Environment, parts: ContextParts): OperationContext {
  const context: OperationContext = {
    ids: env.ids,
    settings: env.settings,
    clock: env.clock,
    executions: env.executions,
    python: env.python,
    universe: parts.universe,
    world: parts.world,
    caller: parts.caller,
    roleAuthorizer: parts.roleAuthorizer,
  };
  if (env.runs) context.runs = env.runs;
  if (env.modelRecorder) context.modelRecorder = env.modelRecorder;
  if (parts.log) context.log = parts.log;
  if (parts.faults) context.faults = parts.faults;
  return context;
}
