/**
 * A CloudFormation template as a fixture document: resources in creation order, each resolved (intrinsics,
 * conditions, parameters) and handed to its type's handler, which adds fixture entries with ids fixed in advance
 * so that Ref and Fn::GetAtt have their values before anything is created. Applying the document then replays the
 * API's operations (src/fixtures), so a template's flow is the same thing as one made through the API.
 */
import { createHash } from 'node:crypto';
import type { FixtureDocument } from '../fixtures/schema.js';
import type { Universe } from '../world/universe.js';
import { creationOrder, referencesIn } from './creation-order.js';
import { evaluateCondition, type IntrinsicScope, NO_VALUE, resolve } from './intrinsics.js';
import { parameterValues, pseudoParameter } from './parameters.js';
import { RESOURCE_TYPES } from './resources/index.js';
import { type Created, fixtureDocument, newStack, type Stack } from './stack.js';
import { depthExceeds } from '../json-depth.js';
import { isObject, MAX_DEPTH, TemplateError } from './template-error.js';

export interface TranslateOptions {
  stackName: string;
  /** `--parameter` values; also the values of Fn::ImportValue. */
  parameters: Record<string, string>;
  trusted: boolean;
  log(message: string): void;
}

export interface Translated {
  fixture: FixtureDocument;
  stack: Stack;
  /** The template's flows (logical id → flow id), prepared after creation as CloudFormation's handler does. */
  flows: Record<string, string>;
  /** The flows (ids) to prepare after creation, when not all of them (a Terraform document says which were). */
  prepare?: string[];
  /** The Outputs, evaluated once the stack is applied (`stack.deployed` set); Export names with their values. */
  outputs(): { values: Record<string, string>; exports: Record<string, string> };
}

interface Declared {
  type: string;
  created?: Created;
  /** Why this resource exists in the template but not in the emulator (a false Condition, a type not modelled). */
  absent?: string;
}

