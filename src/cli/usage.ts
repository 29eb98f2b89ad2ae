import { readFileSync } from 'node:fs';
import { FixtureError } from '../fixtures/fixture-error.js';
import { JsoncSyntaxError, parseJsonc } from '../fixtures/parse-jsonc.js';

/** Command-line mistakes: a one-line message and exit status 2. */
export class UsageError extends Error {}

/** `work`, where a fixture that does not load is a usage mistake, not a flow error (exit 2, not 1). */
export async function fixturesAsUsage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof FixtureError) throw new UsageError(`invalid fixture: ${err.message}`);
    throw err;
  }
}

export function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a non-negative integer, got '${value}'`);
  return n;
}

/** `--parameter KEY=VALUE`, repeated, as a map; the value may hold `=` (only the first one splits). */
export function keyValues(name: string, pairs: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`${name} must be KEY=VALUE, got '${pair}'`);
    map[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return map;
}

/**
 * A file a user wrote by hand (a flow definition copied from the console, then edited): comments and trailing
 * commas are accepted, as in fixture files, and a syntax error names its line and column.
 */
export function readJsonc(file: string, read: (f: string) => string): unknown {
  let text: string;
  try {
    text = read(file);
  } catch (err) {
    throw new UsageError(`cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  try {
    return parseJsonc(text);
  } catch (err) {
    if (err instanceof JsoncSyntaxError) throw new UsageError(`${file} is not valid JSON: ${err.message}`);
    throw err;
  }
}

/** A flow file (a definition or a CreateFlow request body, JSONC): anything but a JSON object is a usage mistake. */
export function readFlowFile(file: string): Record<string, unknown> {
  const doc = readJsonc(file, (f) => readFileSync(f, 'utf8'));
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new UsageError(`${file} must hold a JSON object: a flow definition or a CreateFlow request body`);
  }
  return doc as Record<string, unknown>;
}
