/**
 * The path of one API request: authenticate (SigV4) → parse → validate (service model) → authorize (IAM) →
 * operation → reply. Everything a client can see go wrong leaves here as an AwsError.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Emulator } from '../emulator.js';
import type { OperationName } from '../generated/operations.js';
import { internal, invalidSignature, rateExceeded, serialization } from '../protocol/errors.js';
import { EVENT_STREAM_CONTENT_TYPE, encodeException } from '../protocol/eventstream.js';
import { validateInput } from '../protocol/validate-input.js';
import { hasWorld, MAX_WORLDS, worldOf } from '../world/universe.js';
import { authorizeCaller } from '../access/caller-authorizer.js';
import { authenticate } from './authenticate.js';
import type { OpenStreams } from './open-streams.js';
import { requestContext } from './request-context.js';
import { callerOf, writeRequestLine } from './request-log.js';
import { tenths } from '../flows/index.js';
import type { AnyRoute, RouteOf } from './route.js';
import { streamRun, type StreamedResult } from './invoke-flow-stream.js';
import type { InvokeFlowRun } from '../operations/runtime/InvokeFlow.js';
import { depthExceeds } from '../json-depth.js';

const PASSED_TO_BEDROCK = { 'iam:PassedToService': 'bedrock.amazonaws.com' };

/** Deeper than any valid request (a flow nests loops 8 deep); deeper input would only exhaust the stack. */
const MAX_BODY_DEPTH = 512;

/** A request body as JSON, refused when it is not JSON or nested deeper than any valid request (also the workbench's, routes/workbench.ts). */
export function parseBody(raw: Buffer | undefined): unknown {
  if (!raw || raw.length === 0) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw serialization('The request body could not be parsed as JSON.');
  }
  if (depthExceeds(body, MAX_BODY_DEPTH)) throw serialization(`The request body is nested deeper than ${MAX_BODY_DEPTH} levels.`);
  return body;
}

/**
 * Not async: most operations answer synchronously, and then the reply goes out without a promise or a microtask
 * turn in between; a promise (a Lambda, a stream) is handed back for fastify to await.
 */
export function handleOperation<N extends OperationName>(
  emulator: Emulator,
  route: RouteOf<N>,
  successCode: number,
  req: FastifyRequest,
  reply: FastifyReply,
  streams: OpenStreams,
): Promise<unknown> | undefined {
  const rawBody = req.body as Buffer | undefined;
  const now = emulator.env.clock.epochMs();
  const caller = authenticate(
    emulator.universe,
    emulator.mode,
    { method: req.method, rawUrl: req.url, headers: req.headers, body: rawBody },
    now,
  );
  req.callerArn = caller.arn;
  const input = validateInput(route.operation, {
    pathParams: req.params as Record<string, string>,
    query: req.query as Record<string, string | string[]>,
    body: parseBody(rawBody),
  });
  const universe = emulator.universe;
  if (universe.worlds.size >= MAX_WORLDS && !hasWorld(universe, caller.account, caller.region)) {
    throw invalidSignature(
      `Credential should be scoped to a valid region, not '${caller.region}'. The emulator keeps at most ${MAX_WORLDS} account and region pairs.`,
    );
  }
  const world = worldOf(universe, caller.account, caller.region);
  if (caller.identity) {
    const resource = route.resource(input, world);
    const context = requestContext(req, world, resource, route, input, now);
    const check = (action: string, arn: string, keys = context) =>
      authorizeCaller(emulator.mode, caller.identity!, { action, resource: arn, context: keys }, emulator.decisions, req.log);
    check(route.action, resource);
    const passed = emulator.passRoleCheck ? route.passRole?.(input) : undefined;
    if (passed) check('iam:PassRole', passed, { ...context, ...PASSED_TO_BEDROCK });
  }
  // Faults and rates come after authentication, validation and authorization (docs/faults.md#where): a throttled
  // call then never hides the error a wrong request gets, and the account it counts against is known.
  if (emulator.rates && !emulator.rates.take(caller.account, route.operation)) {
    req.fault = 'throttle';
    throw rateExceeded();
  }
  const run = () => {
    // Bound to the request id only when a run could write at debug: the child costs ~2 µs (lazy-child-logger.ts).
    const log = emulator.log.isLevelEnabled('debug') ? emulator.log.child({ requestId: req.id }) : emulator.log;
    const noteFault = emulator.faults.hasCallRules ? (id: string) => void (req.fault = req.fault ? `${req.fault},${id}` : id) : undefined;
    const context = emulator.contextFor(world, { arn: caller.arn, account: caller.account }, log, noteFault);
    const result = route.handler(context, input);
    if (result instanceof Promise) return result.then((settled) => respond(route, successCode, reply, settled, streams));
    return respond(route, successCode, reply, result, streams);
  };
  if (!emulator.faults.hasRequestRules) return run();
  const fault = emulator.faults.forRequest({
    operation: route.operation,
    caller: caller.arn,
    region: caller.region,
    resource: () => route.resource(input, world),
  });
  if (!fault) return run();
  req.fault = fault.ruleId;
  if (!fault.latencyMs) throw fault.error;
  // A timer: other requests are served meanwhile; a client that hangs up ends the wait (the reply's close).
  return emulator.faults
    .wait(fault.latencyMs, (cancel) => reply.raw.once('close', cancel))
    .then(() => {
      if (fault.error) throw fault.error;
      return run();
    });
}

