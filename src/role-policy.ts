/**
 * The execution-role policies of a flow definition without a server (the `role-policy` command and the library):
 * the definition's node calls resolved against a fixtures' world (prompt resources → their model), else against an
 * empty world in the default account and Region.
 */
import { flowRolePolicies, type FlowRolePolicies } from './access/flow-role-policy.js';
import { Emulator } from './emulator.js';
import type { FixtureDocument } from './fixtures/schema.js';
import { createLogger } from './logger.js';
import { worldOf } from './world/universe.js';

export interface RolePolicyOptions {
  /** Fixture documents or files: the world the definition's references resolve in (default: none). */
  fixtures?: (FixtureDocument | string)[];
  /** The flow the trust policy admits (default `*`: any flow of the account and Region). */
  flowId?: string;
}

/** `definition`: a flow definition, or a CreateFlow request body holding one. Throws FixtureError for a bad fixture. */
export async function flowRolePolicy(definition: unknown, options: RolePolicyOptions = {}): Promise<FlowRolePolicies> {
  const emulator = new Emulator({ fixtures: options.fixtures ?? [] }, createLogger('error', false));
  try {
    const { universe } = emulator;
    const world = worldOf(universe, universe.defaultAccount, universe.defaultRegion);
    const body = definition as { definition?: unknown } | undefined;
    const nodes = body && typeof body === 'object' && 'definition' in body ? body.definition : definition;
    return flowRolePolicies(nodes, world, options.flowId ?? '*', universe);
  } finally {
    await emulator.close();
  }
}
