/**
 * Request validation for every in-scope operation, from the generated model tables, answering as AWS does:
 *
 * - Constraint violations (required, length, range, pattern, enum) → 400 ValidationException with Coral's wording,
 *   `N validation error(s) detected: Value 'v' at 'path' failed to satisfy constraint: …; …`, every violation in
 *   member order. List elements are `list.N.member` (1-based), map entries are reported once per map as
 *   `Map keys/value must satisfy constraint: [all constraints of the key/value shape]` (real AWS messages quoted
 *   in public issues: tags.1.member.key, certificateStatuses.1.member, targets.1.member…inputPathsMap).
 *   Values inside a sensitive shape are left out (`Value at 'x'`), as Coral does for sensitive members; we also
 *   apply it to everything nested in a sensitive structure (the Smithy trait's intent; AWS's exact scope is not
 *   public). Patterns are printed as the models store them; lengths count code points (Smithy's rule).
 * - A JSON value of the wrong type → 400 SerializationException with Coral's deserializer wording (`STRING_VALUE
 *   can not be converted to an Integer`, `Start of list found where not expected`, `Expected null`, …), measured
 *   against Coral services by other emulators; it wins over constraint violations (deserialization runs first).
 *   Unparseable integers/booleans in path or query strings get the same treatment (UNCONFIRMED for restJson1).
 * - A union with ≠ 1 member set → 400 SerializationException (AWS's wording is not public; ours names the path).
 *
 * Unknown members are ignored and JSON nulls mean "absent". The returned input holds model member names only.
 */
import { OPERATIONS, type MemberType, type OperationName } from '../generated/operations.js';
import { SHAPES } from '../generated/shapes.js';
import type { OperationInputs } from '../generated/types.js';
import { serialization } from './errors.js';
import { compileShape, type Context, type Node } from './validation/compile.js';
import { NOT_NULL, validationError, violation, wrongType } from './validation/render.js';

export interface RawRequest {
  /** Path labels, already percent-decoded. */
  readonly pathParams: Readonly<Record<string, string>>;
  /** Query parameters; a repeated key gives an array. */
  readonly query: Readonly<Record<string, string | string[] | undefined>>;
  /** The parsed JSON body, or undefined when there is none. */
  readonly body: unknown;
}

const enum Source {
  Path,
  Query,
  Body,
}

interface InputMember {
  readonly name: string;
  readonly wire: string;
  readonly source: Source;
  readonly required: boolean;
  readonly node: Node;
  /** Path and query members: how to parse the text (the generator allows only these types there), and list-ness. */
  readonly text: TextType;
  readonly list: boolean;
}

type TextType = Extract<MemberType, 'string' | 'integer' | 'long' | 'boolean'>;

interface CompiledOperation {
  readonly members: readonly InputMember[];
  readonly hasBody: boolean;
}

const compiled = new Map<string, CompiledOperation>();

/** Validates and converts one request's input, or throws an AwsError (ValidationException/SerializationException). */
export function validateInput<N extends OperationName>(operation: N, request: RawRequest): OperationInputs[N];
export function validateInput(operation: string, request: RawRequest): Record<string, unknown>;
export function validateInput(operation: string, request: RawRequest): unknown {
  const op = compiled.get(operation) ?? compileOperation(operation);
  const body = op.hasBody ? bodyObject(request.body) : undefined;
  const ctx: Context = { path: [], violations: [], sensitive: 0 };
  const out: Record<string, unknown> = {};
  for (const m of op.members) {
    let value: unknown;
    if (m.source === Source.Body) value = body?.[m.wire];
    else {
      const raw = m.source === Source.Path ? request.pathParams[m.wire] : request.query[m.wire];
      if (raw !== undefined) value = fromText(raw, m);
    }
    ctx.path.push(m.name);
    if (value !== undefined && (value !== null || m.node.nullable)) out[m.name] = m.node.read(value, ctx);
    else if (m.required) ctx.violations.push(violation(null, ctx.path, NOT_NULL));
    ctx.path.pop();
  }
  if (ctx.violations.length) throw validationError(ctx.violations);
  return out;
}

function compileOperation(name: string): CompiledOperation {
  if (!Object.hasOwn(OPERATIONS, name)) throw new Error(`Unknown operation ${name}`);
  const spec = OPERATIONS[name as OperationName];
  const bound = new Map<string, { source: Source; wire: string; text: MemberType; list: boolean }>();
  for (const [source, members] of [
    [Source.Path, spec.input.path],
    [Source.Query, spec.input.query],
    [Source.Body, spec.input.body],
  ] as const) {
    for (const m of members) bound.set(m.member, { source, wire: m.wire, text: m.type, list: m.list });
  }
  const shape = spec.inputShape === null ? undefined : SHAPES[spec.service][spec.inputShape];
  // Input structure order, which is the order AWS reports violations in.
  const members = (shape?.type === 'structure' ? shape.members : []).map((m): InputMember => {
    const binding = bound.get(m.name);
    if (!binding) throw new Error(`${name}: input member ${m.name} has no HTTP binding`);
    return {
      name: m.name,
      wire: binding.wire,
      source: binding.source,
      required: m.required === true,
      node: compileShape(spec.service, m.shape),
      text: binding.text as TextType,
      list: binding.list,
    };
  });
  const op = { members, hasBody: spec.input.body.length > 0 };
  compiled.set(name, op);
  return op;
}

function bodyObject(body: unknown): Record<string, unknown> | undefined {
  if (body === undefined || body === null) return undefined;
  if (Array.isArray(body)) throw wrongType(body, 'structure');
  // Coral answers a top-level JSON scalar with a SerializationException that has no message.
  if (typeof body !== 'object') throw serialization('');
  return body as Record<string, unknown>;
}

/** Path and query values arrive as text: lists from repeated keys, numbers and booleans parsed. */
function fromText(raw: string | string[], m: InputMember): unknown {
  if (m.list) return (Array.isArray(raw) ? raw : [raw]).map((s) => parseText(s, m.text));
  return parseText(Array.isArray(raw) ? raw[0]! : raw, m.text);
}

const INTEGER = /^[+-]?\d+$/;

function parseText(text: string, type: TextType): unknown {
  switch (type) {
    case 'integer':
    case 'long':
      if (!INTEGER.test(text)) throw wrongType(text, type === 'integer' ? 'an Integer' : 'a Long');
      return Number(text);
    case 'boolean': {
      const lower = text.toLowerCase();
      if (lower !== 'true' && lower !== 'false') throw wrongType(text, 'a Boolean');
      return lower === 'true';
    }
    default:
      return text;
  }
}
