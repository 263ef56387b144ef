import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JoinKind } from "../../src/kernels/kernels.js";
import { loadNativeKernels } from "../../src/kernels/native.js";
import { portableKernels as portable } from "../../src/kernels/portable.js";
import { announceSkip, haveNative, nativeKernels, requireNativeTest } from "./native-support.js";
import { cellsFor, columnFor, INT_NAMES, intCell, type KeySpec, keySpec } from "./parity-arbitraries.js";
import { ints, strings } from "./portable-columns.js";

announceSkip("parity-join.test.ts");
requireNativeTest();

const KINDS: JoinKind[] = ["inner", "left", "full", "anti", "semi"];

function plain(r: { left: Int32Array; right: Int32Array }): { left: number[]; right: number[] } {
  return { left: Array.from(r.left), right: Array.from(r.right) };
}

describe.runIf(haveNative)("join parity: native = portable", () => {
  it("agrees on random key tuples (strings in every layout, integers of every width), every kind", () => {
    // Each key position: a string spec on both sides, or integer types chosen per side.
    const position: fc.Arbitrary<readonly [KeySpec, KeySpec]> = keySpec.chain((l) =>
      l.kind === "string"
        ? fc.constant([l, l] as const)
        : fc
            .record({ type: fc.constantFrom(...INT_NAMES), chunked: fc.boolean() })
            .map((r): readonly [KeySpec, KeySpec] => [l, { kind: "int", ...r }]),
    );
    const input = fc.array(position, { minLength: 1, maxLength: 3 }).chain((positions) =>
      fc.record({
        positions: fc.constant(positions),
        left: fc
          .integer({ min: 0, max: 20 })
          .chain((n) => fc.tuple(...positions.map(([l]) => cellsFor(l, n)))),
        right: fc
          .integer({ min: 0, max: 20 })
          .chain((n) => fc.tuple(...positions.map(([, r]) => cellsFor(r, n)))),
        kind: fc.constantFrom(...KINDS),
      }),
    );
    fc.assert(
      fc.property(input, ({ positions, left, right, kind }) => {
        const l = positions.map(([spec], c) => columnFor(spec, left[c]!));
        const r = positions.map(([, spec], c) => columnFor(spec, right[c]!));
        expect(plain(nativeKernels().join(l, r, kind))).toEqual(plain(portable.join(l, r, kind)));
      }),
      { numRuns: 300 },
    );
  });

  it("agrees where signed and unsigned 64-bit patterns collide", () => {
    const lv = fc.array(intCell("int64"), { maxLength: 16 });
    const rv = fc.array(intCell("uint64"), { maxLength: 16 });
    fc.assert(
      fc.property(lv, rv, fc.constantFrom(...KINDS), (a, b, kind) => {
        const l = [ints(a, "int64")];
        const r = [ints(b, "uint64", true)];
        expect(plain(nativeKernels().join(l, r, kind))).toEqual(plain(portable.join(l, r, kind)));
        expect(plain(nativeKernels().join(r, l, kind))).toEqual(plain(portable.join(r, l, kind)));
      }),
      { numRuns: 150 },
    );
  });

  it("agrees on 70,000 left rows probed by two threads, with duplicates and nulls", () => {
    const n = 70_000;
    const left = Array.from({ length: n }, (_, i) => (i % 17 === 0 ? null : BigInt((i * 7919) % 2500)));
    const right = Array.from({ length: 3000 }, (_, i) => (i % 29 === 0 ? null : BigInt(i % 2000)));
    const ids = (v: readonly (bigint | null)[]) => v.map((x) => (x === null ? null : `id-${x}`));
    const two = loadNativeKernels({ threads: 2 });
    const l = [ints(left, "int64", true)];
    const r = [ints(right, "uint32")];
    const ls = [strings(ids(left), "chunks")];
    const rs = [strings(ids(right), "large")];
    for (const kind of KINDS) {
      expect(plain(two.join(l, r, kind))).toEqual(plain(portable.join(l, r, kind)));
      expect(plain(two.join(ls, rs, kind))).toEqual(plain(portable.join(ls, rs, kind)));
    }
  });
});
