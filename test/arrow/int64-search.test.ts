import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { below, lowerBoundInt64 } from "../../src/arrow/int64-search.js";

const wordsOf = (values: readonly bigint[]) => new Int32Array(BigInt64Array.from(values).buffer);
const split = (v: bigint) => {
  const w = new Int32Array(BigInt64Array.of(v).buffer);
  return [w[1]!, w[0]! >>> 0] as const;
};

describe("lowerBoundInt64", () => {
  it("agrees with a linear scan, from dense ids to values near ±2^63", () => {
    const value = fc.oneof(
      fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
      fc.bigInt({ min: -50n, max: 200n }),
    );
    fc.assert(
      fc.property(fc.uniqueArray(value, { maxLength: 300 }), value, (raw, key) => {
        const sorted = [...raw].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const [hi, lo] = split(key);
        const expected = sorted.findIndex((v) => v >= key);
        expect(lowerBoundInt64(wordsOf(sorted), sorted.length, hi, lo)).toBe(
          expected < 0 ? sorted.length : expected,
        );
      }),
      { numRuns: 500 },
    );
  });

  it("evenly spread ids: hits inside and outside the window, and the ends", () => {
    const ids = Array.from({ length: 1000 }, (_, i) => BigInt(10 * i));
    const w = wordsOf(ids);
    for (const [key, at] of [
      [-5n, 0],
      [0n, 0],
      [5n, 1],
      [4990n, 499],
      [9990n, 999],
      [9991n, 1000],
    ] as const) {
      expect(lowerBoundInt64(w, 1000, ...split(key))).toBe(at);
    }
    expect(lowerBoundInt64(w, 0, ...split(1n))).toBe(0);
    expect(below(w, 1, ...split(11n))).toBe(true);
    expect(below(w, 1, ...split(10n))).toBe(false);
  });
});
