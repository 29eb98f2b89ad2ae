/**
 * One emulator: its world, the fixtures it started from, its settings and its decision log. The HTTP server is a
 * view of it (server/build-server.ts); tests may also drive it directly.
 */
import { createHash } from 'node:crypto';
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
import { flowRoleGaps, type FlowRoleGaps } from './access/flow-role-gaps.js';
import { leastPrivilegePolicy } from './access/least-privilege.js';
import { RunRecorder } from './runs/index.js';
import { ModelRecorder } from './fixtures/model-recorder.js';
import { PythonProcesses } from './fakes/python-processes.js';
import { FaultInjector } from './faults/fault-injector.js';
import { RequestRates } from './faults/request-rates.js';
import { createClock, type Clock } from './world/clock.js';
import { createIdSource } from './world/ids.js';
import type { RoleAuthorizer, RunLog } from './flows/index.js';
import { createUniverse, type Universe } from './world/universe.js';
import type { World } from './world/world.js';
import type { Deployed } from './cloudformation/deploy-template.js';
import { loadYamlParser } from './cloudformation/parse-template.js';
import { readTemplateFile, type TemplateSource, templateSource } from './cloudformation/read-template.js';
import { type DeployContext, importStackHandlers, type StackRecord, Stacks } from './cloudformation/stacks.js';

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
  /**
   * CloudFormation / CDK-synthesized templates (paths, JSON or YAML, or template objects) and `terraform show
   * -json` documents, deployed after the fixtures (docs/cloudformation.md). Trusted: their inline Lambda code runs.
   */
  cloudformation?: (string | Record<string, unknown>)[];
  /** Template parameter values, and the values Fn::ImportValue finds. */
  parameters?: Record<string, string>;
  /** AWS's documented request rates per account and operation, ThrottlingException past them (docs/faults.md). */
  throttle?: boolean;
  /** Writes every answer of a model backend to this file as exact-match model rules, a fixture to replay (docs/models.md). */
  recordModels?: string;
}

export interface LoadTemplateOptions {
  /** Default: the file's name (`MyStack.template.json` → MyStack), or `stack-<hash>` for a document. */
  stackName?: string;
  /** More parameter values, over the emulator's own. */
  parameters?: Record<string, string>;
  /** False for a template that arrived over HTTP: its inline Lambda code is refused. Default true. */
  trusted?: boolean;
}

export class Emulator {
  readonly env: Environment;
  readonly decisions: DecisionLog;
  readonly passRoleCheck: boolean;
  /** InlineCode's python3 children: this emulator's own, killed by close(). */
  readonly python: PythonProcesses;
  /** What each InvokeFlow and flow execution did (GET /_emulator/runs). */
  readonly runs: RunRecorder;
  /** Injected errors and latency (docs/faults.md): the fixtures' rules, restored by reset(), and those added since. */
  readonly faults: FaultInjector;
  /** --throttle: AWS's request rates; absent, nothing is rate limited. */
  readonly rates: RequestRates | undefined;
  private current!: Universe;
  private currentRoleAuthorizer!: RoleAuthorizer;
  private readonly initial: LoadedFixture[];
  private readonly templates: TemplateSource[];
  private readonly parameters: Record<string, string>;
  private currentStacks = Stacks.none;
  /** The start-up templates as deployed by the last build, for importHandlers(). */
  private initialStacks: Deployed[] = [];