/** Undefined once sent: a handler that returns the reply would make fastify send it a second time. */
function respond(
  route: AnyRoute,
  successCode: number,
  reply: FastifyReply,
  result: unknown,
  streams: OpenStreams,
): Promise<FastifyReply> | undefined {
  if (route.streamed) return sendStream(route.operation, reply, streamRun(result as InvokeFlowRun), streams);
  reply.code(successCode).send(result);
  return undefined;
}

/** What the client of a stream cut by shutdown sees last (docs: InvokeFlow lists internalServerException). */
const SHUTDOWN = internal('The emulator is shutting down; the flow run was stopped before it ended.');

/**
 * Frames go out as they are produced; a failure after the first frame is the producer's to frame. A client that
 * goes away stops the producer at once, not at its next frame. A slow reader is waited for (the socket's 'drain'),
 * so the producer's queue fills and the run pauses instead of the response buffering without bound. Shutdown
 * cuts the stream with an internalServerException frame.
 */
async function sendStream(operation: string, reply: FastifyReply, result: StreamedResult, streams: OpenStreams): Promise<FastifyReply> {
  reply.hijack();
  reply.request.streaming = true;
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': EVENT_STREAM_CONTENT_TYPE,
    'x-amzn-requestid': String(reply.request.id),
    ...result.headers,
  });
  const frames = result.frames[Symbol.asyncIterator]();
  let cut = false;
  let gone = false;
  let wake: (() => void) | undefined;
  const stop = () => {
    wake?.();
    void frames.return?.();
  };
  const hangUp = () => {
    gone = true;
    stop();
  };
  const forget = streams.add(() => {
    cut = true;
    stop();
  });
  res.once('close', hangUp);
  try {
    for (let next = await frames.next(); !next.done && !res.destroyed && !cut; next = await frames.next()) {
      if (!res.write(next.value)) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          res.once('drain', resolve);
        });
        res.off('drain', wake!);
        wake = undefined;
      }
    }
  } finally {
    forget();
    res.off('close', hangUp);
    if (cut && !res.destroyed) res.write(encodeException(SHUTDOWN));
    res.end();
    logStream(operation, reply, cut ? 'SHUTDOWN' : gone || res.destroyed ? 'CLIENT_GONE' : (result.outcome() ?? 'CLIENT_GONE'));
  }
  return reply;
}

/** Fastify does not see a hijacked reply finish: the stream's line is written here, with how it ended. */
function logStream(operation: string, reply: FastifyReply, outcome: string): void {
  const logger = reply.server.log as unknown as Logger;
  if (!logger.isLevelEnabled('info')) return;
  const failed = outcome.endsWith('Exception');
  writeRequestLine(logger, {
    operation,
    status: 200,
    outcome,
    durationMs: tenths(reply.elapsedTime),
    caller: callerOf(reply.request.callerArn, reply.request.headers),
    ...(failed ? { errorType: outcome } : {}),
    ...(reply.request.fault ? { fault: reply.request.fault } : {}),
    requestId: String(reply.request.id),
  });
}
