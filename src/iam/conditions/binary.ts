/** BinaryEquals: the request value and the policy value, both base-64, hold the same bytes. */
import { Buffer } from 'node:buffer';
import type { ValueTest } from './value-test.js';

const canonical = (base64: string): string => Buffer.from(base64, 'base64').toString('base64');

export function compileBinaryTest(values: readonly string[]): ValueTest {
  const set = new Set(values.map(canonical));
  return (value) => set.has(canonical(value));
}
