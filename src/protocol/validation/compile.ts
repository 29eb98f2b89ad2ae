/**
 * Turns the generated shape table into readers, once per shape and lazily. A reader takes a non-null JSON value and
 * returns it as AWS deserializes it (known members only, JSON nulls dropped, integers truncated, floats narrowed to
 * float32), records constraint violations in the context and throws on a JSON type the shape cannot take.
 */
import type { ServiceName } from '../../generated/operations.js';
import { SHAPES, type MemberSpec, type ShapeSpec } from '../../generated/shapes.js';
import { serialization } from '../errors.js';
import {
  inEnum,
  javaDecimal,
  javaString,
  lengthAtLeast,
  lengthAtMost,
  mapKeys,
  mapValues,
  matchesPattern,
  NOT_NULL,
  renderPath,
  valueAtLeast,
  valueAtMost,
  violation,
  wrongType,
  type JsonTarget,
  type Path,
} from './render.js';

/** Per request: where the reader is, what it found, and whether it is inside a sensitive shape. */
export interface Context {
  readonly path: Path;
  readonly violations: string[];
  sensitive: number;
}

export interface Node {
  read(value: unknown, ctx: Context): unknown;
  /** Only documents take JSON null as a value; elsewhere null means "absent". */
  readonly nullable: boolean;
}

/** Strings, numbers, booleans and documents: the shapes that can be map keys and values. */
interface ScalarNode extends Node {
  coerce(value: unknown): unknown;
  /** The constraints a coerced value breaks, or undefined. */
  broken(value: unknown): string[] | undefined;
  /** All of the shape's constraints, in the order Coral lists them for map entries. */
  readonly constraints: readonly string[];
}

const cache = new Map<string, Node>();

export function compileShape(service: ServiceName, name: string): Node {
  const key = `${service}#${name}`;
  const known = cache.get(key);
  if (known) return known;
  const spec = SHAPES[service][name];
  if (!spec) throw new Error(`No shape ${name} in ${service}`);
  // Structures, lists and maps are cached before their children compile: flow definitions nest through loops.
  switch (spec.type) {
    case 'structure':
    case 'union': {
      const members: Member[] = [];
      const node = structureNode(spec, members);
      cache.set(key, node);
      for (const m of spec.members) members.push(member(service, m));
      return node;
    }
    case 'list': {
      const item: Node[] = [];
      const node = listNode(spec, item, holdsSensitive(service, name));
      cache.set(key, node);
      item.push(compileShape(service, spec.member));
      return node;
    }
    case 'map': {
      const node = mapNode(spec, scalar(service, spec.key), scalar(service, spec.value), holdsSensitive(service, name));
      cache.set(key, node);
      return node;
    }
    default: {
      const node = scalarNode(spec);
      cache.set(key, node);
      return node;
    }
  }
}

function scalar(service: ServiceName, name: string): ScalarNode {
  const node = compileShape(service, name);
  if (!('coerce' in node)) throw new Error(`Map key/value shape ${name} is not a scalar`);
  return node as ScalarNode;
}

interface Member {
  readonly name: string;
  readonly required: boolean;
  readonly node: Node;
}

const member = (service: ServiceName, m: MemberSpec): Member => ({
  name: m.name,
  required: m.required === true,
  node: compileShape(service, m.shape),
});

const hidden = (spec: ShapeSpec, ctx: Context) => spec.sensitive === true || ctx.sensitive > 0;

/**
 * Whether a shape is or contains a sensitive shape. Lists and maps print their whole value in violations; one that
 * would print sensitive data is left out entirely, like a sensitive member.
 */
function holdsSensitive(service: ServiceName, name: string, seen = new Set<string>()): boolean {
  if (seen.has(name)) return false;
  seen.add(name);
  const spec = SHAPES[service][name]!;
  if (spec.sensitive) return true;
  switch (spec.type) {
    case 'structure':
    case 'union':
      return spec.members.some((m) => holdsSensitive(service, m.shape, seen));
    case 'list':
      return holdsSensitive(service, spec.member, seen);
    case 'map':
      return holdsSensitive(service, spec.key, seen) || holdsSensitive(service, spec.value, seen);
    default:
      return false;
  }
}

const isSet = (value: unknown, node: Node) => value !== undefined && (value !== null || node.nullable);

