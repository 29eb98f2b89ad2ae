/**
 * Deploys a template onto a world, all or nothing: it is translated into a fixture document, applied to a copy of
 * the world through the API's operations (src/fixtures/load-fixtures.ts), and its flows are prepared as the
 * CloudFormation handler prepares them after create (so they end Prepared, or Failed with their validations).
 * Every error is a TemplateLoadError (a FixtureError) naming the template's logical id and property path.
 */
import type { FixtureWarning } from '../fixtures/apply-identities.js';
import { FixtureError } from '../fixtures/fixture-error.js';
import { fixtureSteps } from '../fixtures/fixture-steps.js';
import { checkHandlerFiles } from '../fixtures/lambda-handlers.js';
import { applyFixtures } from '../fixtures/load-fixtures.js';
import { checkFixture, type LoadedFixture } from '../fixtures/read-fixture.js';
import type { Environment } from '../operations/context.js';
import { PrepareFlow } from '../operations/flows/PrepareFlow.js';
import { settle } from '../operations/status-transition.js';
import type { Universe } from '../world/universe.js';
import type { TemplateSource } from './read-template.js';
import { TemplateError, TemplateLoadError } from './template-error.js';
import { translateTemplate } from './translate-template.js';
import { terraformPath } from './terraform/block-names.js';
import { isTerraformDocument } from './terraform/terraform-document.js';
import { translateTerraform } from './terraform/translate-terraform.js';

export interface DeployOptions {
  parameters: Record<string, string>;
  trusted: boolean;
  log(message: string): void;
  warn: FixtureWarning;
}

export interface Deployed {
  universe: Universe;
  /** The fixture document the template became (its Lambda handler modules are imported by the caller). */
  fixture: LoadedFixture;
  outputs: Record<string, string>;
  exports: Record<string, string>;
  /** The template's flows: logical id → flow id. */
  flows: Record<string, string>;
  /** Turns an error about the fixture document (say, importing a handler module) into one about the template. */
  explain(err: unknown): unknown;
}

export function deployTemplate(
  base: Universe,
  env: Environment,
  { source, template, stackName }: TemplateSource,
  options: DeployOptions,
): Deployed {
  // `terraform show -json` output is read by its own translator into the same fixture document (docs/cloudformation.md).
  const terraform = isTerraformDocument(template);
  const asFixtureError = (err: unknown, origins: [string, string][] = []): unknown => {
    if (err instanceof TemplateError) return new TemplateLoadError(source, err.path, err.reason);
    if (err instanceof FixtureError && err.file === source) {
      const path = templatePath(`${err.path}${memberOf(err.reason)}`, origins, terraform ? terraformPath : undefined);
      return new TemplateLoadError(source, path, err.reason);
    }
    return err;
  };
  let translated: ReturnType<typeof translateTemplate>;
  try {
    translated = (terraform ? translateTerraform : translateTemplate)(template as Record<string, unknown>, base, {
      stackName,
      parameters: options.parameters,
      trusted: options.trusted,
      log: options.log,
    });
  } catch (err) {
    throw asFixtureError(err);
  }
  const { stack } = translated;
  try {
    const fixture = checkFixture(translated.fixture, source, process.cwd());
    checkHandlerFiles(fixture);
    const universe = applyFixtures(base, env, [fixture], options.warn);
    prepareFlows(universe, env, fixture, translated.prepare ?? Object.values(translated.flows));
    stack.deployed = universe;
    const { values, exports } = translated.outputs();
    const explain = (e: unknown) => asFixtureError(e, stack.origins);
    return { universe, fixture, outputs: values, exports, flows: translated.flows, explain };
  } catch (err) {
    throw asFixtureError(err, stack.origins);
  }
}

/** Flows not prepared yet (those with versions were, to snapshot them) are prepared now, failing or not. */
function prepareFlows(universe: Universe, env: Environment, fixture: LoadedFixture, flowIds: string[]): void {
  const { contextFor, run } = fixtureSteps(universe, env, fixture);
  const ctx = contextFor({});
  fixture.doc.flows?.forEach(({ flowId: id }, i) => {
    if (!id || !flowIds.includes(id)) return;
    const record = ctx.world.flows.get(id);
    if (!record || record.status === 'Prepared') return;
    run(`$.flows[${i}]`, () => PrepareFlow(ctx, { flowIdentifier: id }));
    settle(ctx, record, true);
  });
}

/**
 * The member one API validation error names (`Value at 'definition.nodes.1.member.type'`, positions counted from
 * 1) as a JSON path below the request (`.definition.nodes[0].type`), so the error points into the template.
 */
function memberOf(reason: string): string {
  const member = /^ValidationException: 1 validation error detected: Value at '([\w.]+)'/.exec(reason)?.[1];
  return member ? `.${member.replace(/\.(\d+)\.member/g, (_, n: string) => `[${Number(n) - 1}]`)}` : '';
}

/** Fixture members whose template property has another name than the member's PascalCase. */
const TEMPLATE_MEMBERS: Record<string, string> = {
  managedPolicies: 'ManagedPolicyArns',
  trustPolicy: 'AssumeRolePolicyDocument',
  policies: 'Policies',
  handler: 'Code.ZipFile',
  timeoutMs: 'Timeout',
  prepare: 'Definition',
  agentName: 'AgentName',
};

/** `$.flows[0].definition.nodes[1]` → `Resources.MyFlow.Properties.Definition.Nodes[1]`, by the entry's origin. */
export function templatePath(
  fixturePath: string,
  origins: readonly [string, string][],
  /** How a path below the entry is written in the source document; by default, CloudFormation's PascalCase. */
  members?: (rest: string) => string,
): string {
  let best: [string, string] | undefined;
  for (const origin of origins) {
    const [prefix] = origin;
    const matches = fixturePath === prefix || fixturePath.startsWith(`${prefix}.`) || fixturePath.startsWith(`${prefix}[`);
    if (matches && (!best || prefix.length > best[0].length)) best = origin;
  }
  if (!best) return fixturePath;
  if (members) return `${best[1]}${members(fixturePath.slice(best[0].length))}`;
  const rest = fixturePath
    .slice(best[0].length)
    .replace(/^\.(\w+)/, (whole, member: string) => (TEMPLATE_MEMBERS[member] ? `.${TEMPLATE_MEMBERS[member]}` : whole))
    .replace(/\.([a-z])/g, (_, c: string) => `.${c.toUpperCase()}`);
  return `${best[1]}${rest}`;
}