  constructor(
    options: EmulatorOptions,
    readonly log: Logger,
  ) {
    this.passRoleCheck = options.passRoleCheck ?? true;
    // The emulator's one clock (src/world/clock.ts): every record, event, log entry and timeout reads it.
    const clock = options.clock ?? createClock(options.seed);
    this.decisions = new DecisionLog(clock);
    this.python = new PythonProcesses(clock);
    this.runs = new RunRecorder(clock);
    this.faults = new FaultInjector(clock, options.seed, log);
    this.rates = options.throttle ? new RequestRates(clock) : undefined;
    this.env = {
      ids: createIdSource(options.seed),
      settings: {
        iamMode: options.iam ?? 'enforce',
        prepareDelayMs: options.prepareDelayMs ?? 0,
        quotas: { ...AWS_QUOTAS, ...options.quotas },
      },
      clock,
      executions: new ExecutionRuns(),
      python: this.python,
      runs: this.runs,
      ...(options.recordModels ? { modelRecorder: new ModelRecorder(options.recordModels, (message) => log.warn(message)) } : {}),
    };
    this.initial = (options.fixtures ?? [DEFAULT_FIXTURES]).map((f, i) => read(f, `fixtures[${i}]`));
    this.parameters = { ...options.parameters };
    this.templates = (options.cloudformation ?? []).map((t, i) =>
      typeof t === 'string' ? readTemplateFile(t) : templateSource(t, `cloudformation[${i}]`, `stack-${i}`),
    );
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
  contextFor(world: World, caller: Caller, log?: RunLog, noteFault?: (ruleId: string) => void): OperationContext {
    return createContext(this.env, {
      universe: this.current,
      world,
      caller,
      roleAuthorizer: this.currentRoleAuthorizer,
      ...(log ? { log } : {}),
      // Only with rules to ask: a run without them makes no call to the injector.
      ...(this.faults.hasCallRules ? { faults: noteFault ? this.faults.noting(noteFault) : this.faults } : {}),
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

  /** The fixtures, then the templates (fixtures first: a template may use what they declare). */
  private build(): Universe {
    const base = createUniverse();
    const first = this.initial[0]?.doc;
    if (first?.account) base.defaultAccount = first.account;
    if (first?.region) base.defaultRegion = first.region;
    let universe = applyFixtures(base, this.env, this.initial, this.warn);
    applyDefaultAdministrator(universe, !this.initial.some(turnsOffDefaultAdministrator));
    let stacks = Stacks.none;
    const deployed: Deployed[] = [];
    for (const template of this.templates) {
      const next = stacks.deploy(universe, template, true, this.deployContext());
      universe = next.deployed.universe;
      stacks = next.stacks;
      deployed.push(next.deployed);
    }
    this.currentStacks = stacks;
    this.initialStacks = deployed;
    this.faults.replace(this.initial.map((f) => ({ source: f.source, rules: f.doc.faults ?? [] })));
    return universe;
  }

  private deployContext(parameters: Record<string, string> = {}): DeployContext {
    return {
      env: this.env,
      parameters: { ...this.parameters, ...parameters },
      log: (message) => this.log.info(`cloudformation: ${message}`),
      warn: this.warn,
    };
  }

  /** Back to the state right after start-up (start-up templates deployed again, later ones gone). */
  reset(): void {
    this.universe = this.build();
    this.decisions.clear();
    this.runs.clear();
    this.rates?.clear();
  }

  /** The deployed CloudFormation stacks, in load order: name, outputs, exports, flows by logical id. */
  get stacks(): readonly StackRecord[] {
    return this.currentStacks.list;
  }

  /** The deployed stacks' outputs, one map (GET /_emulator/cloudformation/outputs). */
  cloudformationOutputs(): Record<string, string> {
    return this.currentStacks.outputs();
  }

  /**
   * Deploys one more template (a path, or a template document), all or nothing, and returns its outputs; throws
   * FixtureError naming the logical id and property path.
   */
  async loadTemplate(
    template: string | Record<string, unknown>,
    source = 'cloudformation',
    options: LoadTemplateOptions = {},
  ): Promise<Record<string, string>> {
    const trusted = options.trusted ?? true;
    if (typeof template === 'string') await loadYamlParser();
    const read = typeof template === 'string' ? readTemplateFile(template) : templateSource(template, source, '');
    const stackName = options.stackName ?? (read.stackName || defaultStackName(read.template as Record<string, unknown>));
    const named = { ...read, stackName };
    const deploy = () => this.currentStacks.deploy(this.universe, named, trusted, this.deployContext(options.parameters));
    const before = this.universe;
    let { deployed, stacks } = deploy();
    await importStackHandlers([deployed]);
    // Another load (or a reset) may have replaced the world while the modules were imported: deploy onto that one.
    if (this.universe !== before) ({ deployed, stacks } = deploy());
    this.universe = deployed.universe;
    this.currentStacks = stacks;
    return deployed.outputs;
  }

  /**
   * Imports the start-up fixtures' Lambda handler modules and checks each exports `handler` (the constructor,
   * being synchronous, checked only that the files exist); throws FixtureError.
   */
  async importHandlers(): Promise<void> {
    await importHandlers(this.initial);
    await importStackHandlers(this.initialStacks);
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
    if (loaded.doc.faults) this.faults.add(loaded.doc.faults, loaded.source);
    this.universe = universe;
  }

  /** GET /_emulator/iam/flow-role-policy (src/access/flow-role-policy.ts). */
  flowRolePolicy(query: FlowRolePolicyQuery): FlowRolePolicies {
    return flowRolePoliciesOf(this.universe, query);
  }

  /** GET /_emulator/ui/api/role-gaps: what the flow's actual execution role lacks of flowRolePolicy (src/access/flow-role-gaps.ts). */
  flowRoleGaps(query: FlowRolePolicyQuery): FlowRoleGaps {
    return flowRoleGaps(this.universe, query);
  }

  /** GET /_emulator/iam/least-privilege (src/access/least-privilege.ts). */
  leastPrivilegePolicy(principal: string | undefined): PolicyJson {
    return leastPrivilegePolicy(this.decisions, principal);
  }

  /** The world, and the fault rules as given (a state file restarts them with their counts: docs/faults.md). */
  state(): FixtureDocument {
    const state = exportState(this.universe);
    const faults = this.faults.specs();
    return faults.length > 0 ? { ...state, faults } : state;
  }

  /**
   * Ends what outlives requests: running flow executions stop, running python3 children are killed, queued and
   * later InlineCode runs refused. Everything stops at once; the promise resolves when the killed children have
   * exited.
   */
  close(): Promise<void> {
    this.env.executions.stopAll(undefined, this.env.clock);
    const childrenGone = this.python.close();
    this.faults.close();
    return childrenGone;
  }
}

/** A document's stack name when none is given: the same template gets the same name (and so the same ids). */
function defaultStackName(template: Record<string, unknown>): string {
  return `stack-${createHash('sha256').update(JSON.stringify(template)).digest('hex').slice(0, 8)}`;
}

/** A fixture file (path) or document, read and checked, its Lambda handler files found. */
function read(fixture: unknown, source: string): LoadedFixture {
  const loaded = typeof fixture === 'string' ? readFixtureFile(fixture) : checkFixture(fixture, source, process.cwd());
  checkHandlerFiles(loaded);
  return loaded;
}

export { FixtureError };
