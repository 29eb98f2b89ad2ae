/**
 * The one fastify writer of AWS errors: the error handler, the not-found handler and router failures all answer
 * through it, with the wire form src/protocol/errors.ts renders.
 */
import type { FastifyReply } from 'fastify';
import { type AwsError, renderError } from '../protocol/errors.js';

export function sendError(reply: FastifyReply, error: AwsError): FastifyReply {
  const { status, headers, body } = renderError(error);
  return reply.code(status).headers(headers).send(body);
}
