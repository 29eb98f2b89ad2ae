/**
 * How AWS's Coral framework words request-validation and deserialization failures. The texts were collected from
 * real responses quoted in public issues and from emulators that measured them (see validate-input.ts for sources).
 */
import { serialization, validationException, type AwsError } from '../errors.js';

/** A member path: member names, and 0-based list indices that render as Coral's 1-based `N.member`. */
export type Path = (string | number)[];

export function renderPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (out) out += '.';
    out += typeof segment === 'number' ? `${segment + 1}.member` : segment;
  }
  return out;
}

/**
 * One violation. `value` is the rendered value, `null` for a missing member, `undefined` when the member is
 * sensitive (Coral then leaves the value out: "Value at 'x' …").
 */
export function violation(value: string | null | undefined, path: Path, constraint: string): string {
  const shown = value === undefined ? 'Value' : value === null ? 'Value null' : `Value '${value}'`;
  return `${shown} at '${renderPath(path)}' failed to satisfy constraint: ${constraint}`;
}

export function validationError(violations: readonly string[]): AwsError {
  const n = violations.length;
  const head = n === 1 ? '1 validation error detected: ' : `${n} validation errors detected: `;
  return validationException(head + violations.join('; '));
}

export const NOT_NULL = 'Member must not be null';
export const lengthAtMost = (n: number) => `Member must have length less than or equal to ${n}`;
export const lengthAtLeast = (n: number) => `Member must have length greater than or equal to ${n}`;
export const valueAtMost = (n: string) => `Member must have value less than or equal to ${n}`;
export const valueAtLeast = (n: string) => `Member must have value greater than or equal to ${n}`;
export const matchesPattern = (pattern: string) => `Member must satisfy regular expression pattern: ${pattern}`;
export const inEnum = (values: readonly string[]) => `Member must satisfy enum value set: [${values.join(', ')}]`;
/** Map entries are reported once per map: all of the key (or value) shape's constraints, in brackets. */
export const mapKeys = (constraints: readonly string[]) => `Map keys must satisfy constraint: [${constraints.join(', ')}]`;
export const mapValues = (constraints: readonly string[]) => `Map value must satisfy constraint: [${constraints.join(', ')}]`;

/** Java's Float/Double.toString, which Coral uses for floating-point values and bounds (`1.0`, `0.7`, `1.0E-4`). */
export function javaDecimal(value: number, float32: boolean): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  let shortest = value;
  if (float32) {
    // The shortest decimal that reads back as the same float32.
    for (let digits = 1; digits <= 9; digits++) {
      const candidate = Number(value.toPrecision(digits));
      if (Math.fround(candidate) === value) {
        shortest = candidate;
        break;
      }
    }
  }
  const magnitude = Math.abs(shortest);
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e7)) {
    const [mantissa, exponent] = shortest.toExponential().split('e') as [string, string];
    return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${exponent.replace('+', '')}`;
  }
  return Number.isInteger(shortest) ? `${shortest}.0` : String(shortest);
}

/** Java's toString of a deserialized value: lists `[a, b]`, maps and structures `{k=v, …}`, strings unquoted. */
export function javaString(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(javaString).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}=${javaString(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

/** The Java type a JSON value was read into, as Coral names it in deserialization errors. */
export type JsonTarget = 'a String' | 'an Integer' | 'a Long' | 'a Float' | 'a Double' | 'a Boolean' | 'structure' | 'list' | 'map';

/**
 * A JSON value of the wrong type for its member: Coral fails deserialization (400 SerializationException, no path)
 * before any constraint is checked.
 */
export function wrongType(value: unknown, target: JsonTarget): AwsError {
  if (Array.isArray(value)) return serialization('Start of list found where not expected');
  if (value !== null && typeof value === 'object') return serialization('Start of structure or map found where not expected.');
  if (target === 'list') return serialization('Expected list or null');
  if (target === 'map') return serialization('Expected map or null');
  if (target === 'structure') return serialization('Expected null');
  const token =
    typeof value === 'string' ? 'STRING_VALUE' : typeof value === 'number' ? 'NUMBER_VALUE' : value ? 'TRUE_VALUE' : 'FALSE_VALUE';
  return serialization(`${token} can not be converted to ${target}`);
}
