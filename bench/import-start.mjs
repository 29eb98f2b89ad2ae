// One spawned measurement of what a test file pays before its first request: importing the library and starting it
// (port 0, default options), or, as the reference, importing fastify and listening with one route. Plain JS, run
// with plain node, so only the code under test is loaded. Prints one JSON line, then closes and exits.
// Usage: node bench/import-start.mjs emulator ENTRY_FILE | node bench/import-start.mjs fastify
import { pathToFileURL } from 'node:url';

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const servers = {
  async emulator(entry) {
    const { startEmulator } = await import(pathToFileURL(entry).href);
    return { imported: mark(), start: () => startEmulator({ port: 0 }) };
  },
  async fastify() {
    const { default: Fastify } = await import('fastify');
    return {
      imported: mark(),
      start: async () => {
        const app = Fastify({ logger: false });
        app.get('/hello', async () => ({ hello: 'world' }));
        await app.listen({ port: 0, host: '127.0.0.1' });
        return app;
      },
    };
  },
};

const [what, entry] = process.argv.slice(2);
const begin = { ms: performance.now(), cpu: cpuMs() };
function mark() {
  return { ms: performance.now() - begin.ms, cpu: cpuMs() - begin.cpu };
}
const { imported, start } = await servers[what](entry);
const server = await start();
const ready = mark();
process.stdout.write(JSON.stringify({ importMs: imported.ms, importCpuMs: imported.cpu, readyMs: ready.ms, readyCpuMs: ready.cpu }) + '\n');
await server.close();
