/**
 * Deterministic stand-ins for real work in the expansion example: a small seeded random generator
 * (mulberry32) and a fake video splitter. Python's example uses `random.seed(RANDOM_SEED)`; this
 * generator gives other numbers for the same seed (see README.md for the counts it produces).
 *
 * @example
 * const random = seededRandom(42);
 * splitVideoIntoChunks("video1.mp4", random); // 3 to 5 chunk paths
 */

/** The seed: `RANDOM_SEED` from the environment, default 42. */
export function randomSeed(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.RANDOM_SEED;
  if (text === undefined || text === "") return 42;
  const seed = Number(text);
  if (!Number.isSafeInteger(seed))
    throw new Error(`expansion: RANDOM_SEED must be an integer, got "${text}"`);
  return seed;
}

/** mulberry32: a tiny 32-bit PRNG; returns numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random integer in [low, high], both included (Python's `random.randint`). */
export function randomInt(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** Pretends to split a video into 3 to 5 chunks and returns the chunk paths. */
export function splitVideoIntoChunks(path: string, random: () => number): string[] {
  const count = randomInt(random, 3, 5);
  const stem = path.replace(/\.mp4$/, "");
  return Array.from({ length: count }, (_, i) => `${stem}_chunk_${i}.mp4`);
}
