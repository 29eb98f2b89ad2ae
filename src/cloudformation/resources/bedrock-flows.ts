/**
 * AWS::Bedrock::Flow, FlowVersion and FlowAlias (docs: aws-resource-bedrock-flow.html and its siblings) as fixture
 * flow entries: the flow's CreateFlow body, the versions and aliases it gets (the mapping: docs/cloudformation.md).
 */
import type { FlowFixture } from '../../fixtures/schema.js';
import { flowAliasArn, flowArn } from '../../world/arns.js';
import { worldOf } from '../../world/universe.js';
import { camelCaseMembers, isPascalCase } from '../camel-case.js';
import { addEntry, type Created, physicalId, properties, scopeOf, type Stack, tagMap } from '../stack.js';
import { isObject, TemplateError } from '../template-error.js';

/** The template's flows by ARN, for the versions and aliases that name them. */
const flowsOf = new WeakMap<Stack, Map<string, { entry: FlowFixture; index: number; id: string }>>();

export function flow(props: Record<string, unknown>, logicalId: string, stack: Stack, path: string): Created {
  const p = properties(props, path);
  const id = physicalId(stack, logicalId);
  const entry: FlowFixture = {
    flowId: id,
    name: p.required('Name'),
    executionRoleArn: p.required('ExecutionRoleArn'),
    definition: definitionOf(props, stack, path),
    versions: [],
    aliases: [],
  };
  const description = p.string('Description');
  if (description !== undefined) entry.description = description;
  const key = p.string('CustomerEncryptionKeyArn');
  if (key !== undefined) entry.customerEncryptionKeyArn = key;
  const tags = tagMap(props.Tags, p.at('Tags'));
  if (tags) entry.tags = tags;
  const index = addEntry(stack, 'flows', entry, path);
  const arn = flowArn(scopeOf(stack), id);
  const byArn = flowsOf.get(stack) ?? new Map();
  flowsOf.set(stack, byArn.set(arn, { entry, index, id }));
  const record = () => (stack.deployed ? worldOf(stack.deployed, stack.account, stack.region).flows.get(id) : undefined);
  const live = (name: string, read: (r: NonNullable<ReturnType<typeof record>>) => unknown) => (path: string) => {
    const r = record();
    if (!r) throw new TemplateError(path, `${logicalId}.${name} is known only once the stack is created (use it in Outputs)`);
    return read(r);
  };
  return {
    ref: arn,
    attributes: {
      Arn: arn,
      Id: id,
      Version: 'DRAFT',
      Status: live('Status', (r) => r.status),
      CreatedAt: live('CreatedAt', (r) => r.createdAt),
      UpdatedAt: live('UpdatedAt', (r) => r.updatedAt),
      Validations: live('Validations', (r) => (r.validations ?? []).map((v) => ({ Message: v.message }))),
    },
  };
}

/** One of Definition (PascalCase), DefinitionString (JSON, either casing) or DefinitionS3Location (the fake S3). */
function definitionOf(props: Record<string, unknown>, stack: Stack, path: string): unknown {
  const given = ['Definition', 'DefinitionString', 'DefinitionS3Location'].filter((name) => props[name] !== undefined);
  if (given.length > 1) throw new TemplateError(`${path}.${given[1]}`, `give only one of ${given.join(', ')}`);
  if (props.Definition !== undefined) return camelCaseMembers(props.Definition);
  let text: string;
  let at: string;
  if (props.DefinitionString !== undefined) {
    at = `${path}.DefinitionString`;
    text = typeof props.DefinitionString === 'string' ? props.DefinitionString : JSON.stringify(props.DefinitionString);
  } else if (props.DefinitionS3Location !== undefined) {
    at = `${path}.DefinitionS3Location`;
    text = readS3(props.DefinitionS3Location, stack, at);
  } else {
    return undefined;
  }
  const substituted = substitute(text, props.DefinitionSubstitutions, `${path}.DefinitionSubstitutions`);
  let definition: unknown;
  try {
    definition = JSON.parse(substituted);
  } catch (err) {
    throw new TemplateError(at, `is not valid JSON after DefinitionSubstitutions: ${(err as Error).message}`);
  }
  return isPascalCase(definition) ? camelCaseMembers(definition) : definition;
}

