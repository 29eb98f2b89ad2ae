/**
 * The stacks an emulator has deployed: start-up templates (re-deployed by reset) and those loaded later, in load
 * order. Outputs of all of them form one map (GET /_emulator/cloudformation/outputs); an earlier stack's exports
 * are what a later one's Fn::ImportValue finds, besides the parameters.
 */
import type { FixtureWarning } from '../fixtures/apply-identities.js';
import { importHandlers } from '../fixtures/lambda-handlers.js';
import type { Environment } from '../operations/context.js';
import type { Universe } from '../world/universe.js';
import { type Deployed, deployTemplate } from './deploy-template.js';
import type { TemplateSource } from './read-template.js';
import { TemplateLoadError } from './template-error.js';

export interface StackRecord {
  name: string;
  source: string;
  outputs: Record<string, string>;
  exports: Record<string, string>;
  flows: Record<string, string>;
}

export interface DeployContext {
  env: Environment;
  parameters: Record<string, string>;
  log(message: string): void;
  warn: FixtureWarning;
}

export class Stacks {
  private constructor(private readonly records: readonly StackRecord[]) {}

  static readonly none = new Stacks([]);

  get list(): readonly StackRecord[] {
    return this.records;
  }

  /** Every stack's outputs in one map; a later stack's output of the same name wins. */
  outputs(): Record<string, string> {
    return Object.assign({}, ...this.records.map((r) => r.outputs));
  }

  /** Deploys `template` onto `universe` (synchronously: inline handler modules are checked by the caller). */
  deploy(universe: Universe, template: TemplateSource, trusted: boolean, ctx: DeployContext): { deployed: Deployed; stacks: Stacks } {
    if (this.records.some((r) => r.name === template.stackName)) {
      throw new TemplateLoadError(template.source, '$', `a stack named ${template.stackName} is already loaded`);
    }
    const imports = Object.assign({}, ...this.records.map((r) => r.exports), ctx.parameters) as Record<string, string>;
    const deployed = deployTemplate(universe, ctx.env, template, { parameters: imports, trusted, log: ctx.log, warn: ctx.warn });
    const record = { name: template.stackName, source: template.source, ...pick(deployed) };
    return { deployed, stacks: new Stacks([...this.records, record]) };
  }
}

const pick = ({ outputs, exports, flows }: Deployed) => ({ outputs, exports, flows });

/** Imports the deployed stacks' inline Lambda handler modules; a failure names the template's resource. */
export async function importStackHandlers(deployed: readonly Deployed[]): Promise<void> {
  for (const d of deployed) {
    try {
      await importHandlers([d.fixture]);
    } catch (err) {
      throw d.explain(err);
    }
  }
}
