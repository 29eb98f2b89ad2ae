/**
 * CloudFormation's intrinsic functions and condition functions, evaluated over a resolved template value
 * (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html). Names are looked up
 * through a scope (parameters, pseudo parameters, resources), so this file knows nothing of resource types.
 */
import { isObject, TemplateError } from './template-error.js';

/** `Ref: AWS::NoValue`: the property (or list item) is removed, as if it had not been written. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

export interface IntrinsicScope {
  /** Ref of a parameter, pseudo parameter or resource; throws TemplateError for an unknown name. */
  ref(name: string, path: string): unknown;
  getAtt(logicalId: string, attribute: string, path: string): unknown;
  /** The value of a named condition of the template's Conditions section. */
  condition(name: string, path: string): boolean;
  mappings: Record<string, unknown>;
  /** Values for Fn::ImportValue (another stack's exports, given like parameters). */
  imports: Record<string, string>;
  region: string;
}

const FUNCTION_NAMES = new Set([
  'Ref',
  'Fn::GetAtt',
  'Fn::Sub',
  'Fn::Join',
  'Fn::Select',
  'Fn::Split',
  'Fn::If',
  'Fn::FindInMap',
  'Fn::GetAZs',
  'Fn::Base64',
  'Fn::ImportValue',
  'Fn::Equals',
  'Fn::Not',
  'Fn::And',
  'Fn::Or',
  'Fn::Cidr',
  'Fn::Transform',
  'Fn::Length',
  'Fn::ToJsonString',
]);

/** `{ "Fn::Join": … }`: the function's name and argument, when `value` is a call. */
export function callOf(value: unknown): [string, unknown] | undefined {
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1 || !FUNCTION_NAMES.has(keys[0]!)) return undefined;
  return [keys[0]!, value[keys[0]!]];
}

/** The value with every function call in it evaluated; `AWS::NoValue` members and items are dropped. */
export function resolve(value: unknown, scope: IntrinsicScope, path: string): unknown {
  const call = callOf(value);
  if (call) return evaluate(call[0], call[1], scope, `${path}.${call[0]}`);
  if (Array.isArray(value)) {
    return value.map((item, i) => resolve(item, scope, `${path}[${i}]`)).filter((item) => item !== NO_VALUE);
  }
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      const resolved = resolve(member, scope, `${path}.${key}`);
      if (resolved !== NO_VALUE) out[key] = resolved;
    }
    return out;
  }
  return value;
}

const fail = (path: string, reason: string): never => {
  throw new TemplateError(path, reason);
};

function args(value: unknown, count: number, name: string, path: string): unknown[] {
  if (!Array.isArray(value) || value.length !== count) fail(path, `${name} takes a list of ${count} arguments`);
  return value as unknown[];
}

function text(value: unknown, what: string, path: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return fail(path, `${what} must be a string, got ${JSON.stringify(value) ?? String(value)}`);
}

function list(value: unknown, what: string, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, `${what} must be a list, got ${JSON.stringify(value) ?? String(value)}`);
  return value as unknown[];
}

function evaluate(name: string, arg: unknown, scope: IntrinsicScope, path: string): unknown {
  switch (name) {
    case 'Ref':
      return scope.ref(text(arg, 'Ref', path), path);
    case 'Fn::GetAtt': {
      const parts = typeof arg === 'string' ? arg.split(/\.(.*)/s, 2) : resolve(arg, scope, path);
      const [id, attribute] = list(parts, 'Fn::GetAtt', path);
      if (typeof id !== 'string' || typeof attribute !== 'string' || attribute === '') {
        return fail(path, 'Fn::GetAtt takes [LogicalId, Attribute] or "LogicalId.Attribute"');
      }
      return scope.getAtt(id, attribute, path);
    }
    case 'Fn::Sub':
      return substitute(arg, scope, path);
    case 'Fn::Join': {
      const [delimiter, items] = args(arg, 2, 'Fn::Join', path);
      const values = list(resolve(items, scope, `${path}[1]`), 'the list of Fn::Join', `${path}[1]`);
      return values
        .map((v, i) => text(v, 'each item of Fn::Join', `${path}[1][${i}]`))
        .join(text(delimiter, 'the delimiter', `${path}[0]`));
    }
    case 'Fn::Select': {
      const [index, items] = args(arg, 2, 'Fn::Select', path);
      const n = Number(resolve(index, scope, `${path}[0]`));
      const values = list(resolve(items, scope, `${path}[1]`), 'the list of Fn::Select', `${path}[1]`);
      if (!Number.isInteger(n) || n < 0 || n >= values.length) {
        return fail(path, `Fn::Select index ${String(index)} is not within the list of ${values.length}`);
      }
      return values[n];
    }
    case 'Fn::Split': {
      const [delimiter, source] = args(arg, 2, 'Fn::Split', path);
      return text(resolve(source, scope, `${path}[1]`), 'the string of Fn::Split', `${path}[1]`).split(
        text(delimiter, 'the delimiter', `${path}[0]`),
      );
    }
    case 'Fn::If': {
      const [condition, whenTrue, whenFalse] = args(arg, 3, 'Fn::If', path);
      const chosen = scope.condition(text(condition, 'the condition name', `${path}[0]`), `${path}[0]`);
      return chosen ? resolve(whenTrue, scope, `${path}[1]`) : resolve(whenFalse, scope, `${path}[2]`);
    }
    case 'Fn::FindInMap': {
      const keys = list(resolve(arg, scope, path), 'Fn::FindInMap', path);
      if (keys.length !== 3) return fail(path, 'Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey]');
      const [map, top, second] = keys.map((k, i) => text(k, 'each key of Fn::FindInMap', `${path}[${i}]`)) as [string, string, string];
      const found = lookup(lookup(lookup(scope.mappings, map), top), second);
      return found === undefined ? fail(path, `Mappings has no ${map}.${top}.${second}`) : found;
    }
    case 'Fn::GetAZs': {
      const region = text(resolve(arg, scope, path), 'the region of Fn::GetAZs', path) || scope.region;
      return ['a', 'b', 'c'].map((zone) => `${region}${zone}`);
    }
    case 'Fn::Base64':
      return Buffer.from(text(resolve(arg, scope, path), 'the string of Fn::Base64', path), 'utf8').toString('base64');
    case 'Fn::ImportValue': {
      const exportName = text(resolve(arg, scope, path), 'the export name', path);
      const value = scope.imports[exportName];
      return value ?? fail(path, `no export named ${exportName}: give its value as a parameter (--parameter ${exportName}=VALUE)`);
    }
    case 'Fn::Equals':
    case 'Fn::Not':
    case 'Fn::And':
    case 'Fn::Or':
      return evaluateCondition({ [name]: arg }, scope, path.slice(0, -name.length - 1));
    default:
      return fail(path, `${name} is not supported by the emulator (docs/cloudformation.md)`);
  }
}

