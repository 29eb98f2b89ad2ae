/**
 * One emulator: its world, the fixtures it started from, its settings and its decision log. The HTTP server is a
 * view of it (server/build-server.ts); tests may also drive it directly.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import { FixtureError } from './fixtures/fixture-error.js';
import { applyDefaultAdministrator, turnsOffDefaultAdministrator } from './fixtures/default-administrator.js';
import { exportState } from './fixtures/export-state.js';
import { checkHandlerFiles, importHandlers } from './fixtures/lambda-handlers.js';
import { applyFixtures } from './fixtures/load-fixtures.js';
import { checkFixture, readFixtureFile, type LoadedFixture } from './fixtures/read-fixture.js';
import type { FixtureDocument } from './fixtures/schema.js';
import { AWS_QUOTAS, createContext, type Caller, type Environment, type OperationContext, type Quotas } from './operations/context.js';
import { ExecutionRuns } from './operations/runtime/execution-runs.js';
import { DEFAULT_FIXTURES } from './package-root.js';
import type { IamMode } from './access/caller-authorizer.js';
import { DecisionLog } from './access/decision-log.js';
import { executionRoleAuthorizer } from './access/execution-role-authorizer.js';
import { flowRolePoliciesOf, type FlowRolePolicies, type FlowRolePolicyQuery, type PolicyJson } from './access/flow-role-policy.js';
import { leastPrivilegePolicy } from './access/least-privilege.js';
import { ModelRecorder } from './fixtures/model-recorder.js';
import { PythonProcesses } from './fakes/python-processes.js';
import { createClock, type Clock } from './world/clock.js';
import { createIdSource } from './world/ids.js';
import type { RoleAuthorizer, RunLog } from './flows/index.js';
import { createUniverse, type Universe } from './world/universe.js';
import type { World } from './world/world.js';

export interface EmulatorOptions {
  /** Fixture files or documents; default: the bundled fixtures/default.json. */
  fixtures?: (string | FixtureDocument)[];
  iam?: IamMode;
  /** Deterministic ids and timestamps. */
  seed?: number;
  /** The emulator's time (default: real time, with record timestamps from a fake 2025 clock under `seed`); tests inject one. */
  clock?: Clock;
  /** CreateFlow/UpdateFlow authorize iam:PassRole on the execution role (default true). */
  passRoleCheck?: boolean;
  prepareDelayMs?: number;
  quotas?: Partial<Quotas>;
  /** Writes every answer of a model backend to this file as exact-match model rules, a fixture to replay (docs/models.md). */
  recordModels?: string;
}

export class Emulator {
  readonly env: Environment;
  readonly decisions: DecisionLog;
  readonly passRoleCheck: boolean;
  /** InlineCode's python3 children: this emulator's own, killed by close(). */
  readonly python: PythonProcesses;
  private current!: Universe;
  private currentRoleAuthorizer!: RoleAuthorizer;
  private readonly initial: LoadedFixture[];

  constructor(
    options: EmulatorOptions,
    readonly log: Logger,
  ) {
    this.passRoleCheck = options.passRoleCheck ?? true;
    // The emulator's one clock (src/world/clock.ts): every record, event, log entry and timeout reads it.
    const clock = options.clock ?? createClock(options.seed);
    this.decisions = new DecisionLog(clock);
    this.python = new PythonProcesses(clock);
    this.env = {
      ids: createIdSource(options.seed),
      settings: {
        iamMode: options.iam ?? 'enforce',
        prepareDelayMs: options.prepareDelayMs ?? 0,
        quotas: { ...AWS_QUOTAS, ...options.quotas },
      },
      clock,
      executions: new ExecutionRuns(),
      ...(options.recordModels ? { modelRecorder: new ModelRecorder(options.recordModels, (message) => log.warn(message)) } : {}),
    };
    this.initial = (options.fixtures ?? [DEFAULT_FIXTURES]).map((f, i) => read(f, `fixtures[${i}]`));
    this.universe = this.build();
  }

  get mode(): IamMode {
    return this.env.settings.iamMode;
  }

  get universe(): Universe {
    return this.current;
  }

  /** The execution-role checks against the current world (PrepareFlow, InvokeFlow). */
  get executionRoleAuthorizer(): RoleAuthorizer {
    return this.currentRoleAuthorizer;
  }

