/**
 * The in-process API: `startEmulator()` serves an emulator on a port and hands back what a test needs.
 *
 *   const emu = await startEmulator({ port: 0 });
 *   const client = new BedrockAgentClient({ endpoint: emu.url, region: 'us-east-1', credentials: emu.credentials });
 */
import type { Logger } from 'pino';
import { Emulator, type EmulatorOptions } from './emulator.js';
import { createLogger } from './logger.js';
import { buildServer } from './server/build-server.js';
import type { FixtureDocument } from './fixtures/schema.js';

export interface StartOptions extends EmulatorOptions {
  /** Default 5050; 0 picks a free port. */
  port?: number;
  host?: string;
  logLevel?: string;
  /** A pino logger to use instead of a new one. */
  logger?: Logger;
  /** Guards /_emulator/* (except health) with `Authorization: Bearer <token>`. */
  adminToken?: string;
}

export interface RunningEmulator {
  url: string;
  port: number;
  host: string;
  /** The well-known administrator credentials of the default fixtures. */
  credentials: { accessKeyId: string; secretAccessKey: string };
  reset(): void;
  /** Applies a fixture document (or file path) all or nothing; throws FixtureError with file, JSON path and reason. */
  load(fixtures: FixtureDocument | string): void;
  state(): FixtureDocument;
  close(): Promise<void>;
  emulator: Emulator;
}

export async function startEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
  const logger = options.logger ?? createLogger(options.logLevel ?? 'warn', false);
  const emulator = new Emulator(options, logger);
  const app = buildServer(emulator, { logger, adminToken: options.adminToken });
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 5050, host, listenTextResolver: (address) => `listening on ${address}` });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 5050);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    host,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    reset: () => emulator.reset(),
    load: (fixtures) => emulator.load(fixtures),
    state: () => emulator.state(),
    close: () => app.close(),
    emulator,
  };
}

export { Emulator, type EmulatorOptions } from './emulator.js';
export { FixtureError } from './fixtures/fixture-error.js';
export type * from './fixtures/schema.js';
