/**
 * A seeded PRNG (mulberry32) for the robustness tests. The seed comes from ROBUSTNESS_SEED, else from the clock;
 * tests print it, and ROBUSTNESS_SEED=<seed> replays the same inputs.
 */
export interface Random {
  readonly seed: number;
  /** [0, 1) */
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
}

export function seedFromEnv(): number {
  const given = process.env.ROBUSTNESS_SEED;
  return given !== undefined && given !== '' ? Number(given) >>> 0 : (Date.now() ^ (process.pid << 16)) >>> 0;
}

export function createRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  return { seed, next, int, pick: (items) => items[int(items.length)]! };
}
