import { Binary, Bool, type DataType, DateDay, Float64, type Vector, vectorFromArray } from "apache-arrow";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { portableKernels as portable } from "../../src/kernels/portable.js";
import { announceSkip, haveNative, nativeKernels, requireNativeTest } from "./native-support.js";
import { cell, INT_NAMES, intCell, layout, timestamps } from "./parity-arbitraries.js";
import { ints, strings } from "./portable-columns.js";

announceSkip("parity-take.test.ts");
requireNativeTest();

/** A column of `n` rows of some type, sliced or chunked now and then. */
function column(n: number): fc.Arbitrary<Vector> {
  const sized = <T>(a: fc.Arbitrary<T>) => fc.array(a, { minLength: n, maxLength: n });
  const typed = (type: DataType, a: fc.Arbitrary<unknown>) =>
    fc.tuple(sized(a), fc.boolean()).map(([v, sliced]) => {
      const whole = vectorFromArray([null, ...v, null] as never[], type as never) as Vector;
      return sliced ? whole.slice(1, n + 1) : (vectorFromArray(v as never[], type as never) as Vector);
    });
  const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 5 });
  return fc.oneof(
    fc
      .record({ type: fc.constantFrom(...INT_NAMES), chunked: fc.boolean() })
      .chain(({ type, chunked }) => sized(intCell(type)).map((v) => ints(v, type, chunked))),
    fc.tuple(sized(cell), layout).map(([v, l]) => strings(v, l)),
    typed(new Float64(), opt(fc.double())),
    typed(new Bool(), opt(fc.boolean())),
    sized(opt(fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n }))).map(timestamps),
    typed(new DateDay(), opt(fc.date({ noInvalidDate: true }))),
    typed(new Binary(), opt(fc.uint8Array({ maxLength: 20 }))),
  );
}

describe.runIf(haveNative)("take parity: native = portable", () => {
  it("agrees on every supported type, layout and index pattern (with -1)", () => {
    const input = fc.integer({ min: 0, max: 25 }).chain((n) =>
      fc.record({
        col: column(n),
        indices: fc.array(fc.integer({ min: -1, max: n - 1 }), { maxLength: 30 }),
      }),
    );
    fc.assert(
      fc.property(input, ({ col, indices }) => {
        const idx = Int32Array.from(indices);
        const want = portable.take(col, idx);
        const got = nativeKernels().take(col, idx);
        expect(String(got.type)).toBe(String(want.type));
        expect(got.length).toBe(want.length);
        expect(got.nullCount).toBe(want.nullCount);
        expect(got.toArray()).toEqual(want.toArray());
        for (let i = 0; i < got.length; i++) expect(got.get(i)).toEqual(want.get(i));
      }),
      { numRuns: 300 },
    );
  });
});
