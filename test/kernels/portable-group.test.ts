import { makeData, makeVector, TimestampMicrosecond, Utf8 } from "apache-arrow";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8Vector } from "../../src/arrow/strings.js";
import { KernelError } from "../../src/errors.js";
import type { Column } from "../../src/kernels/kernels.js";
import { portableKernels as k } from "../../src/kernels/portable.js";
import { ints, refGroupConcat, refKeepLatest, STRING_LAYOUTS, strings } from "./portable-columns.js";

const i64 = (v: (bigint | null)[]) => ints(v, "int64");

describe("portable keepLatest", () => {
  it("keeps the greatest orderBy per key (nulls lowest, ties to the later row, null keys grouped)", () => {
    const keys = [utf8Vector(["a", "b", "a", null, "b", null])];
    expect([...k.keepLatest(keys, i64([5n, 1n, 5n, 2n, null, 3n]))]).toEqual([1, 2, 5]);
    expect([...k.keepLatest(keys, i64([null, null, null, null, null, null]))]).toEqual([2, 4, 5]);
  });

  it("orders Int64 and Timestamp values numerically, negatives and u64 included", () => {
    const ts = makeVector(
      makeData({
        type: new TimestampMicrosecond("UTC"),
        length: 4,
        data: BigInt64Array.of(1_700_000_000_000_001n, -5n, 1_700_000_000_000_000n, 0n),
      }),
    );
    const one = [utf8Vector(["x", "x", "x", "x"])];
    expect([...k.keepLatest(one, ts)]).toEqual([0]);
    expect([...k.keepLatest(one, i64([-5n, -1n, -3n, -2n]))]).toEqual([1]);
    expect([...k.keepLatest([utf8Vector(["x", "x"])], ints([9223372036854775808n, 1n], "uint64"))]).toEqual([
      0,
    ]);
    expect([...k.keepLatest([utf8Vector(["x", "x"])], i64([4294967296n, 4294967295n]))]).toEqual([0]);
  });

  it("groups on multi-column keys, integer keys by value, and on no key at all", () => {
    const keys = [utf8Vector(["a", "a", "a", "b"]), ints([1n, 2n, 1n, 1n], "int16")];
    expect([...k.keepLatest(keys, i64([3n, 1n, 2n, 0n]))]).toEqual([0, 1, 3]);
    expect([...k.keepLatest([], i64([3n, 7n, 7n, 1n]))]).toEqual([2]);
    expect([...k.keepLatest([], i64([]))]).toEqual([]);
  });

  it("rejects non-integer orderBy and length mismatches with KernelError", () => {
    expect(() => k.keepLatest([utf8Vector(["a"])], utf8Vector(["1"]))).toThrow(
      /kernels: keepLatest orderBy must be an integer or timestamp column, got Utf8/,
    );
    expect(() => k.keepLatest([utf8Vector(["a", "b"])], i64([1n]))).toThrow(KernelError);
    expect(() => k.keepLatest([], makeVector(Float64Array.of(1.5)))).toThrow(/got Float64/);
  });

  it("matches a naive Map reference on random keys and layouts", () => {
    const cell = fc.option(fc.constantFrom("", "a", "b", "ü"), { freq: 5 });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 16 }).chain((n) =>
          fc.record({
            s: fc.array(cell, { minLength: n, maxLength: n }),
            i: fc.array(fc.option(fc.bigInt({ min: -2n, max: 2n }), { freq: 5 }), {
              minLength: n,
              maxLength: n,
            }),
            o: fc.array(fc.option(fc.bigInt({ min: -3n, max: 3n }), { freq: 5 }), {
              minLength: n,
              maxLength: n,
            }),
          }),
        ),
        fc.constantFrom(...STRING_LAYOUTS),
        fc.boolean(),
        ({ s, i, o }, layout, chunked) => {
          const keys: Column[] = [strings(s, layout), ints(i, "int32", chunked)];
          const order = ints(o, "int64", chunked);
          expect([...k.keepLatest(keys, order)]).toEqual(refKeepLatest(keys, order));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("portable groupConcat", () => {
  it("joins each group's non-null values in typed order (nulls first), one output per row", () => {
    const groups = [utf8Vector(["g1", "g2", "g1", "g1", null, null])];
    const order = [utf8Vector(["b", "a", "a", null, "z", "y"])];
    const values = utf8Vector(["v1", "v2", "v3", "v4", null, "v6"]);
    const got = k.groupConcat(groups, order, values, "|");
    expect(got.type).toBeInstanceOf(Utf8);
    expect(got.toArray()).toEqual(["v4|v3|v1", "v2", "v4|v3|v1", "v4|v3|v1", "v6", "v6"]);
  });

  it("orders integers numerically and strings by UTF-8 bytes, ties by row position", () => {
    const g = (n: number) => [utf8Vector(Array.from({ length: n }, () => "g"))];
    expect(
      k.groupConcat(g(3), [ints([10n, 9n, -1n], "int32")], utf8Vector(["a", "b", "c"]), ",").get(0),
    ).toBe("c,b,a");
    // Bytewise, U+FFFF (EF BF BF) sorts before U+1D11E (F0 …); UTF-16 code units would say the opposite.
    const order = [utf8Vector(["𝄞", "\uffff", "ä", "a", "Z", "a"])];
    expect(k.groupConcat(g(6), order, utf8Vector(["1", "2", "3", "4", "5", "6"]), "").get(0)).toBe("546321");
    expect(k.groupConcat(g(3), [], utf8Vector(["x", null, "y"]), "+").toArray()).toEqual([
      "x+y",
      "x+y",
      "x+y",
    ]);
  });

  it("gives an empty string to a group without non-null values, and handles multi-column keys", () => {
    const groups = [utf8Vector(["a", "a", "b", "a"]), ints([1n, 2n, 1n, 1n], "uint8")];
    const order = [ints([2n, 1n, 1n, 1n], "int64"), utf8Vector(["x", "x", "x", "w"])];
    const got = k.groupConcat(groups, order, utf8Vector(["p", "q", null, "r"]), "·");
    expect(got.toArray()).toEqual(["r·p", "q", "", "r·p"]);
    expect(k.groupConcat([], [], utf8Vector([]), "|").length).toBe(0);
  });

  it("reads long, multi-byte values from every layout", () => {
    const long = "ℓ".repeat(30);
    for (const layout of STRING_LAYOUTS) {
      const got = k.groupConcat(
        [strings(["k", "k", "m"], layout)],
        [strings(["2", "1", "0"], layout)],
        strings([long, "ü", null], layout),
        "|",
      );
      expect(got.toArray(), layout).toEqual([`ü|${long}`, `ü|${long}`, ""]);
    }
  });

  it("rejects non-string values and mismatched lengths with KernelError", () => {
    expect(() => k.groupConcat([], [], i64([1n]), "|")).toThrow(/groupConcat values must be a string column/);
    expect(() => k.groupConcat([utf8Vector(["a"])], [], utf8Vector(["a", "b"]), "|")).toThrow(KernelError);
  });

  it("matches a naive string reference on random groups, orders and layouts", () => {
    const cell = fc.option(fc.constantFrom("", "a", "b", "ü", "\uffff", "𝄞"), { freq: 5 });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 14 }).chain((n) =>
          fc.record({
            g: fc.array(cell, { minLength: n, maxLength: n }),
            o1: fc.array(fc.option(fc.bigInt({ min: -2n, max: 2n }), { freq: 4 }), {
              minLength: n,
              maxLength: n,
            }),
            o2: fc.array(cell, { minLength: n, maxLength: n }),
            v: fc.array(cell, { minLength: n, maxLength: n }),
          }),
        ),
        fc.constantFrom(...STRING_LAYOUTS),
        fc.constantFrom("|", "", ", "),
        ({ g, o1, o2, v }, layout, sep) => {
          const groups = [strings(g, layout)];
          const order: Column[] = [ints(o1, "int16", true), strings(o2, "utf8")];
          const values = strings(v, layout);
          expect(k.groupConcat(groups, order, values, sep).toArray()).toEqual(
            refGroupConcat(groups, order, values, sep),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
