/**
 * The HTTP face of an emulator: fastify on one port for HTTP/1.1 and h2c, every operation of routes/ registered
 * at its model method and path, the admin endpoints, and AWS-shaped errors for everything else.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Emulator } from '../emulator.js';
import { OPERATIONS } from '../generated/operations.js';
import { AwsError, internal, requestTooLarge, serialization, unknownOperation, validationException } from '../protocol/errors.js';
import { createDualServer } from './dual-protocol.js';
import { sendError } from './send-error.js';
import { handleOperation } from './pipeline.js';
import { assertEveryOperationRouted } from './route-coverage.js';
import { LazyChildLogger } from './lazy-child-logger.js';
import { RequestLogController } from './request-log.js';
import { OpenStreams } from './open-streams.js';
import { jsonBody } from '../protocol/json-body.js';
import type { ServerTimeouts } from './timeouts.js';
import type { AnyRoute } from './route.js';

/** InlineCode nodes may carry up to 5 MB of code; leave room for the rest of the definition. */
const BODY_LIMIT = 8 * 1024 * 1024;

/**
 * Fastify's own failures (body too large, bad content) become the AWS errors a client would get; the admin routes
 * (routes/emulator.ts) throw theirs here too.
 */
function toAwsError(err: FastifyError | Error): AwsError {
  if (err instanceof AwsError) return err;
  const status = (err as FastifyError).statusCode ?? 500;
  if (status === 413) return requestTooLarge();
  if (status >= 400 && status < 500) {
    return (err as FastifyError).code?.startsWith('FST_ERR_CTP') ? serialization(err.message) : validationException(err.message);
  }
  return internal();
}

/** The emulator's own API under /_emulator (routes/emulator.ts): a fastify plugin. */
export type AdminRoutes = (
  app: FastifyInstance,
  options: { emulator: Emulator; adminToken?: string | undefined; allowHttpFixtureCode?: boolean | undefined },
) => Promise<void>;

export interface ServerOptions {
  logger: Logger;
  /**
   * The Bedrock operations served (routes/index.ts) and the admin API. Given by the caller (src/index.ts), not
   * imported here: routes/ imports this folder's route type, and an import back would make the two a cycle.
   */
  routes: readonly AnyRoute[];
  adminRoutes: AdminRoutes;
  adminToken?: string;
  /** Where InvokeFlow streams register while they are written, for shutdown to cut them. */
  streams?: OpenStreams;
  allowHttpFixtureCode?: boolean;
  timeouts: ServerTimeouts;
}

export function buildServer(emulator: Emulator, options: ServerOptions): FastifyInstance {
  const streams = options.streams ?? new OpenStreams();
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    logController: new RequestLogController(options.logger),
    // Fastify's connectionTimeout, keepAliveTimeout, requestTimeout and http2SessionTimeout apply only to a server
    // it makes itself, not to one from serverFactory: the dual server takes its own.
    serverFactory: (handler) => createDualServer(handler, options.timeouts, options.logger) as never,
    bodyLimit: BODY_LIMIT,
    routerOptions: { maxParamLength: 2048 },
    forceCloseConnections: 'idle',
    genReqId: () => randomUUID(),
    childLoggerFactory: (logger, bindings, options) => new LazyChildLogger(logger, bindings, options) as unknown as FastifyBaseLogger,
    // Router-level failures skip the hooks and the error handler: answer them in AWS's shape here.
    frameworkErrors: (err, req, reply) => {
      reply.header('x-amzn-requestid', req.id);
      return sendError(reply, err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? validationException(err.message) : serialization(err.message));
    },
  });

  app.decorateRequest('callerArn', '');
  app.decorateRequest('streaming', false);
  app.decorateRequest('fault', '');
  app.addHook('onRequest', (req, reply, done) => {
    reply.header('x-amzn-requestid', req.id);
    done();
  });
  app.setReplySerializer(jsonBody);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const error = toAwsError(err);
    // An injected fault (docs/faults.md) is the user's own doing: its line is the request log's, not an error.
    if (error.statusCode >= 500 && !req.fault) req.log.error({ err }, 'request failed');
    return sendError(reply, error);
  });
  app.setNotFoundHandler((_req, reply) => sendError(reply, unknownOperation()));

  assertEveryOperationRouted(options.routes);
  for (const route of options.routes) {
    const spec = OPERATIONS[route.operation];
    // No operation is reachable without its IAM action: a route that does not declare one is a bug.
    if (!route.action) throw new Error(`route ${route.operation}: no IAM action`);
    app.route({
      method: spec.method,
      url: spec.uri.replace(/\{(\w+)\+?\}/g, ':$1'),
      config: { operation: route.operation },
      handler: (req, reply) => handleOperation(emulator, route, spec.successCode, req, reply, streams),
    });
  }
  app.register(options.adminRoutes, { emulator, adminToken: options.adminToken, allowHttpFixtureCode: options.allowHttpFixtureCode });
  return app;
}
