/** The ceiling of this stack: bare fastify, one JSON route, no hooks, no logging (in-process, for throughput). */
import Fastify, { type FastifyInstance } from 'fastify';

export async function startHelloWorld(): Promise<{ url: string; app: FastifyInstance }> {
  const app = Fastify({ logger: false });
  app.get('/hello', async () => ({ hello: 'world' }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, app };
}
