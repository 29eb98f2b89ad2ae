/**
 * The workbench (README, Workbench): the web app at /_emulator/ui and the JSON its pages read. Registered by the
 * admin routes (routes/emulator.ts), behind the same admin token; a browser presents it as a cookie
 * (src/ui/admin-auth.ts), set by opening /_emulator/ui?token=<token> once.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Emulator } from '../src/emulator.js';
import { adminTokenRequired, notFound, validationException } from '../src/protocol/errors.js';
import { validateInput } from '../src/protocol/validate-input.js';
import { parseBody } from '../src/server/pipeline.js';
import { adminCookie } from '../src/ui/admin-auth.js';
import { loadAssets } from '../src/ui/assets.js';
import { tryInvoke } from '../src/ui/try-invoke.js';
import { workbenchFlows, workbenchPrincipals } from '../src/ui/workbench-data.js';
import { flowAliasResource } from './resources.js';
import { singleValues } from './single-values.js';

interface WorkbenchOptions {
  emulator: Emulator;
  /** Only for the page's ?token= exchange: who is the admin is the guard's to decide. */
  adminToken?: string | undefined;
  /** The admin routes' guard (routes/emulator.ts), on every page and endpoint but that exchange. */
  guard: (req: FastifyRequest) => Promise<void>;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const MAX_INVOKE_BODY = 1024 * 1024;
/** Security headers for the app's files: its own scripts only, nothing framed, nothing fetched elsewhere. */
const PAGE_HEADERS = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; worker-src 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-cache',
};

export default async function workbenchRoutes(app: FastifyInstance, { emulator, adminToken, guard }: WorkbenchOptions) {
  // Read on the first page load, not at start-up: most runs of the emulator never open the workbench.
  let assets: ReturnType<typeof loadAssets> | undefined;

  const page = async (req: FastifyRequest<{ Querystring: { token?: string } }>, reply: FastifyReply) => {
    const token = req.query.token;
    // The token travels once in the URL, then as a cookie: the redirect drops it from the address bar and history.
    if (adminToken !== undefined && typeof token === 'string') {
      if (token !== adminToken) throw adminTokenRequired();
      return reply.code(303).header('set-cookie', adminCookie(token)).header('location', '/_emulator/ui/').send();
    }
    await guard(req);
    return sendAsset(reply, 'index.html');
  };
  const sendAsset = (reply: FastifyReply, name: string) => {
    // Looked for again while there are none: a build after start-up (npm run build) serves without a restart.
    if (!assets || assets.size === 0) assets = loadAssets();
    const asset = assets.get(name);
    if (!asset) throw notFound(assets.size === 0 ? 'The workbench was not built: run `npm run build`.' : `No workbench file ${name}.`);
    reply.headers(PAGE_HEADERS).header('etag', asset.etag);
    if (reply.request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
    return reply.type(asset.type).send(asset.body);
  };

  app.get('/_emulator/ui', { config: { operation: 'emulator:GetWorkbench' } }, page);
  app.get('/_emulator/ui/', { config: { operation: 'emulator:GetWorkbench' } }, page);
  app.get<{ Params: { name: string } }>(
    '/_emulator/ui/assets/:name',
    { preHandler: guard, config: { operation: 'emulator:GetWorkbenchAsset' } },
    async (req, reply) => sendAsset(reply, req.params.name),
  );

  app.get('/_emulator/ui/api/flows', { preHandler: guard, config: { operation: 'emulator:ListWorkbenchFlows' } }, async () => ({
    flows: workbenchFlows(emulator.universe),
  }));
  app.get('/_emulator/ui/api/principals', { preHandler: guard, config: { operation: 'emulator:ListWorkbenchPrincipals' } }, async () =>
    workbenchPrincipals(emulator.universe),
  );

  // The flow page's note under its generated role policy: what the flow's actual role lacks of it.
  app.get<{ Querystring: { flow?: string; version?: string; account?: string; region?: string } }>(
    '/_emulator/ui/api/role-gaps',
    { preHandler: guard, config: { operation: 'emulator:GetWorkbenchRoleGaps' } },
    async (req) => emulator.flowRoleGaps(singleValues(req.query)),
  );

  app.post('/_emulator/ui/api/invoke', { preHandler: guard, config: { operation: 'emulator:TryInvokeFlow' } }, async (req) => {
    const body = parseInvoke(req.body as Buffer | undefined);
    // The service model's checks, as for a signed InvokeFlow (src/server/pipeline.ts).
    const input = validateInput('InvokeFlow', {
      pathParams: { flowIdentifier: body.flowIdentifier, flowAliasIdentifier: body.flowAliasIdentifier },
      query: {},
      body: {
        ...(body.executionId ? { executionId: body.executionId } : {}),
        inputs: [
          {
            nodeName: body.nodeName ?? 'FlowInputNode',
            ...(body.nodeOutputName ? { nodeOutputName: body.nodeOutputName } : {}),
            ...(body.nodeInputName ? { nodeInputName: body.nodeInputName } : {}),
            content: { document: body.document },
          },
        ],
      },
    });
    return tryInvoke(
      emulator,
      { accessKeyId: body.accessKeyId ?? 'test', region: body.region ?? emulator.universe.defaultRegion, input },
      (world) => flowAliasResource(input, world),
    );
  });
}

interface InvokeBody {
  flowIdentifier: string;
  flowAliasIdentifier: string;
  document: unknown;
  accessKeyId?: string;
  region?: string;
  nodeName?: string;
  nodeOutputName?: string;
  nodeInputName?: string;
  executionId?: string;
}

const OPTIONAL_STRINGS = ['accessKeyId', 'region', 'nodeName', 'nodeOutputName', 'nodeInputName', 'executionId'] as const;

function parseInvoke(raw: Buffer | undefined): InvokeBody {
  if (!raw || raw.length > MAX_INVOKE_BODY)
    throw validationException(`The body must be a JSON object of at most ${MAX_INVOKE_BODY} bytes.`);
  const body = parseBody(raw);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw validationException('The body must be a JSON object.');
  const b = body as Record<string, unknown>;
  for (const key of ['flowIdentifier', 'flowAliasIdentifier'] as const) {
    if (typeof b[key] !== 'string') throw validationException(`${key} must be a string.`);
  }
  for (const key of OPTIONAL_STRINGS) {
    if (b[key] !== undefined && (typeof b[key] !== 'string' || (b[key] as string).length > 2048))
      throw validationException(`${key} must be a string.`);
  }
  if (!('document' in b)) throw validationException('document is required: the flow input.');
  if (b.region !== undefined && !REGION.test(b.region as string)) throw validationException(`${String(b.region)} is not a region name.`);
  return b as unknown as InvokeBody;
}
