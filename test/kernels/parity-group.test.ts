import type { Vector } from "apache-arrow";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { portableKernels as portable } from "../../src/kernels/portable.js";
import { announceSkip, haveNative, nativeKernels, requireNativeTest } from "./native-support.js";
import {
  cell,
  cellsFor,
  columnFor,
  intCell,
  keySpec,
  layout,
  text,
  timestamps,
} from "./parity-arbitraries.js";
import { ints, strings } from "./portable-columns.js";

announceSkip("parity-group.test.ts");
requireNativeTest();

/** An Int64 or Timestamp(µs, UTC) ordering column. */
function orderColumn(values: readonly (bigint | null)[], timestamp: boolean): Vector {
  return timestamp ? timestamps(values) : ints(values, "int64", values.length > 3);
}

describe.runIf(haveNative)("keepLatest and groupConcat parity: native = portable", () => {
  it("keepLatest agrees on random keys, ties and null order values", () => {
    const input = fc.array(keySpec, { minLength: 1, maxLength: 2 }).chain((specs) =>
      fc.integer({ min: 0, max: 30 }).chain((n) =>
        fc.record({
          specs: fc.constant(specs),
          keys: fc.tuple(...specs.map((s) => cellsFor(s, n))),
          order: fc.array(intCell("int64"), { minLength: n, maxLength: n }),
          timestamp: fc.boolean(),
        }),
      ),
    );
    fc.assert(
      fc.property(input, ({ specs, keys, order, timestamp }) => {
        const k = specs.map((s, c) => columnFor(s, keys[c]!));
        const o = orderColumn(order, timestamp);
        expect(Array.from(nativeKernels().keepLatest(k, o))).toEqual(Array.from(portable.keepLatest(k, o)));
      }),
      { numRuns: 250 },
    );
  });

  it("groupConcat agrees on random groups, typed order keys, null values and separators", () => {
    const input = fc.integer({ min: 0, max: 30 }).chain((n) =>
      fc
        .record({
          groupSpecs: fc.array(keySpec, { maxLength: 2 }),
          orderSpecs: fc.array(keySpec, { maxLength: 2 }),
          values: fc.array(cell, { minLength: n, maxLength: n }),
          valuesLayout: layout,
          separator: fc.oneof(fc.constantFrom("|", "", ","), text),
          n: fc.constant(n),
        })
        .chain((r) =>
          fc.record({
            r: fc.constant(r),
            groups: fc.tuple(...r.groupSpecs.map((s) => cellsFor(s, n))),
            orders: fc.tuple(...r.orderSpecs.map((s) => cellsFor(s, n))),
          }),
        ),
    );
    fc.assert(
      fc.property(input, ({ r, groups, orders }) => {
        const g = r.groupSpecs.map((s, c) => columnFor(s, groups[c]!));
        const o = r.orderSpecs.map((s, c) => columnFor(s, orders[c]!));
        const v = strings(r.values, r.valuesLayout);
        const want = portable.groupConcat(g, o, v, r.separator);
        const got = nativeKernels().groupConcat(g, o, v, r.separator);
        expect(got.nullCount).toBe(0);
        expect(got.toArray()).toEqual(want.toArray());
      }),
      { numRuns: 250 },
    );
  });
});
