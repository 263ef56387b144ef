/**
 * CPython's `random.Random` (MT19937) for the draws the paper's data generator makes, so the
 * benchmark data is the paper's data value for value: `Random(seed)` for a non-negative integer
 * seed below 2^32, `randint(a, b)` and `random()`. Checked value for value against CPython 3.11
 * (seeds 0, 42, 43, 777, 123456789; 10^6 draws).
 *
 * @example
 * const rng = new PythonRandom(42);
 * rng.randint(0, 2 ** 20); // same value as Python's random.Random(42).randint(0, 2**20)
 */
export class PythonRandom {
  readonly #mt = new Uint32Array(624);
  #index = 624;

  /** `random.Random(seed)`; seeds up to 2^32 - 1 (one key word, as CPython's init_by_array uses). */
  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(`python-random: seed must be an integer in [0, 2^32), got ${seed}`);
    }
    this.#initByArray([seed]);
  }

  /** `random.randint(a, b)`: uniform integer in [a, b] by `getrandbits` rejection (`_randbelow`). */
  randint(a: number, b: number): number {
    const n = b - a + 1;
    if (n <= 0 || n > 0xffffffff)
      throw new RangeError(`python-random: randint range [${a}, ${b}] unsupported`);
    const k = 32 - Math.clz32(n);
    let r = this.#getrandbits(k);
    while (r >= n) r = this.#getrandbits(k);
    return a + r;
  }

  /** `random.random()`: 53-bit float in [0, 1). */
  random(): number {
    const a = this.#next() >>> 5;
    const b = this.#next() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  #getrandbits(k: number): number {
    if (k === 0) return 0;
    return k === 32 ? this.#next() : this.#next() >>> (32 - k);
  }

  #initGenrand(s: number): void {
    const mt = this.#mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < 624; i++) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.#index = 624;
  }

  #initByArray(key: readonly number[]): void {
    const mt = this.#mt;
    this.#initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(624, key.length); k > 0; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(prev, 1664525)) + key[j]! + j) >>> 0;
      i++;
      j++;
      if (i >= 624) {
        mt[0] = mt[623]!;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = 623; k > 0; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= 624) {
        mt[0] = mt[623]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  #twist(): void {
    const mt = this.#mt;
    for (let i = 0; i < 624; i++) {
      const y = (mt[i]! & 0x80000000) | (mt[(i + 1) % 624]! & 0x7fffffff);
      mt[i] = mt[(i + 397) % 624]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    this.#index = 0;
  }

  #next(): number {
    if (this.#index >= 624) this.#twist();
    let y = this.#mt[this.#index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }
}
