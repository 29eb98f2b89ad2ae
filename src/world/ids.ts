/**
 * Ids for resources created at run time. With a seed (`--seed N`) they are deterministic, so that snapshot-style
 * tests see the same ids on every run (timestamps: the emulator's clock, clock.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** The first ten bytes as `[A-Z0-9]{10}` (random bytes, or a digest for an id fixed in advance). */
export function id10Of(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += ALPHABET[bytes[i]! % 36];
  return s;
}

export interface IdSource {
  /** `[A-Z0-9]{10}`, the form of every Bedrock resource id. */
  id10(): string;
  uuid(): string;
}

/** mulberry32: small, fast, good enough for ids. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createIdSource(seed?: number): IdSource {
  if (seed === undefined) {
    return {
      id10: () => id10Of(randomBytes(10)),
      uuid: () => randomUUID(),
    };
  }
  const random = seededRandom(seed);
  const hex = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(random() * 16).toString(16);
    return s;
  };
  return {
    id10: () => {
      let s = '';
      for (let i = 0; i < 10; i++) s += ALPHABET[Math.floor(random() * 36)];
      return s;
    },
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`,
  };
}
