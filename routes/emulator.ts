/**
 * Emulator control (README, Emulator control endpoints): unsigned, optionally guarded by a bearer token (health
 * stays open for probes). Each route names its operation `emulator:<Name>` for the request log
 * (src/server/request-log.ts). Failures are thrown AwsErrors: the server's error handler writes them like every
 * other (src/server/send-error.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Emulator } from '../src/emulator.js';
import { loadYamlParser } from '../src/cloudformation/parse-template.js';
import { templateDocument } from '../src/cloudformation/read-template.js';
import { FixtureError } from '../src/fixtures/fixture-error.js';
import { checkFixture } from '../src/fixtures/read-fixture.js';
import { redactSecrets } from '../src/fixtures/redact-secrets.js';
import { checkUntrustedFixture } from '../src/fixtures/untrusted-fixture.js';
import { adminTokenRequired, fixtureRejected, noSuchBucket, noSuchKey, notFound } from '../src/protocol/errors.js';
import { RunFeeds } from '../src/server/run-feed.js';
import { runFilter } from '../src/server/run-filter.js';
import { presentsAdminToken } from '../src/ui/admin-auth.js';
import { version } from '../src/version.js';
import { singleValues } from './single-values.js';
import workbenchRoutes from './workbench.js';

interface AdminOptions {
  emulator: Emulator;
  adminToken?: string;
  /** Lambda `handler`/`url` in POSTed fixtures (src/fixtures/untrusted-fixture.ts); off unless the operator opts in. */
  allowHttpFixtureCode?: boolean;
}

const SOURCE = 'POST /_emulator/fixtures';
const TEMPLATE_SOURCE = 'POST /_emulator/cloudformation';
const FAULTS_SOURCE = 'POST /_emulator/faults';

