/**
 * The in-process API: `startEmulator()` serves an emulator on a port and hands back what a test needs.
 *
 *   const emu = await startEmulator({ port: 0 });
 *   const client = new BedrockAgentClient({ endpoint: emu.url, region: 'us-east-1', credentials: emu.credentials });
 */
import { existsSync } from 'node:fs';
import type { Logger } from 'pino';
import { Emulator, type EmulatorOptions, type LoadTemplateOptions } from './emulator.js';
import { loadYamlParser } from './cloudformation/parse-template.js';
import { createLogger } from './logger.js';
import { allRoutes } from '../routes/index.js';
import adminRoutes from '../routes/emulator.js';
import { buildServer } from './server/build-server.js';
import { closeServer } from './server/close-server.js';
import { OpenStreams } from './server/open-streams.js';
import { saveStateFile } from './fixtures/save-state-file.js';
import { isLoopbackHost } from './server/loopback-host.js';
import { resolveTimeouts, type ServerTimeouts } from './server/timeouts.js';
import type { FixtureDocument } from './fixtures/schema.js';
import type { FlowRolePolicies, PolicyJson } from './access/flow-role-policy.js';
import type { RunFilter, RunListener, RunRecord } from './runs/index.js';

export interface StartOptions extends EmulatorOptions {
  /** Default 5050; 0 picks a free port. */
  port?: number;
  host?: string;
  logLevel?: string;
  /** A pino logger to use instead of a new one. */
  logger?: Logger;
  /** Guards /_emulator/* (except health) with `Authorization: Bearer <token>`; without it, GET /_emulator/state redacts secrets. */
  adminToken?: string;
  /**
   * Lets fixtures POSTed to /_emulator/fixtures declare Lambda `handler` modules and `url`s, and model `backend`s
   * (docs/models.md), i.e. run code and reach hosts on the server's behalf. Off by default; fixtures passed here or to load() are trusted either way.
   */
  allowHttpFixtureCode?: boolean;
  /** Persistence: the world is loaded from this file when it exists (instead of the fixtures) and saved on close(). */
  stateFile?: string;
  /** How long a connection may idle or dawdle before it is closed (defaults in src/server/timeouts.ts). */
  timeouts?: Partial<ServerTimeouts>;
}

export interface RunningEmulator {
  url: string;
  port: number;
  host: string;
  /**
   * The first identity of the start-up fixtures, else the built-in administrator `test`/`test` (which exists in every
   * world unless a fixture says `"defaultAdministrator": false`).
   */
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  reset(): void;
  /** Applies a fixture document (or file path) all or nothing; throws FixtureError with file, JSON path and reason. */
  load(fixtures: FixtureDocument | string): void;
  state(): FixtureDocument;
  /** GET /_emulator/iam/flow-role-policy: the policies the flow's execution role needs (draft, or `version`). */
  flowRolePolicy(flowId: string, options?: { version?: string; account?: string; region?: string }): FlowRolePolicies;
  /** GET /_emulator/iam/least-privilege: the policy allowing exactly what `principal` was recorded doing. */
  leastPrivilegePolicy(principal: string): PolicyJson;
  /** Run records of InvokeFlow calls and flow executions, newest first (docs/runs.md); the same as GET /_emulator/runs. */
  runs(filter?: RunFilter): RunRecord[];
  /** One run's record, or undefined when it never ran or left the ring. */
  run(executionId: string): RunRecord | undefined;
  /** Hears each run start (`run-started`) and end or pause (`run`); returns the function that unsubscribes. */
  onRun(listener: RunListener): () => void;
  /** The deployed CloudFormation stacks' Outputs, `{ LogicalName: value }` (docs/cloudformation.md). */
  cloudformationOutputs(): Record<string, string>;
  /**
   * Deploys one more template or Terraform document (path, or object) all or nothing, as `cloudformation` does at
   * start-up, and returns its Outputs; throws FixtureError naming the logical id (or address) and property path.
   */
  loadCloudFormation(template: string | Record<string, unknown>, options?: LoadTemplateOptions): Promise<Record<string, string>>;
  /**
   * Stops accepting, drains in-flight requests for up to `drainMs` (default 5 s), ends InvokeFlow streams still
   * open with an internalServerException frame, and saves the world to `stateFile` (atomically) when one is set.
   */
  close(options?: { drainMs?: number }): Promise<void>;
  /** `await using emu = await startEmulator(…)` closes it when the scope ends. */
  [Symbol.asyncDispose](): Promise<void>;
  emulator: Emulator;
}

