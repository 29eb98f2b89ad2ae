/**
 * The workbench's "Try it" (POST /_emulator/ui/api/invoke): InvokeFlow as an identity of the world, without SigV4.
 * A browser cannot sign with a secret it should never hold, so the server acts for the chosen identity: the same
 * caller authorization as a signed request (the decision lands in the log, a denial answers AccessDeniedException)
 * and the same operation (src/operations/runtime/InvokeFlow.ts), its events collected instead of streamed.
 */
import type { Emulator } from '../emulator.js';
import { authorizeCaller } from '../access/caller-authorizer.js';
import { accountOf } from '../fixtures/apply-identities.js';
import type { FlowEvent } from '../flows/index.js';
import { InvokeFlow } from '../operations/runtime/InvokeFlow.js';
import { validationException } from '../protocol/errors.js';
import { environmentContext } from '../server/environment-context.js';
import type { InvokeFlowInput } from '../generated/types.js';
import type { World } from '../world/world.js';

export interface TryInvokeRequest {
  /** Whose access key the call is made with; the world's `test` administrator unless named. */
  accessKeyId: string;
  region: string;
  input: InvokeFlowInput;
}

export interface TryInvokeResult {
  executionId: string;
  /** SUCCESS, INPUT_REQUIRED, or the in-stream error's type (as src/server/invoke-frames.ts names them). */
  outcome: string;
  error?: { type: string; message: string; nodeName?: string };
  outputs: { nodeName: string; document: unknown }[];
  /** The question a multi-turn node asks, when the run paused for an answer. */
  question?: { nodeName: string; text: string };
}

/** Flow outputs kept for the page; the full record of the run is the run log's. */
const MAX_OUTPUTS = 100;

/**
 * `resource` is the alias ARN the request authorizes on, resolved by the route (routes/resources.ts) like a signed
 * InvokeFlow's.
 */
export async function tryInvoke(
  emulator: Emulator,
  request: TryInvokeRequest,
  resource: (world: World) => string,
): Promise<TryInvokeResult> {
  const universe = emulator.universe;
  const identity = universe.identities.get(request.accessKeyId);
  if (!identity && emulator.mode !== 'off') throw validationException(`No identity of this world has access key ${request.accessKeyId}.`);
  const account = identity ? accountOf(identity.arn) : universe.defaultAccount;
  // Only a world that exists: a page must not make new account-and-region worlds (src/world/universe.ts MAX_WORLDS).
  const world = universe.worlds.get(`${account}/${request.region}`);
  if (!world) throw validationException(`Account ${account} has no flows in region ${request.region}.`);
  if (identity) {
    const context = environmentContext(emulator.env.clock.epochMs(), world.region);
    authorizeCaller(
      emulator.mode,
      identity,
      { action: 'bedrock:InvokeFlow', resource: resource(world), context },
      emulator.decisions,
      emulator.log,
    );
  }
  const caller = { arn: identity?.arn ?? `arn:aws:iam::${account}:root`, account };
  const run = InvokeFlow(emulator.contextFor(world, caller, emulator.log), request.input);
  const outputs: TryInvokeResult['outputs'] = [];
  const sink = (event: FlowEvent) => {
    if (event.kind === 'flowOutput' && outputs.length < MAX_OUTPUTS) outputs.push({ nodeName: event.nodeName, document: event.document });
  };
  const result = await run.start({ sink }, { aborted: false });
  const base = { executionId: run.executionId, outputs };
  switch (result.kind) {
    case 'completed':
      return { ...base, outcome: 'SUCCESS' };
    case 'paused':
      return { ...base, outcome: 'INPUT_REQUIRED', question: { nodeName: result.nodeName, text: result.question } };
    case 'failed':
      return {
        ...base,
        outcome: result.error.type,
        error: { type: result.error.type, message: result.error.message, ...(result.nodeName ? { nodeName: result.nodeName } : {}) },
      };
    case 'aborted':
      return { ...base, outcome: 'ABORTED' };
  }
}
