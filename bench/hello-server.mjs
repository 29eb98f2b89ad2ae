// The spawned counterpart of hello-world.ts, for start-up time and RSS: plain JS so it starts like built code.
// Usage: node bench/hello-server.mjs PORT
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
app.get('/_emulator/health', async () => ({ status: 'ok' }));
const address = await app.listen({ port: Number(process.argv[2] ?? 0), host: '127.0.0.1' });
console.log(`listening on ${address}`);
process.once('SIGTERM', () => app.close().then(() => process.exit(0)));
