/**
 * The request log (docs/logging.md): one line per request at `info` naming the operation as AWS does, the status (or, for a
 * stream, how it ended), the duration, the caller and the error type. Fastify calls its LogController when a
 * response has finished, for every request that reached it (routed, 404, framework errors); an event stream, which
 * the pipeline writes itself, is logged where it ends (pipeline.ts). Nothing is built unless the level is enabled.
 */
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from 'pino';
import { tenths } from '../flows/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated principal's ARN, set by the pipeline; empty before (or without) authentication. */
    callerArn: string;
    /** Set once the pipeline has hijacked the reply for an event stream: that line is the pipeline's to write. */
    streaming: boolean;
    /** The fault rule that failed or delayed this request (docs/faults.md), or `throttle` (--throttle); empty if none. */
    fault: string;
  }
  interface FastifyContextConfig {
    /** The operation as AWS names it (GetFlow), or `emulator:<Name>` for the admin endpoints. */
    operation?: string;
  }
}

export interface RequestLine {
  operation: string;
  status: number;
  /** Event streams: SUCCESS, INPUT_REQUIRED, the exception frame's type, CLIENT_GONE or SHUTDOWN. */
  outcome?: string;
  /** Absent for requests Node's parser refused before fastify saw them (dual-protocol.ts). */
  durationMs?: number;
  /** The principal's ARN, else the access key the request was signed with, else `anonymous`. */
  caller: string;
  errorType?: string;
  /** The injected fault's rule id (docs/faults.md). */
  fault?: string;
  requestId: string;
}

/** Probes poll health every few seconds: at info they would drown the lines that matter. */
const QUIET_OPERATIONS = new Set(['emulator:GetHealth']);
/** An unrouted path is logged as given, up to here: a request must not be able to write a megabyte of log. */
const MAX_PATH_CHARS = 200;

const ACCESS_KEY = /Credential=([^/,\s]{1,128})\//;

export function callerOf(callerArn: string, headers: IncomingHttpHeaders): string {
  if (callerArn) return callerArn;
  const key = ACCESS_KEY.exec(headers.authorization ?? '')?.[1];
  return key ?? 'anonymous';
}

/** What an unrouted request is called: its method and path (without the query). */
export function unroutedName(method: string, url: string): string {
  const path = url.split('?', 1)[0]!;
  return `${method} ${path.length > MAX_PATH_CHARS ? `${path.slice(0, MAX_PATH_CHARS)}…` : path}`;
}

export function requestLevel(operation: string): 'info' | 'debug' {
  return QUIET_OPERATIONS.has(operation) ? 'debug' : 'info';
}

export function writeRequestLine(logger: Logger, line: RequestLine): void {
  const level = requestLevel(line.operation);
  if (!logger.isLevelEnabled(level)) return;
  const status = line.outcome ? `${line.status} ${line.outcome}` : String(line.status);
  const error = line.errorType && line.errorType !== line.outcome ? ` ${line.errorType}` : '';
  const duration = line.durationMs === undefined ? '' : ` ${line.durationMs}ms`;
  const fault = line.fault ? ` fault: ${line.fault}` : '';
  logger[level](line, `${line.operation} ${status}${error}${duration} ${line.caller}${fault}`);
}

export function operationOf(request: FastifyRequest): string {
  return request.routeOptions.config.operation ?? unroutedName(request.method, request.url);
}

/** Fastify's own request lines stay off (docs/logging.md describes ours); requestCompleted writes ours. */
export class RequestLogController extends LogController {
  constructor(private readonly logger: Logger) {
    super({ disableRequestLogging: true });
  }

  override requestCompleted(_error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    // Cheapest first: at warn (startEmulator's default) this is the whole cost of the request log.
    if (!this.logger.isLevelEnabled('info') || request.streaming) return;
    const errorType = reply.getHeader('x-amzn-errortype');
    writeRequestLine(this.logger, {
      operation: operationOf(request),
      status: reply.statusCode,
      durationMs: tenths(reply.elapsedTime),
      caller: callerOf(request.callerArn, request.headers),
      ...(typeof errorType === 'string' ? { errorType } : {}),
      ...(request.fault ? { fault: request.fault } : {}),
      requestId: String(request.id),
    });
  }
}