export default async function adminRoutes(app: FastifyInstance, { emulator, adminToken, allowHttpFixtureCode = false }: AdminOptions) {
  // The bearer header, or the workbench's cookie (src/ui/admin-auth.ts): its pages read these endpoints too.
  const guard = async (req: FastifyRequest) => {
    if (!presentsAdminToken(req, adminToken)) throw adminTokenRequired();
  };

  app.register(workbenchRoutes, { emulator, adminToken, guard });

  app.get('/_emulator/health', { config: { operation: 'emulator:GetHealth' } }, async () => ({ status: 'ok', version }));

  app.post('/_emulator/reset', { preHandler: guard, config: { operation: 'emulator:Reset' } }, async () => {
    emulator.reset();
    return { status: 'reset' };
  });

  app.post('/_emulator/fixtures', { preHandler: guard, config: { operation: 'emulator:LoadFixtures' } }, async (req) => {
    try {
      const doc = parseDocument(req.body as Buffer | undefined, SOURCE);
      // A document only: a JSON string here used to be read as a path on the server.
      checkUntrustedFixture(doc, SOURCE, allowHttpFixtureCode);
      await emulator.loadChecked(doc, SOURCE);
    } catch (err) {
      throw rejection(err);
    }
    return { status: 'loaded' };
  });

  // A template is data here: its text is parsed, never read as a path, and its inline Lambda code is refused
  // unless the operator opted in (src/cloudformation/resources/lambda.ts), as for fixtures.
  app.post<{ Querystring: { stackName?: string } }>(
    '/_emulator/cloudformation',
    { preHandler: guard, config: { operation: 'emulator:LoadCloudFormation' } },
    async (req) => {
      const text = (req.body as Buffer | undefined)?.toString('utf8') ?? '';
      const { stackName } = req.query;
      try {
        if (stackName !== undefined && !/^[A-Za-z][A-Za-z0-9-]{0,127}$/.test(stackName)) {
          throw new FixtureError(TEMPLATE_SOURCE, '$', 'stackName must be 1 to 128 letters, digits and hyphens, starting with a letter');
        }
        await loadYamlParser();
        const outputs = await emulator.loadTemplate(templateDocument(text, TEMPLATE_SOURCE), TEMPLATE_SOURCE, {
          trusted: allowHttpFixtureCode,
          ...(stackName ? { stackName } : {}),
        });
        return { status: 'loaded', outputs };
      } catch (err) {
        throw rejection(err);
      }
    },
  );

  app.get(
    '/_emulator/cloudformation/outputs',
    { preHandler: guard, config: { operation: 'emulator:GetCloudFormationOutputs' } },
    async () => emulator.cloudformationOutputs(),
  );

  // Fault rules (docs/faults.md): one rule or { faults: [...] }, checked like the fixture key, added all or nothing.
  app.post('/_emulator/faults', { preHandler: guard, config: { operation: 'emulator:AddFaults' } }, async (req, reply) => {
    try {
      const body = parseDocument(req.body as Buffer | undefined, FAULTS_SOURCE);
      const rules = body !== null && typeof body === 'object' && 'faults' in body ? body.faults : [body];
      const { doc } = checkFixture({ faults: rules }, FAULTS_SOURCE, process.cwd());
      return reply.code(201).send({ faults: emulator.faults.add(doc.faults ?? [], FAULTS_SOURCE) });
    } catch (err) {
      throw rejection(err);
    }
  });

  app.get('/_emulator/faults', { preHandler: guard, config: { operation: 'emulator:ListFaults' } }, async () => ({
    faults: emulator.faults.list(),
  }));

  app.delete('/_emulator/faults', { preHandler: guard, config: { operation: 'emulator:ClearFaults' } }, async () => {
    emulator.faults.remove();
    return { faults: [] };
  });

  app.delete<{ Params: { id: string } }>(
    '/_emulator/faults/:id',
    { preHandler: guard, config: { operation: 'emulator:DeleteFault' } },
    async (req) => {
      if (!emulator.faults.remove(req.params.id)) throw notFound(`No fault rule has the id ${req.params.id}.`);
      return { faults: emulator.faults.list() };
    },
  );

  // Without a token anyone who reaches the port reads this; with one, the guard has already checked it.
  app.get('/_emulator/state', { preHandler: guard, config: { operation: 'emulator:GetState' } }, async () =>
    adminToken === undefined ? redactSecrets(emulator.state()) : emulator.state(),
  );

  app.get('/_emulator/decisions', { preHandler: guard, config: { operation: 'emulator:ListDecisions' } }, async () => ({
    decisions: emulator.decisions.list(),
  }));

  // The policies a flow's execution role needs, and what a principal was seen doing (README, IAM).
  app.get<{ Querystring: { flow?: string; version?: string; account?: string; region?: string } }>(
    '/_emulator/iam/flow-role-policy',
    { preHandler: guard, config: { operation: 'emulator:GetFlowRolePolicy' } },
    async (req) => emulator.flowRolePolicy(singleValues(req.query)),
  );

  app.get<{ Querystring: { principal?: string } }>(
    '/_emulator/iam/least-privilege',
    { preHandler: guard, config: { operation: 'emulator:GetLeastPrivilegePolicy' } },
    async (req) => ({ policy: emulator.leastPrivilegePolicy(singleValues(req.query).principal) }),
  );

  // Run records (docs/runs.md). The feed route is static, so it wins over the :executionId one.
  const feeds = new RunFeeds();
  app.addHook('preClose', async () => feeds.closeAll());
  app.get('/_emulator/runs/events', { preHandler: guard, config: { operation: 'emulator:WatchRuns' } }, async (_req, reply) =>
    feeds.serve(reply, emulator.runs),
  );
  app.get<{ Querystring: Record<string, string | string[] | undefined> }>(
    '/_emulator/runs',
    { preHandler: guard, config: { operation: 'emulator:ListRuns' } },
    async (req) => ({ runs: emulator.runs.list(runFilter(req.query)) }),
  );
  app.get<{ Params: { executionId: string } }>(
    '/_emulator/runs/:executionId',
    { preHandler: guard, config: { operation: 'emulator:GetRun' } },
    async (req) => {
      const run = emulator.runs.get(req.params.executionId);
      if (!run) throw notFound(`No run record for execution ${req.params.executionId}: it never ran, or it left the ring of kept runs.`);
      return run;
    },
  );

  app.get<{ Params: { bucket: string; '*': string } }>(
    '/_emulator/s3/:bucket/*',
    { preHandler: guard, config: { operation: 'emulator:GetS3Object' } },
    async (req, reply) => {
      const bucket = emulator.universe.buckets.get(req.params.bucket);
      const object = bucket?.objects.get(req.params['*']);
      if (!bucket) throw noSuchBucket(req.params.bucket);
      if (!object) throw noSuchKey(req.params['*']);
      return reply.type('application/octet-stream').send(Buffer.from(object));
    },
  );
}

/** What a loading route throws for `err`: a FixtureError answers as the document's rejection, anything else as itself. */
function rejection(err: unknown): unknown {
  return err instanceof FixtureError ? fixtureRejected(err) : err;
}

function parseDocument(body: Buffer | undefined, source: string): unknown {
  try {
    return JSON.parse(body?.toString('utf8') ?? '');
  } catch (err) {
    throw new FixtureError(source, '$', `invalid JSON: ${(err as Error).message}`);
  }
}
