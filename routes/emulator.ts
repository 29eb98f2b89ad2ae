/** Emulator control (SPEC §4): unsigned, optionally guarded by a bearer token (health stays open for probes). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Emulator } from '../src/emulator.js';
import { FixtureError } from '../src/fixtures/fixture-error.js';
import { version } from '../src/version.js';

interface AdminOptions {
  emulator: Emulator;
  adminToken?: string;
}

const fail = (reply: FastifyReply, status: number, type: string, message: string) =>
  reply.code(status).header('x-amzn-errortype', type).send({ message });

export default async function adminRoutes(app: FastifyInstance, { emulator, adminToken }: AdminOptions) {
  const guard = async (req: FastifyRequest, reply: FastifyReply) => {
    if (adminToken !== undefined && req.headers.authorization !== `Bearer ${adminToken}`) {
      return fail(reply, 401, 'UnauthorizedException', 'This endpoint needs the admin token: Authorization: Bearer <token>.');
    }
  };

  app.get('/_emulator/health', async () => ({ status: 'ok', version }));

  app.post('/_emulator/reset', { preHandler: guard }, async () => {
    emulator.reset();
    return { status: 'reset' };
  });

  app.post('/_emulator/fixtures', { preHandler: guard }, async (req, reply) => {
    let doc: unknown;
    try {
      doc = JSON.parse((req.body as Buffer | undefined)?.toString('utf8') ?? '');
    } catch (err) {
      return fail(reply, 400, 'FixtureError', `POST /_emulator/fixtures: $: invalid JSON: ${(err as Error).message}`);
    }
    try {
      emulator.load(doc, 'POST /_emulator/fixtures');
    } catch (err) {
      if (err instanceof FixtureError) {
        return reply
          .code(400)
          .header('x-amzn-errortype', 'FixtureError')
          .send({ message: err.message, file: err.file, path: err.path, reason: err.reason });
      }
      throw err;
    }
    return { status: 'loaded' };
  });

  app.get('/_emulator/state', { preHandler: guard }, async () => emulator.state());

  app.get('/_emulator/decisions', { preHandler: guard }, async () => ({ decisions: emulator.decisions.list() }));

  app.get<{ Params: { bucket: string; '*': string } }>('/_emulator/s3/:bucket/*', { preHandler: guard }, async (req, reply) => {
    const bucket = emulator.universe.buckets.get(req.params.bucket);
    const object = bucket?.objects.get(req.params['*']);
    if (!bucket) return fail(reply, 404, 'NoSuchBucket', `The specified bucket does not exist: ${req.params.bucket}`);
    if (!object) return fail(reply, 404, 'NoSuchKey', `The specified key does not exist: ${req.params['*']}`);
    return reply.type('application/octet-stream').send(Buffer.from(object));
  });
}
