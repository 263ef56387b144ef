import { Int64, TimestampMicrosecond, Vector, vectorFromArray } from "apache-arrow";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildData } from "../../src/arrow/build-data.js";
import { utf8Vector } from "../../src/arrow/strings.js";
import type { Column, JoinKind } from "../../src/kernels/kernels.js";
import { portableKernels } from "../../src/kernels/portable.js";
import { sortedJoin } from "../../src/versioning/sorted-join.js";

const KINDS: JoinKind[] = ["inner", "left", "full", "anti", "semi"];
const plain = (r: { left: Int32Array; right: Int32Array }) => ({
  left: Array.from(r.left),
  right: Array.from(r.right),
});
const i64 = (values: readonly bigint[]) => vectorFromArray([...values], new Int64());

/** Splits a column into chunks at `cut` (0 = one chunk). */
function chunked(v: Vector, cut: number): Vector {
  return cut <= 0 || cut >= v.length ? v : new Vector([...v.slice(0, cut).data, ...v.slice(cut).data]);
}

describe("sortedJoin", () => {
  it("gives the kernel's exact pairs for unique ascending Int64 keys, every kind, chunked", () => {
    const keys = fc.uniqueArray(fc.bigInt({ min: -(2n ** 40n), max: 2n ** 40n }), { maxLength: 30 });
    fc.assert(
      fc.property(keys, keys, fc.nat(30), fc.nat(30), fc.constantFrom(...KINDS), (a, b, ca, cb, kind) => {
        const l = [chunked(i64([...a].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))), ca)];
        const r = [chunked(i64([...b].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))), cb)];
        const got = sortedJoin(l, r, kind);
        expect(got).not.toBeNull();
        expect(plain(got!)).toEqual(plain(portableKernels.join(l, r, kind)));
      }),
      { numRuns: 300 },
    );
  });

  it("Int64 left keys in any order, repeated, near or far: still the kernel's pairs", () => {
    const right = fc.uniqueArray(fc.bigInt({ min: -(2n ** 33n), max: 2n ** 33n }), { maxLength: 40 });
    const near = fc.bigInt({ min: -3n, max: 200n });
    const left = fc.array(fc.oneof(fc.bigInt({ min: -(2n ** 33n), max: 2n ** 33n }), near), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(left, right, fc.nat(40), fc.constantFrom(...KINDS), (a, b, cut, kind) => {
        const sorted = [...b].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
        const l = [chunked(i64(a), cut)];
        const r = [chunked(i64(sorted), cut)];
        expect(plain(sortedJoin(l, r, kind)!)).toEqual(plain(portableKernels.join(l, r, kind)));
      }),
      { numRuns: 300 },
    );
    // Ascending ids with an appended batch on the left, 300 evenly spread ids on the right.
    const r = [i64(Array.from({ length: 300 }, (_, i) => BigInt(3 * i)))];
    const l = [i64([0n, 3n, 4n, 6n, 600n, 897n, 900n, 9n, 12n, 13n, 15n, 3n, 3n, -1n, 450n])];
    for (const kind of KINDS)
      expect(plain(sortedJoin(l, r, kind)!)).toEqual(plain(portableKernels.join(l, r, kind)));
  });

  it("strings by bytes (prefixes, multi-byte), every kind", () => {
    const keys = fc.uniqueArray(fc.string({ maxLength: 4 }), { maxLength: 20 });
    const bytes = (s: string) => Array.from(new TextEncoder().encode(s));
    const byBytes = (x: string, y: string) => {
      const [p, q] = [bytes(x), bytes(y)];
      for (let k = 0; k < Math.min(p.length, q.length); k++) if (p[k] !== q[k]) return p[k]! - q[k]!;
      return p.length - q.length;
    };
    fc.assert(
      fc.property(keys, keys, fc.constantFrom(...KINDS), (a, b, kind) => {
        const l = [utf8Vector([...a].sort(byBytes))];
        const r = [utf8Vector([...b].sort(byBytes))];
        expect(plain(sortedJoin(l, r, kind)!)).toEqual(plain(portableKernels.join(l, r, kind)));
      }),
      { numRuns: 200 },
    );
  });

  it("multi-byte strings compare by bytes", () => {
    const r = [utf8Vector(["a", "ab", "z", "é", "ü", "日本"])];
    const l = [utf8Vector(["", "ab", "x", "é", "日", "日本", "日本語"])];
    for (const kind of KINDS)
      expect(plain(sortedJoin(l, r, kind)!)).toEqual(plain(portableKernels.join(l, r, kind)));
    expect(Array.from(sortedJoin(l, r, "left")!.right)).toEqual([-1, 1, -1, 3, -1, 5, -1]);
  });

  it("Int64 against Timestamp keys compare by value", () => {
    const ts = new Vector([buildData([1n, 5n, 9n], new TimestampMicrosecond("UTC"), { path: "t" })]);
    const l = [i64([0n, 5n, 9n])];
    expect(plain(sortedJoin(l, [ts], "full")!)).toEqual({ left: [0, 1, 2, -1], right: [-1, 1, 2, 0] });
  });

  it("declines: right keys unsorted or repeated, string left keys unsorted, null keys, tuples, other types", () => {
    const fine = i64([1n, 2n]);
    const declined: [Column[], Column[]][] = [
      [[fine], [i64([2n, 1n])]],
      [[fine], [i64([1n, 1n])]],
      [[utf8Vector(["b", "a"])], [utf8Vector(["a", "b"])]],
      [[utf8Vector(["a", "a"])], [utf8Vector(["a", "b"])]],
      [[vectorFromArray([1n, null], new Int64())], [fine]],
      [
        [fine, fine],
        [fine, fine],
      ],
      [[vectorFromArray([1, 2])], [vectorFromArray([1, 2])]],
      [[fine], [utf8Vector(["1", "2"])]],
    ];
    for (const [l, r] of declined) expect(sortedJoin(l, r, "inner")).toBeNull();
    expect(sortedJoin([vectorFromArray([null], new Int64())], [fine], "left")).toBeNull();
  });
});
