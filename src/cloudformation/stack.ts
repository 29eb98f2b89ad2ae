/** What the resource handlers share while a template is translated into a fixture document. */
import { createHash } from 'node:crypto';
import type { FixtureDocument } from '../fixtures/schema.js';
import { id10Of } from '../world/ids.js';
import type { Universe } from '../world/universe.js';
import { partitionOf } from './parameters.js';
import { isObject, TemplateError } from './template-error.js';

type Entries<K extends keyof FixtureDocument> = NonNullable<FixtureDocument[K]>;

export interface StackFixture {
  roles: Entries<'roles'>;
  buckets: Entries<'buckets'>;
  lambdaFunctions: Entries<'lambdaFunctions'>;
  knowledgeBases: Entries<'knowledgeBases'>;
  agents: Entries<'agents'>;
  prompts: Entries<'prompts'>;
  flows: Entries<'flows'>;
}

/** A resource as the rest of the template sees it: what Ref gives and its Fn::GetAtt attributes. */
export interface Created {
  ref: unknown;
  /** Attributes; a function is read when asked (Status and the like are known only once the stack is applied). */
  attributes: Record<string, unknown | ((path: string) => unknown)>;
}

export interface Stack {
  name: string;
  account: string;
  region: string;
  partition: string;
  /** The world the template is applied to: fixtures first, so a template may use what they declare. */
  universe: Universe;
  /** The world after the stack applied (for attributes known only then), set by the deployer. */
  deployed?: Universe;
  /** A template given on the command line or to the library may run inline Lambda code; one posted over HTTP not. */
  trusted: boolean;
  fixture: StackFixture;
  /** Where each fixture entry came from, so that an error applying it names the template's logical id and path. */
  origins: [fixturePath: string, templatePath: string][];
  log(message: string): void;
}

/** An empty stack in the universe's default account and region, for a translator to fill. */
export function newStack(universe: Universe, options: { stackName: string; trusted: boolean; log(message: string): void }): Stack {
  return {
    name: options.stackName,
    account: universe.defaultAccount,
    region: universe.defaultRegion,
    partition: partitionOf(universe.defaultRegion),
    universe,
    trusted: options.trusted,
    fixture: { roles: [], buckets: [], lambdaFunctions: [], knowledgeBases: [], agents: [], prompts: [], flows: [] },
    origins: [],
    log: options.log,
  };
}

/** The stack's fixture as a fixture document: its account and region, then the lists that are not empty. */
export function fixtureDocument(stack: Stack): FixtureDocument {
  const doc: FixtureDocument = { account: stack.account, region: stack.region };
  for (const [key, entries] of Object.entries(stack.fixture)) if (entries.length > 0) (doc as Record<string, unknown>)[key] = entries;
  return doc;
}

/** Adds a fixture entry and where in the template it came from (for errors applying it); its index in its list. */
export function addEntry<K extends keyof StackFixture>(stack: Stack, kind: K, entry: StackFixture[K][number], origin: string): number {
  const index = (stack.fixture[kind] as StackFixture[K][number][]).push(entry) - 1; // TS widens fixture[kind] to the union
  stack.origins.push([`$.${kind}[${index}]`, origin]);
  return index;
}

/**
 * A resource id (`[A-Z0-9]{10}`) derived from the stack and logical id, so that reset() and a restart give a
 * template's resources the same ids and its outputs the same values.
 */
export function physicalId(stack: Stack, logicalId: string): string {
  return id10Of(createHash('sha256').update(`${stack.account}/${stack.region}/${stack.name}/${logicalId}`).digest());
}

/** A generated name as CloudFormation makes one when the template gives none: stack-logicalId-SUFFIX, cut to `max`. */
export function physicalName(stack: Stack, logicalId: string, max: number): string {
  const suffix = physicalId(stack, logicalId);
  return `${stack.name}-${logicalId}`.slice(0, max - suffix.length - 1).concat('-', suffix);
}

export const scopeOf = (stack: Stack) => ({ account: stack.account, region: stack.region, partition: stack.partition });

/** Reading the resolved properties of a resource, with errors at their template path. */
export function properties(props: unknown, path: string) {
  const at = (name: string) => `${path}.${name}`;
  const bag = isObject(props) ? props : {};
  return {
    at,
    string(name: string): string | undefined {
      const v = bag[name];
      if (v === undefined) return undefined;
      if (typeof v !== 'string') throw new TemplateError(at(name), `must be a string, got ${JSON.stringify(v)}`);
      return v;
    },
    required(name: string): string {
      const v = bag[name];
      if (typeof v !== 'string' || v === '') throw new TemplateError(at(name), 'is required (a string)');
      return v;
    },
  };
}

/** CloudFormation tags: `[{ Key, Value }]` (most types) or `{ key: value }` (the Bedrock types) → a map. */
export function tagMap(value: unknown, path: string): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) {
    return Object.fromEntries(
      value.map((t, i) => {
        if (!isObject(t) || typeof t.Key !== 'string') throw new TemplateError(`${path}[${i}]`, 'a tag is { Key, Value }');
        return [t.Key, String(t.Value ?? '')];
      }),
    );
  }
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
  throw new TemplateError(path, 'tags must be a list of { Key, Value } or a map');
}
