import { Int64, TimestampMicrosecond, Vector, vectorFromArray } from "apache-arrow";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildData } from "../../src/arrow/build-data.js";
import { keepLatestAppended } from "../../src/arrow/keep-latest-appended.js";
import { nullVector } from "../../src/arrow/null-vector.js";
import { utf8Vector } from "../../src/arrow/strings.js";
import { getKernels, kernelsInfo } from "../../src/kernels/index.js";
import { portableKernels } from "../../src/kernels/portable.js";

const i64 = (values: readonly (bigint | null)[]) => vectorFromArray([...values], new Int64());
const ts = (values: readonly (bigint | null)[]) =>
  new Vector([buildData(values, new TimestampMicrosecond("UTC"), { path: "t" })]);
const chunked = (v: Vector, cut: number) =>
  cut <= 0 || cut >= v.length ? v : new Vector([...v.slice(0, cut).data, ...v.slice(cut).data]);
const kernelSets = [portableKernels, ...(kernelsInfo().nativeAvailable ? [getKernels("native")] : [])];

describe("keepLatestAppended", () => {
  it("equals grouping every row: ascending ids, then an appended batch (repeats, new ids, null orders)", () => {
    const input = fc
      .record({
        prefix: fc.integer({ min: 2, max: 40 }),
        extra: fc.array(fc.integer({ min: -5, max: 60 }), { minLength: 1, maxLength: 8 }),
        cut: fc.nat(50),
        seed: fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }), {
          minLength: 60,
          maxLength: 60,
        }),
      })
      .filter(({ prefix, extra }) => extra.length * 4 <= prefix + extra.length);
    fc.assert(
      fc.property(input, ({ prefix, extra, cut, seed }) => {
        const ids = [...Array.from({ length: prefix }, (_, i) => BigInt(2 * i)), ...extra.map(BigInt)];
        const orders = ids.map((_, i) => (seed[i] === null ? null : BigInt(seed[i]!)));
        const keys = chunked(i64(ids), cut);
        const order = chunked(ts(orders), cut);
        for (const kernels of kernelSets) {
          const got = keepLatestAppended(keys, order, kernels.keepLatest);
          // Declined only when the "appended" ids happen to continue the ascending run.
          if (got === null) expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
          else expect(Array.from(got)).toEqual(Array.from(portableKernels.keepLatest([keys], order)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("long prefixes, evenly spread or not (the interpolated window hits or misses)", () => {
    for (const spread of [
      (i: number) => BigInt(i),
      (i: number) => BigInt(i * i),
      (i: number) => BigInt(i) * 2n ** 40n - 7n,
    ]) {
      const n = 3000;
      const prefix = Array.from({ length: n }, (_, i) => spread(i));
      const tail = Array.from({ length: 60 }, (_, k) =>
        k % 7 === 0 ? spread(n + k) : spread((k * 997) % n),
      );
      const ids = [...prefix, ...tail];
      const keys = chunked(i64(ids), 1234);
      const order = ts(ids.map((_, i) => BigInt((i * 31) % 5)));
      const got = keepLatestAppended(keys, order, portableKernels.keepLatest);
      expect(Array.from(got!)).toEqual(Array.from(portableKernels.keepLatest([keys], order)));
    }
  });

  it("a tie goes to the appended row; a greater earlier order keeps the earlier row", () => {
    const keys = i64([1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 2n, 5n]);
    const order = ts([1n, 5n, 1n, 1n, 9n, 1n, 1n, 1n, 5n, 3n]);
    expect(Array.from(keepLatestAppended(keys, order, portableKernels.keepLatest)!)).toEqual([
      0, 2, 3, 4, 5, 6, 7, 8,
    ]);
    const allNull = nullVector(new Int64(), 10);
    expect(Array.from(keepLatestAppended(keys, allNull, portableKernels.keepLatest)!)).toEqual([
      0, 2, 3, 5, 6, 7, 8, 9,
    ]);
  });

  it("declines: nothing appended, a long tail, null ids, other key types", () => {
    const order = ts([1n, 1n, 1n, 1n]);
    const k = portableKernels.keepLatest;
    expect(keepLatestAppended(i64([1n, 2n, 3n, 4n]), order, k)).toBeNull();
    expect(keepLatestAppended(i64([1n, 3n, 2n, 1n]), order, k)).toBeNull();
    expect(keepLatestAppended(i64([1n, 2n, 3n, null]), order, k)).toBeNull();
    expect(keepLatestAppended(utf8Vector(["a", "b", "c", "a"]), order, k)).toBeNull();
  });
});