  /** Runs started in the world being replaced would keep writing into its records: they stop first. */
  /** The context an operation runs in against this emulator's current world (src/server/pipeline.ts, the CLI). */
  contextFor(world: World, caller: Caller, log?: RunLog): OperationContext {
    return createContext(this.env, {
      universe: this.current,
      world,
      caller,
      roleAuthorizer: this.currentRoleAuthorizer,
      python: this.python,
      ...(log ? { log } : {}),
    });
  }

  private set universe(universe: Universe) {
    this.env.executions.stopAll(universe, this.env.clock);
    this.current = universe;
    this.currentRoleAuthorizer = executionRoleAuthorizer(universe, this.mode, this.decisions, this.log);
  }

  /**
   * Lint findings in the user's fixtures are warnings. The bundled world's one (the prerequisites page's policy names
   * bedrock:DeleteFlowVersions, kept on purpose: README "IAM") would greet every start and every test, so it is debug.
   */
  private readonly warn = (where: string, message: string) => {
    if (this.bundledSources().some((source) => where.startsWith(`${source}:`))) this.log.debug(`fixture ${where}: ${message}`);
    else this.log.warn(`fixture ${where}: ${message}`);
  };

  private bundled: string[] | undefined;

  /**
   * The start-up files that are the bundled world: its own path, or a byte-identical copy (the image's /fixtures).
   * Read once, on the first warning: the start-up fixtures never change, and every reset() replays their warnings.
   */
  private bundledSources(): string[] {
    if (this.bundled) return this.bundled;
    const bundled = readFileSync(DEFAULT_FIXTURES);
    this.bundled = this.initial
      .filter((f) => f.source === DEFAULT_FIXTURES || (existsSync(f.source) && readFileSync(f.source).equals(bundled)))
      .map((f) => f.source);
    return this.bundled;
  }

  private build(): Universe {
    const base = createUniverse();
    const first = this.initial[0]?.doc;
    if (first?.account) base.defaultAccount = first.account;
    if (first?.region) base.defaultRegion = first.region;
    const universe = applyFixtures(base, this.env, this.initial, this.warn);
    applyDefaultAdministrator(universe, !this.initial.some(turnsOffDefaultAdministrator));
    return universe;
  }

  /** Back to the state right after start-up. */
  reset(): void {
    this.universe = this.build();
    this.decisions.clear();
  }

  /**
   * Imports the start-up fixtures' Lambda handler modules and checks each exports `handler` (the constructor,
   * being synchronous, checked only that the files exist); throws FixtureError.
   */
  async importHandlers(): Promise<void> {
    await importHandlers(this.initial);
  }

  /**
   * Applies one more fixture document, all or nothing; throws FixtureError. Synchronous, so of a Lambda handler
   * it checks that the file exists; loadChecked() also imports it.
   */
  load(fixture: unknown, source = 'fixture'): void {
    this.apply(read(fixture, source));
  }

  /** load(), with each Lambda handler module imported and its `handler` export checked before anything applies. */
  async loadChecked(fixture: unknown, source = 'fixture'): Promise<void> {
    const loaded = read(fixture, source);
    await importHandlers([loaded]);
    this.apply(loaded);
  }

  private apply(loaded: LoadedFixture): void {
    const universe = applyFixtures(this.universe, this.env, [loaded], this.warn);
    if (turnsOffDefaultAdministrator(loaded)) applyDefaultAdministrator(universe, false);
    this.universe = universe;
  }

  /** GET /_emulator/iam/flow-role-policy (src/access/flow-role-policy.ts). */
  flowRolePolicy(query: FlowRolePolicyQuery): FlowRolePolicies {
    return flowRolePoliciesOf(this.universe, query);
  }

  /** GET /_emulator/iam/least-privilege (src/access/least-privilege.ts). */
  leastPrivilegePolicy(principal: string | undefined): PolicyJson {
    return leastPrivilegePolicy(this.decisions, principal).policy;
  }

  state(): FixtureDocument {
    return exportState(this.universe);
  }

  /**
   * Ends what outlives requests: running flow executions stop, running python3 children are killed, queued and
   * later InlineCode runs refused.
   */
  close(): void {
    this.env.executions.stopAll(undefined, this.env.clock);
    this.python.close();
  }
}

/** A fixture file (path) or document, read and checked, its Lambda handler files found. */
function read(fixture: unknown, source: string): LoadedFixture {
  const loaded = typeof fixture === 'string' ? readFixtureFile(fixture) : checkFixture(fixture, source, process.cwd());
  checkHandlerFiles(loaded);
  return loaded;
}

export { FixtureError };
