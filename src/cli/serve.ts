/** `bedrock-flows-emulator [serve]`: flags and environment → startEmulator(). Flags win over the environment. */
import { parseArgs } from 'node:util';
import type { IamMode } from '../access/caller-authorizer.js';
import { saveStateFile } from '../fixtures/save-state-file.js';
import { startEmulator } from '../index.js';
import { createLogger } from '../logger.js';
import { integer, keyValues, UsageError } from './usage.js';

/**
 * Well inside `docker stop`'s 10 s grace (docs.docker.com/reference/cli/docker/container/stop/): in-flight requests
 * get DRAIN_MS (or --drain-ms), streams still open then are cut with an exception frame, and if anything still holds
 * the process SAVE_MARGIN_MS later the world is saved and the process exits anyway.
 */
const DRAIN_MS = 5_000;
const SAVE_MARGIN_MS = 3_000;

export const SERVE_HELP = `Usage: bedrock-flows-emulator [serve] [options]
       bedrock-flows-emulator validate <flow.json | template> [--fixtures FILE]... [--parameter K=V]...
       bedrock-flows-emulator lint-policy [--operations] <policy.json>...
       bedrock-flows-emulator role-policy <flow.json> [--fixtures FILE]... [--flow-id ID]

A local Amazon Bedrock Flows emulator for the real AWS SDKs.

Commands:
  serve                  run the emulator (default)
  validate               check a flow definition (or CreateFlow body, or a CloudFormation template's flows) offline,
                         like PrepareFlow; exit 1 on errors
  lint-policy            check IAM policy documents as IAM would, with warnings; exit 1 if one is malformed
  role-policy            print the execution-role policy and trust policy a flow definition needs

Options (environment variable in brackets; flags win):
  --port N               port to listen on, 0 for a free one (PORT; default 5050)
  --host H               address to bind (HOST; default 127.0.0.1)
  --fixtures FILE        fixture file, repeatable; replaces the bundled defaults (BFE_FIXTURES, comma-separated)
  --cloudformation FILE  CloudFormation / CDK-synthesized template (JSON or YAML), or \`terraform show -json\`
                         output (state or plan), deployed after the fixtures, repeatable
                         (BFE_CLOUDFORMATION, comma-separated); docs/cloudformation.md
  --parameter KEY=VALUE  a template parameter (or Fn::ImportValue export) value, repeatable
  --iam MODE             enforce | audit | off (BFE_IAM; default enforce)
  --log-level L          trace | debug | info | warn | error (LOG_LEVEL; default info)
  --state-file FILE      load the world from FILE if it exists, save it there on exit (BFE_STATE_FILE)
  --seed N               deterministic ids and timestamps (BFE_SEED)
  --admin-token T        guard /_emulator/* except health with "Authorization: Bearer T" (BFE_ADMIN_TOKEN);
                         without it GET /_emulator/state redacts secret keys and session tokens
  --allow-http-fixture-code
                         let fixtures POSTed to /_emulator/fixtures declare Lambda handler modules and urls,
                         and model backends, i.e. run code and reach hosts from this server (BFE_ALLOW_HTTP_FIXTURE_CODE=true;
                         default off; files given with --fixtures may always use them)
  --record-models FILE   write every answer of a model backend (docs/models.md) to FILE as model rules, a
                         fixture that replays the run without the model (BFE_RECORD_MODELS)
  --prepare-delay-ms N   how long PrepareFlow reports Preparing (BFE_PREPARE_DELAY_MS; default 0)
  --drain-ms N           on SIGTERM/SIGINT, how long in-flight requests may finish before open InvokeFlow streams
                         are cut with an exception frame (BFE_DRAIN_MS; default 5000, inside docker stop's 10 s)
  --throttle             enforce AWS's documented request rates per account and operation, ThrottlingException
                         past them (BFE_THROTTLE=true; default off; docs/faults.md)
  --no-passrole-check    do not authorize iam:PassRole where a call passes a role to Bedrock: CreateFlow,
                         UpdateFlow, CreateAgent, UpdateAgent, Create/UpdateKnowledgeBase (BFE_PASSROLE_CHECK=false)
  -h, --help             this help
`;