function structureNode(spec: ShapeSpec & { type: 'structure' | 'union' }, members: readonly Member[]): Node {
  const sensitive = spec.sensitive ? 1 : 0;
  const union = spec.type === 'union';
  return {
    nullable: false,
    read(value, ctx) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw wrongType(value, 'structure');
      const input = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      let set = 0;
      ctx.sensitive += sensitive;
      for (const m of members) {
        const v = input[m.name];
        if (isSet(v, m.node)) {
          set++;
          ctx.path.push(m.name);
          out[m.name] = m.node.read(v, ctx);
          ctx.path.pop();
        } else if (m.required) {
          ctx.path.push(m.name);
          ctx.violations.push(violation(null, ctx.path, NOT_NULL));
          ctx.path.pop();
        }
      }
      ctx.sensitive -= sensitive;
      // AWS's wording for this is not public; SerializationException matches how Coral rejects malformed input.
      if (union && set !== 1) {
        throw serialization(`Exactly one member of a union must be set at '${renderPath(ctx.path)}', found ${set}`);
      }
      return out;
    },
  };
}

function listNode(spec: ShapeSpec & { type: 'list' }, item: readonly Node[], opaque: boolean): Node {
  const sensitive = spec.sensitive ? 1 : 0;
  const min = spec.min ?? 0;
  const max = spec.max ?? Infinity;
  return {
    nullable: false,
    read(value, ctx) {
      if (!Array.isArray(value)) throw wrongType(value, 'list');
      const node = item[0]!;
      const out: unknown[] = [];
      const mark = ctx.violations.length;
      ctx.sensitive += sensitive;
      for (const v of value) {
        // Coral drops null elements.
        if (!isSet(v, node)) continue;
        ctx.path.push(out.length);
        out.push(node.read(v, ctx));
        ctx.path.pop();
      }
      ctx.sensitive -= sensitive;
      // The list's own violation comes before its elements'.
      if (out.length > max || out.length < min) {
        const shown = opaque || ctx.sensitive > 0 ? undefined : javaString(value);
        const constraint = out.length > max ? lengthAtMost(max) : lengthAtLeast(min);
        ctx.violations.splice(mark, 0, violation(shown, ctx.path, constraint));
      }
      return out;
    },
  };
}

function mapNode(spec: ShapeSpec & { type: 'map' }, key: ScalarNode, entry: ScalarNode, opaque: boolean): Node {
  const min = spec.min ?? 0;
  const max = spec.max ?? Infinity;
  return {
    nullable: false,
    read(value, ctx) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw wrongType(value, 'map');
      const out: Record<string, unknown> = {};
      let size = 0;
      let badKey = false;
      let badValue = false;
      for (const [k, raw] of Object.entries(value)) {
        if (!isSet(raw, entry)) continue;
        const v = entry.coerce(raw);
        size++;
        badKey ||= key.broken(k) !== undefined;
        badValue ||= entry.broken(v) !== undefined;
        // A key named __proto__ must stay an ordinary entry.
        if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
        else out[k] = v;
      }
      if (size > max || size < min || badKey || badValue) {
        const shown = opaque || ctx.sensitive > 0 ? undefined : javaString(value);
        if (size > max) ctx.violations.push(violation(shown, ctx.path, lengthAtMost(max)));
        if (size < min) ctx.violations.push(violation(shown, ctx.path, lengthAtLeast(min)));
        if (badKey) ctx.violations.push(violation(shown, ctx.path, mapKeys(key.constraints)));
        if (badValue) ctx.violations.push(violation(shown, ctx.path, mapValues(entry.constraints)));
      }
      return out;
    },
  };
}

const JSON_TARGET = { integer: 'an Integer', long: 'a Long', float: 'a Float', double: 'a Double' } as const;