export function translateTemplate(template: unknown, universe: Universe, options: TranslateOptions): Translated {
  if (!isObject(template)) throw new TemplateError('$', 'a template is a JSON or YAML object with a Resources section');
  if (depthExceeds(template, MAX_DEPTH)) throw new TemplateError('$', `the template nests deeper than ${MAX_DEPTH} levels`);
  const resources = template.Resources;
  if (!isObject(resources) || Object.keys(resources).length === 0)
    throw new TemplateError('Resources', 'a template needs at least one resource');
  if (template.Transform !== undefined) options.log('Transform: macros are not expanded; the template is read as written');
  const stack = newStack(universe, options);
  const { account, region, partition } = stack;
  const stackIdSuffix = createHash('sha256').update(`${account}/${region}/${options.stackName}`).digest('hex');
  const pseudo = {
    account,
    region,
    partition,
    stackName: options.stackName,
    stackId: `arn:${partition}:cloudformation:${region}:${account}:stack/${options.stackName}/${stackIdSuffix.slice(0, 8)}-${stackIdSuffix.slice(8, 12)}-${stackIdSuffix.slice(12, 16)}-${stackIdSuffix.slice(16, 20)}-${stackIdSuffix.slice(20, 32)}`,
  };
  const parameters = parameterValues(template.Parameters, options.parameters);
  const mappings = isObject(template.Mappings) ? template.Mappings : {};
  const conditionsDeclared = isObject(template.Conditions) ? template.Conditions : {};
  const conditions = new Map<string, boolean | 'evaluating'>();
  const declared = new Map<string, Declared>();

  const scope: IntrinsicScope = {
    mappings,
    imports: options.parameters,
    region,
    ref(name, path) {
      const value = pseudoParameter(name, pseudo);
      if (value !== undefined) return value;
      if (parameters.has(name)) return parameters.get(name);
      const resource = declared.get(name);
      if (!resource) throw new TemplateError(path, `unknown logical id or parameter ${name}`);
      if (resource.absent?.startsWith('Condition')) throw new TemplateError(path, `${name} is not created: ${resource.absent}`);
      // A type not modelled has no properties here; its Ref stands for its physical id, so it gets its logical id.
      return resource.created?.ref ?? name;
    },
    getAtt(id, attribute, path) {
      const resource = declared.get(id);
      if (!resource) throw new TemplateError(path, `Fn::GetAtt names ${id}, which is not a resource of this template`);
      if (!resource.created) throw new TemplateError(path, `Fn::GetAtt ${id}.${attribute}: ${id} is not created (${resource.absent})`);
      const attributes = resource.created.attributes;
      if (!Object.hasOwn(attributes, attribute)) {
        throw new TemplateError(path, `${resource.type} has no attribute ${attribute} (it has ${Object.keys(attributes).join(', ')})`);
      }
      const value = attributes[attribute];
      return typeof value === 'function' ? value(path) : value;
    },
    condition(name, path) {
      const known = conditions.get(name);
      if (known === 'evaluating') throw new TemplateError(`Conditions.${name}`, 'the condition refers to itself');
      if (known !== undefined) return known;
      if (!Object.hasOwn(conditionsDeclared, name)) throw new TemplateError(path, `no condition named ${name} in Conditions`);
      conditions.set(name, 'evaluating');
      const value = evaluateCondition(conditionsDeclared[name], scope, `Conditions.${name}`);
      conditions.set(name, value);
      return value;
    },
  };

  // Every resource is known by its logical id before any is resolved, so references can be checked and ordered.
  const ids = Object.keys(resources);
  for (const id of ids) {
    const resource = resources[id];
    if (!isObject(resource) || typeof resource.Type !== 'string') throw new TemplateError(`Resources.${id}`, 'a resource needs a Type');
    declared.set(id, { type: resource.Type });
  }
  const dependencies = (id: string): string[] => {
    const resource = resources[id] as Record<string, unknown>;
    const path = `Resources.${id}`;
    const needed = [...referencesIn(resource.Properties, `${path}.Properties`)].filter(([name, at]) => {
      if (declared.has(name)) return true;
      if (parameters.has(name) || pseudoParameter(name, pseudo) !== undefined) return false;
      throw new TemplateError(at, `unknown logical id or parameter ${name}`);
    });
    const dependsOn = resource.DependsOn === undefined ? [] : Array.isArray(resource.DependsOn) ? resource.DependsOn : [resource.DependsOn];
    dependsOn.forEach((name, i) => {
      if (typeof name !== 'string' || !declared.has(name)) {
        throw new TemplateError(`${path}.DependsOn${Array.isArray(resource.DependsOn) ? `[${i}]` : ''}`, `no resource ${String(name)}`);
      }
    });
    return [...needed.map(([name]) => name), ...(dependsOn as string[])];
  };

  for (const id of creationOrder(ids, dependencies)) {
    const resource = resources[id] as Record<string, unknown>;
    const entry = declared.get(id)!;
    const path = `Resources.${id}`;
    if (typeof resource.Condition === 'string' && !scope.condition(resource.Condition, `${path}.Condition`)) {
      entry.absent = `Condition ${resource.Condition} is false`;
      continue;
    }
    const handler = RESOURCE_TYPES[entry.type];
    if (!handler) {
      entry.absent = `${entry.type} is not modelled by the emulator`;
      options.log(`${path}: skipped, ${entry.type} is not modelled`);
      continue;
    }
    const props = resolve(resource.Properties ?? {}, scope, `${path}.Properties`);
    entry.created = handler(isObject(props) ? props : {}, id, stack, `${path}.Properties`);
  }
  if ([...declared.values()].every((d) => !RESOURCE_TYPES[d.type])) {
    throw new TemplateError(
      'Resources',
      `none of its resources is of a type the emulator models (${Object.keys(RESOURCE_TYPES).join(', ')})`,
    );
  }

  return {
    fixture: fixtureDocument(stack),
    stack,
    flows: Object.fromEntries(
      [...declared]
        .filter(([, d]) => d.type === 'AWS::Bedrock::Flow' && d.created)
        .map(([id, d]) => [id, String(d.created!.attributes.Id)]),
    ),
    outputs: () => evaluateOutputs(template.Outputs, scope),
  };
}

function evaluateOutputs(declared: unknown, scope: IntrinsicScope) {
  const values: Record<string, string> = {};
  const exports: Record<string, string> = {};
  if (!isObject(declared)) return { values, exports };
  for (const [name, output] of Object.entries(declared)) {
    const path = `Outputs.${name}`;
    if (!isObject(output) || output.Value === undefined) throw new TemplateError(path, 'an output needs a Value');
    if (typeof output.Condition === 'string' && !scope.condition(output.Condition, `${path}.Condition`)) continue;
    const value = resolve(output.Value, scope, `${path}.Value`);
    if (value === NO_VALUE) continue;
    // Output values are strings; a list is given comma-separated, as CloudFormation describes it.
    const text = Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : JSON.stringify(value);
    values[name] = text;
    if (isObject(output.Export) && output.Export.Name !== undefined) {
      exports[String(resolve(output.Export.Name, scope, `${path}.Export.Name`))] = text;
    }
  }
  return { values, exports };
}