function lookup(value: unknown, key: string): unknown {
  return isObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** Fn::Sub, both forms: `"text ${Name} ${Res.Attr} ${!Literal}"` or `[text, { Name: value }]`. */
function substitute(arg: unknown, scope: IntrinsicScope, path: string): string {
  const [template, variables = {}] = Array.isArray(arg) ? args(arg, 2, 'Fn::Sub', path) : [arg];
  const source = text(template, 'the string of Fn::Sub', Array.isArray(arg) ? `${path}[0]` : path);
  if (!isObject(variables)) return fail(`${path}[1]`, 'the variables of Fn::Sub must be a map');
  return source.replace(/\$\{([^}]*)\}/g, (_whole, inner: string) => {
    if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
    const name = inner.trim();
    if (Object.hasOwn(variables, name)) {
      return text(resolve(variables[name], scope, `${path}[1].${name}`), `the variable ${name}`, `${path}[1].${name}`);
    }
    const dot = name.indexOf('.');
    const value =
      dot > 0 && !name.startsWith('AWS::') ? scope.getAtt(name.slice(0, dot), name.slice(dot + 1), path) : scope.ref(name, path);
    return text(value, `\${${name}} in Fn::Sub`, path);
  });
}

/** The names a Fn::Sub string refers to (for creation order): `${A}` and `${B.Attr}` give A and B. */
export function subNames(source: string, variables: Record<string, unknown> = {}): string[] {
  const names: string[] = [];
  for (const [, inner] of source.matchAll(/\$\{([^}!][^}]*)\}/g)) {
    const name = inner!.trim();
    if (Object.hasOwn(variables, name)) continue;
    const dot = name.indexOf('.');
    names.push(dot > 0 && !name.startsWith('AWS::') ? name.slice(0, dot) : name);
  }
  return names;
}

/** A condition: Fn::Equals / Not / And / Or, a `{ Condition: name }`, or a literal boolean. */
export function evaluateCondition(value: unknown, scope: IntrinsicScope, path: string): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  if (isObject(value) && Object.keys(value).length === 1 && typeof value.Condition === 'string') {
    return scope.condition(value.Condition, `${path}.Condition`);
  }
  const call = callOf(value);
  if (!call) return fail(path, 'a condition must be Fn::Equals, Fn::Not, Fn::And, Fn::Or or {"Condition": name}');
  const [name, arg] = call;
  const at = `${path}.${name}`;
  switch (name) {
    case 'Fn::Equals': {
      const [a, b] = args(arg, 2, name, at).map((v, i) => resolve(v, scope, `${at}[${i}]`));
      return JSON.stringify(a) === JSON.stringify(b) || (isScalar(a) && isScalar(b) && String(a) === String(b));
    }
    case 'Fn::Not':
      return !evaluateCondition(args(arg, 1, name, at)[0], scope, `${at}[0]`);
    case 'Fn::And':
    case 'Fn::Or': {
      const items = list(arg, name, at);
      // The documented bounds (2 to 10 conditions): conditions-section-structure / intrinsic-function-reference-conditions.
      if (items.length < 2 || items.length > 10) return fail(at, `${name} takes 2 to 10 conditions`);
      const values = items.map((c, i) => evaluateCondition(c, scope, `${at}[${i}]`));
      return name === 'Fn::And' ? values.every(Boolean) : values.some(Boolean);
    }
    case 'Fn::If': {
      const resolved = resolve(value, scope, path);
      return evaluateCondition(resolved, scope, path);
    }
    default:
      return fail(at, `${name} is not a condition function`);
  }
}

const isScalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