function scalarNode(spec: ShapeSpec): ScalarNode {
  let coerce: (value: unknown) => unknown;
  let broken: (value: unknown) => string[] | undefined = () => undefined;
  let render: (value: unknown) => string = String;
  let constraints: string[] = [];
  switch (spec.type) {
    case 'string': {
      coerce = expect('string', 'a String');
      ({ broken, constraints } = stringChecks(spec));
      break;
    }
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      const target = JSON_TARGET[spec.type];
      coerce = numberReader(spec.type, target);
      const decimal = spec.type === 'float' || spec.type === 'double';
      const format = (n: number) => (decimal ? javaDecimal(n, spec.type === 'float') : String(n));
      render = (n) => format(n as number);
      ({ broken, constraints } = rangeChecks(spec.min, spec.max, format));
      break;
    }
    case 'boolean':
      coerce = expect('boolean', 'a Boolean');
      break;
    case 'document':
      coerce = (value) => value;
      break;
    default:
      throw new Error(`Not a scalar shape: ${spec.type}`);
  }
  return {
    nullable: spec.type === 'document',
    coerce,
    broken,
    constraints,
    read(value, ctx) {
      const v = coerce(value);
      const failed = broken(v);
      if (failed) {
        const shown = hidden(spec, ctx) ? undefined : render(v);
        for (const constraint of failed) ctx.violations.push(violation(shown, ctx.path, constraint));
      }
      return v;
    },
  };
}

function expect(type: 'string' | 'boolean', target: JsonTarget) {
  return (value: unknown) => {
    if (typeof value !== type) throw wrongType(value, target);
    return value;
  };
}

const INT32 = 2 ** 31;

function numberReader(type: 'integer' | 'long' | 'float' | 'double', target: JsonTarget) {
  return (value: unknown) => {
    if (typeof value !== 'number') throw wrongType(value, target);
    switch (type) {
      case 'integer': {
        // Coral truncates fractions into integers, but a value beyond 32 bits does not convert.
        const n = Math.trunc(value);
        if (n < -INT32 || n >= INT32) throw serialization(`NUMBER_VALUE can not be converted to ${target}`);
        return n;
      }
      case 'long': {
        const n = Math.trunc(value);
        if (!Number.isSafeInteger(n)) throw serialization(`NUMBER_VALUE can not be converted to ${target}`);
        return n;
      }
      case 'float':
        return Math.fround(value);
      default:
        return value;
    }
  };
}

interface Checks {
  broken: (value: unknown) => string[] | undefined;
  constraints: string[];
}

function stringChecks(spec: ShapeSpec & { type: 'string' }): Checks {
  const min = spec.min ?? 0;
  const max = spec.max ?? Infinity;
  const tooLong = lengthAtMost(max);
  const tooShort = lengthAtLeast(min);
  const regex = spec.regex === undefined ? undefined : new RegExp(spec.regex, 'u');
  const pattern = spec.pattern === undefined ? '' : matchesPattern(spec.pattern);
  const allowed = spec.enum && new Set(spec.enum);
  const notAllowed = spec.enum ? inEnum(spec.enum) : '';
  const constraints = [
    ...(spec.max !== undefined ? [tooLong] : []),
    ...(spec.min !== undefined ? [tooShort] : []),
    ...(regex ? [pattern] : []),
    ...(allowed ? [notAllowed] : []),
  ];
  const broken = (value: unknown) => {
    const s = value as string;
    let failed: string[] | undefined;
    // AWS counts code points; UTF-16 length bounds them (n/2 ≤ code points ≤ n), so count only when it matters.
    let length = s.length;
    if (length > max || length < 2 * min) length = codePoints(s);
    if (length > max) (failed ??= []).push(tooLong);
    else if (length < min) (failed ??= []).push(tooShort);
    // AWS lists every constraint a value breaks, but some model patterns backtrack polynomially
    // (MongoDbAtlasEndpointServiceName: ~2 ms at its 255 characters, seconds at a few thousand): a value far past
    // its maximum length is refused for its length alone.
    if (regex && length <= 2 * max && !regex.test(s)) (failed ??= []).push(pattern);
    if (allowed && !allowed.has(s)) (failed ??= []).push(notAllowed);
    return failed;
  };
  return { broken, constraints };
}

function rangeChecks(min: number | undefined, max: number | undefined, format: (n: number) => string): Checks {
  const above = max === undefined ? '' : valueAtMost(format(max));
  const below = min === undefined ? '' : valueAtLeast(format(min));
  const constraints = [...(max !== undefined ? [above] : []), ...(min !== undefined ? [below] : [])];
  if (min === undefined && max === undefined) return { broken: () => undefined, constraints };
  const broken = (value: unknown) => {
    const n = value as number;
    if (max !== undefined && n > max) return [above];
    if (min !== undefined && n < min) return [below];
    return undefined;
  };
  return { broken, constraints };
}

function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