/** Half of `docker stop`'s 10 s grace: room for cutting the streams left, and the save, after it. */
const DEFAULT_DRAIN_MS = 5_000;

export async function startEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
  const timeouts = resolveTimeouts(options.timeouts);
  const logger = options.logger ?? createLogger(options.logLevel ?? 'warn', false);
  const { stateFile } = options;
  // A saved world replaces the fixtures it was made from (it contains them).
  const saved = stateFile !== undefined && existsSync(stateFile);
  const fixtures = saved ? [stateFile] : options.fixtures;
  // The saved world holds what the templates created, so they are not deployed again on top of it.
  const cloudformation = saved ? undefined : options.cloudformation;
  if (cloudformation?.length) await loadYamlParser();
  const emulator = new Emulator({ ...options, fixtures, cloudformation }, logger);
  await emulator.importHandlers();
  const streams = new OpenStreams();
  const { adminToken, allowHttpFixtureCode } = options;
  const app = buildServer(emulator, { routes: allRoutes, adminRoutes, logger, adminToken, allowHttpFixtureCode, streams, timeouts });
  const host = options.host ?? '127.0.0.1';
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let announced = false;
  await app.listen({
    port: options.port ?? 5050,
    host,
    // One ready line naming the host as configured; fastify lists every interface of 0.0.0.0 after it.
    listenTextResolver: (address) => {
      if (announced) return `also reachable at ${address}`;
      announced = true;
      return `listening on http://${urlHost}:${address.slice(address.lastIndexOf(':') + 1)}`;
    },
  });
  if (options.adminToken === undefined && !isLoopbackHost(host)) {
    logger.warn(`listening on ${host} without --admin-token: anyone who reaches this port can read and change the emulator's world`);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 5050);
  const first = emulator.universe.identities.values().next().value;
  const close = async ({ drainMs = DEFAULT_DRAIN_MS } = {}) => {
    // First: in-flight InvokeFlow streams waiting on a python child end now, so the drain is quick.
    const childrenGone = emulator.close();
    await closeServer(app, streams, drainMs);
    await childrenGone; // a SIGKILL is delivered, not waited for: close() resolves with no child left

    if (stateFile) saveStateFile(stateFile, emulator.state());
  };
  return {
    url: `http://${urlHost}:${port}`,
    port,
    host,
    credentials: first
      ? {
          accessKeyId: first.accessKeyId,
          secretAccessKey: first.secretAccessKey,
          ...(first.sessionToken ? { sessionToken: first.sessionToken } : {}),
        }
      : { accessKeyId: 'test', secretAccessKey: 'test' },
    reset: () => emulator.reset(),
    load: (fixtures) => emulator.load(fixtures),
    state: () => emulator.state(),
    flowRolePolicy: (flow, query = {}) => emulator.flowRolePolicy({ ...query, flow }),
    leastPrivilegePolicy: (principal) => emulator.leastPrivilegePolicy(principal),
    runs: (filter) => emulator.runs.list(filter),
    run: (executionId) => emulator.runs.get(executionId),
    onRun: (listener) => emulator.runs.onRun(listener),
    cloudformationOutputs: () => emulator.cloudformationOutputs(),
    loadCloudFormation: (template, loadOptions) => emulator.loadTemplate(template, 'cloudformation', loadOptions),
    close,
    [Symbol.asyncDispose]: () => close(),
    emulator,
  };
}

export { Emulator, type EmulatorOptions, type LoadTemplateOptions } from './emulator.js';
export { flowRolePolicy, type RolePolicyOptions } from './role-policy.js';
export type { FlowRolePolicies, PolicyJson, PolicyStatementJson } from './access/flow-role-policy.js';
export { FixtureError } from './fixtures/fixture-error.js';
export { DEFAULT_TIMEOUTS, type ServerTimeouts } from './server/timeouts.js';
export type * from './fixtures/schema.js';
export type { Clock } from './world/clock.js';
export { MAX_RECORD_BYTES, RUNS_PER_ACCOUNT } from './runs/index.js';
export type { RunCall, RunError, RunEvent, RunFilter, RunListener, RunNodeRecord, RunRecord, TruncatedValue } from './runs/index.js';
export type { ChainItem, NodeDecision } from './flows/index.js';