export function parse(argv: string[], env: NodeJS.ProcessEnv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      fixtures: { type: 'string', multiple: true },
      cloudformation: { type: 'string', multiple: true },
      parameter: { type: 'string', multiple: true },
      iam: { type: 'string' },
      'log-level': { type: 'string' },
      'state-file': { type: 'string' },
      seed: { type: 'string' },
      'admin-token': { type: 'string' },
      'allow-http-fixture-code': { type: 'boolean' },
      'prepare-delay-ms': { type: 'string' },
      'drain-ms': { type: 'string' },
      'record-models': { type: 'string' },
      'no-passrole-check': { type: 'boolean' },
      throttle: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`serve takes no arguments, got '${positionals[0]}'`);
  const iam = values.iam ?? env.BFE_IAM ?? 'enforce';
  if (!['enforce', 'audit', 'off'].includes(iam)) throw new UsageError(`--iam must be enforce, audit or off, got '${iam}'`);
  const fixtures = values.fixtures ?? env.BFE_FIXTURES?.split(',').filter(Boolean);
  const cloudformation = values.cloudformation ?? env.BFE_CLOUDFORMATION?.split(',').filter(Boolean) ?? [];
  // "Bearer " alone would open the guard: an empty token is a mistake on the command line, and an empty variable
  // (BFE_ADMIN_TOKEN=${UNSET} in a compose file) means no token, so state is redacted and exposure is warned about.
  if (values['admin-token'] === '') throw new UsageError('--admin-token must not be empty');
  return {
    help: values.help === true,
    port: integer('--port', values.port ?? env.PORT) ?? 5050,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    fixtures: fixtures && fixtures.length > 0 ? fixtures : undefined,
    ...(cloudformation.length > 0 ? { cloudformation } : {}),
    parameters: keyValues('--parameter', values.parameter ?? []),
    iam: iam as IamMode,
    logLevel: values['log-level'] ?? env.LOG_LEVEL ?? 'info',
    stateFile: values['state-file'] ?? env.BFE_STATE_FILE,
    seed: integer('--seed', values.seed ?? env.BFE_SEED),
    adminToken: values['admin-token'] ?? (env.BFE_ADMIN_TOKEN || undefined),
    allowHttpFixtureCode: values['allow-http-fixture-code'] === true || env.BFE_ALLOW_HTTP_FIXTURE_CODE === 'true',
    prepareDelayMs: integer('--prepare-delay-ms', values['prepare-delay-ms'] ?? env.BFE_PREPARE_DELAY_MS),
    drainMs: integer('--drain-ms', values['drain-ms'] ?? env.BFE_DRAIN_MS) ?? DRAIN_MS,
    recordModels: values['record-models'] ?? (env.BFE_RECORD_MODELS || undefined),
    passRoleCheck: !(values['no-passrole-check'] === true || env.BFE_PASSROLE_CHECK === 'false'),
    throttle: values.throttle === true || env.BFE_THROTTLE === 'true',
  };
}

export async function serve(argv: string[]): Promise<void> {
  const options = parse(argv, process.env);
  if (options.help) {
    process.stdout.write(SERVE_HELP);
    return;
  }
  const logger = createLogger(options.logLevel);
  // A fixture the loader refuses, or a port that cannot be had, ends in one line on stderr (src/cli.ts).
  const emulator = await startEmulator({ ...options, logger });
  const stop = async (signal: string) => {
    logger.info(`${signal}: draining and stopping`);
    // A run that never ends must not keep the process alive: after the deadline, save what there is and go.
    const deadlineMs = options.drainMs + SAVE_MARGIN_MS;
    setTimeout(() => {
      logger.warn(`still stopping after ${deadlineMs} ms; saving and exiting`);
      if (options.stateFile) saveStateFile(options.stateFile, emulator.state());
      process.exit(0);
    }, deadlineMs).unref();
    await emulator.close({ drainMs: options.drainMs });
    if (options.stateFile) logger.info(`state saved to ${options.stateFile}`);
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