/** `${name}` → the substitution's value (string, integer or boolean); names without a value stay as written. */
function substitute(text: string, substitutions: unknown, path: string): string {
  if (substitutions === undefined) return text;
  if (!isObject(substitutions)) throw new TemplateError(path, 'must be a map of names to strings, integers or booleans');
  for (const [name, value] of Object.entries(substitutions)) {
    if (!['string', 'number', 'boolean'].includes(typeof value)) {
      throw new TemplateError(`${path}.${name}`, 'must be a string, an integer or a boolean');
    }
  }
  return text.replace(/\$\{([^}]+)\}/g, (whole, name: string) =>
    Object.hasOwn(substitutions, name) ? String(substitutions[name]) : whole,
  );
}

function readS3(location: unknown, stack: Stack, path: string): string {
  if (!isObject(location) || typeof location.Bucket !== 'string' || typeof location.Key !== 'string') {
    throw new TemplateError(path, 'must be { Bucket, Key, Version? }');
  }
  const bucket = stack.universe.buckets.get(location.Bucket);
  if (!bucket) throw new TemplateError(`${path}.Bucket`, `no bucket ${location.Bucket} in the fixtures' fake S3`);
  const object = bucket.objects.get(location.Key);
  if (!object) throw new TemplateError(`${path}.Key`, `no object ${location.Key} in bucket ${location.Bucket}`);
  return Buffer.from(object).toString('utf8');
}

function flowNamed(stack: Stack, arnOrId: string, path: string) {
  const flows = flowsOf.get(stack) ?? new Map();
  const found = flows.get(arnOrId) ?? [...flows.values()].find((f) => f.id === arnOrId);
  if (!found)
    throw new TemplateError(path, `${arnOrId} is not a flow of this template (versions and aliases of other flows are not modelled)`);
  return found;
}

export function flowVersion(props: Record<string, unknown>, _logicalId: string, stack: Stack, path: string): Created {
  const p = properties(props, path);
  const { entry, index, id } = flowNamed(stack, p.required('FlowArn'), p.at('FlowArn'));
  const body: Record<string, unknown> = {};
  const description = p.string('Description');
  if (description !== undefined) body.description = description;
  const versions = entry.versions!;
  const number = String(versions.push(body));
  stack.origins.push([`$.flows[${index}].versions[${versions.length - 1}]`, path]);
  const arn = flowArn(scopeOf(stack), id);
  return {
    ref: `${arn}|${number}`,
    attributes: { Version: number, FlowId: id, Name: entry.name, Status: 'Prepared' },
  };
}

export function flowAlias(props: Record<string, unknown>, logicalId: string, stack: Stack, path: string): Created {
  const p = properties(props, path);
  const { entry, index, id: flowId } = flowNamed(stack, p.required('FlowArn'), p.at('FlowArn'));
  const aliasId = physicalId(stack, logicalId);
  const routing = props.RoutingConfiguration;
  const body: Record<string, unknown> = {
    aliasId,
    name: p.required('Name'),
    routingConfiguration: camelCaseMembers(routing),
  };
  const description = p.string('Description');
  if (description !== undefined) body.description = description;
  if (props.ConcurrencyConfiguration !== undefined) body.concurrencyConfiguration = camelCaseMembers(props.ConcurrencyConfiguration);
  const tags = tagMap(props.Tags, p.at('Tags'));
  if (tags) body.tags = tags;
  const aliases = entry.aliases!;
  aliases.push(body);
  stack.origins.push([`$.flows[${index}].aliases[${aliases.length - 1}]`, path]);
  const arn = flowAliasArn(scopeOf(stack), flowId, aliasId);
  return { ref: arn, attributes: { Arn: arn, Id: aliasId, FlowId: flowId } };
}
