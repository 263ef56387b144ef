import { makeVector } from "apache-arrow";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8Vector } from "../../src/arrow/strings.js";
import { KernelError } from "../../src/errors.js";
import type { Column, JoinKind } from "../../src/kernels/kernels.js";
import { portableKernels as k } from "../../src/kernels/portable.js";
import { INT_TYPES, type IntTypeName, ints, refJoin, STRING_LAYOUTS, strings } from "./portable-columns.js";

const KINDS: JoinKind[] = ["inner", "left", "full", "anti", "semi"];

function run(left: Column[], right: Column[], kind: JoinKind) {
  const r = k.join(left, right, kind);
  return { left: [...r.left], right: [...r.right] };
}

describe("portable join", () => {
  const L = ["a", "b", "a", null, "c", "ü"];
  const R = ["a", "c", "a", null, "d", "ü"];

  it("emits left rows ascending with their matches ascending, for every kind (duplicates on both sides)", () => {
    const l = [utf8Vector(L)];
    const r = [utf8Vector(R)];
    expect(run(l, r, "inner")).toEqual({ left: [0, 0, 2, 2, 4, 5], right: [0, 2, 0, 2, 1, 5] });
    expect(run(l, r, "left")).toEqual({ left: [0, 0, 1, 2, 2, 3, 4, 5], right: [0, 2, -1, 0, 2, -1, 1, 5] });
    expect(run(l, r, "full")).toEqual({
      left: [0, 0, 1, 2, 2, 3, 4, 5, -1, -1],
      right: [0, 2, -1, 0, 2, -1, 1, 5, 3, 4],
    });
    expect(run(l, r, "anti")).toEqual({ left: [1, 3], right: [] });
    expect(run(l, r, "semi")).toEqual({ left: [0, 2, 4, 5], right: [] });
  });

  for (const layout of STRING_LAYOUTS) {
    it(`joins ${layout} string keys by bytes (empty string is a key, null is not)`, () => {
      const l = [strings(["", "x", null, "𝄞", "x"], layout)];
      const r = [strings([null, "x", "", "𝄞𝄞"], "utf8")];
      expect(run(l, r, "inner")).toEqual({ left: [0, 1, 4], right: [2, 1, 1] });
      expect(run(r, l, "full")).toEqual({ left: [0, 1, 1, 2, 3, -1, -1], right: [-1, 1, 4, 0, -1, 2, 3] });
    });
  }

  it("compares integers by value across widths and signedness", () => {
    const l = [ints([1n, -1n, 300n, null, 7n], "int32")];
    const r = [ints([300n, 1n, 1n, -1n, null], "int64")];
    expect(run(l, r, "inner")).toEqual({ left: [0, 0, 1, 2], right: [1, 2, 3, 0] });
    const u8 = [ints([1n, 255n], "uint8")];
    const i16 = [ints([255n, -1n, 1n], "int16")];
    expect(run(u8, i16, "left")).toEqual({ left: [0, 1], right: [2, 0] });
    // u64 2^64-1 and int64 -1 share their bits but not their value.
    const big = [ints([18446744073709551615n, 5n, 9223372036854775808n], "uint64")];
    const neg = [ints([-1n, 5n, -9223372036854775808n], "int64")];
    expect(run(big, neg, "inner")).toEqual({ left: [1], right: [1] });
    expect(run(big, [ints([18446744073709551615n], "uint64")], "semi").left).toEqual([0]);
    expect(run([ints([5n], "int8")], [ints([5n], "uint32")], "inner")).toEqual({ left: [0], right: [0] });
  });

  it("joins on multi-column keys, a null in any column matching nothing", () => {
    const l = [utf8Vector(["a", "a", "b", null]), ints([1n, 2n, 1n, 1n], "int64")];
    const r = [utf8Vector(["a", "b", "a", "a"]), ints([2n, 1n, 2n, null], "int32")];
    expect(run(l, r, "inner")).toEqual({ left: [1, 1, 2], right: [0, 2, 1] });
    expect(run(l, r, "anti")).toEqual({ left: [0, 3], right: [] });
    expect(run(l, r, "full")).toEqual({ left: [0, 1, 1, 2, 3, -1], right: [-1, 0, 2, 1, -1, 3] });
  });

  it("handles empty sides", () => {
    const empty = [utf8Vector([])];
    const some = [utf8Vector(["a", null])];
    expect(run(empty, some, "full")).toEqual({ left: [-1, -1], right: [0, 1] });
    expect(run(some, empty, "left")).toEqual({ left: [0, 1], right: [-1, -1] });
    expect(run(some, empty, "anti")).toEqual({ left: [0, 1], right: [] });
    expect(run(empty, empty, "inner")).toEqual({ left: [], right: [] });
  });

  it("rejects mixed string/int keys, column-count mismatches and bad kinds with KernelError", () => {
    const s = [utf8Vector(["1"])];
    const i = [makeVector(Int32Array.of(1))];
    expect(() => k.join(s, i, "inner")).toThrow(/kernels: join key 0 compares Utf8 with Int32/);
    expect(() => k.join(s, [...s, ...s], "inner")).toThrow(KernelError);
    expect(() => k.join([], [], "inner")).toThrow(KernelError);
    expect(() => k.join(s, s, "cross" as JoinKind)).toThrow(/unknown join kind "cross"/);
    expect(() => k.join([makeVector(Float64Array.of(1))], [makeVector(Float64Array.of(1))], "inner")).toThrow(
      /must be an integer or string column, got Float64/,
    );
    try {
      k.join([utf8Vector(["a", "b"]), utf8Vector(["a"])], s, "inner");
      expect.unreachable();
    } catch (e) {
      expect((e as KernelError).code).toBe("KERNEL");
    }
  });

  it("matches the naive Map join on random string keys in every layout", () => {
    const cell = fc.option(fc.constantFrom("", "a", "b", "ü", "𝄞", "long key ".repeat(9)), { freq: 6 });
    fc.assert(
      fc.property(
        fc.array(cell, { maxLength: 14 }),
        fc.array(cell, { maxLength: 14 }),
        fc.constantFrom(...STRING_LAYOUTS),
        fc.constantFrom(...STRING_LAYOUTS),
        fc.constantFrom(...KINDS),
        (lv, rv, ll, rl, kind) => {
          const l = [strings(lv, ll)];
          const r = [strings(rv, rl)];
          expect(run(l, r, kind)).toEqual(refJoin(l, r, kind));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("matches the naive Map join on random multi-column integer keys of every type", () => {
    const names = Object.keys(INT_TYPES) as IntTypeName[];
    const valueFor = (t: IntTypeName) =>
      fc.option(t.startsWith("u") ? fc.bigInt({ min: 0n, max: 3n }) : fc.bigInt({ min: -2n, max: 2n }), {
        freq: 6,
      });
    const side = (types: IntTypeName[]) =>
      fc
        .integer({ min: 0, max: 12 })
        .chain((n) => fc.tuple(...types.map((t) => fc.array(valueFor(t), { minLength: n, maxLength: n }))));
    const input = fc
      .array(fc.tuple(fc.constantFrom(...names), fc.constantFrom(...names)), { minLength: 1, maxLength: 2 })
      .chain((typePairs) =>
        fc.record({
          typePairs: fc.constant(typePairs),
          lv: side(typePairs.map((p) => p[0])),
          rv: side(typePairs.map((p) => p[1])),
        }),
      );
    fc.assert(
      fc.property(input, fc.constantFrom(...KINDS), fc.boolean(), ({ typePairs, lv, rv }, kind, chunked) => {
        const l = typePairs.map(([t], c) => ints(lv[c]!, t, chunked));
        const r = typePairs.map(([, t], c) => ints(rv[c]!, t));
        expect(run(l, r, kind)).toEqual(refJoin(l, r, kind));
      }),
      { numRuns: 200 },
    );
  });
});
