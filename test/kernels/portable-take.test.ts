import {
  Binary,
  Bool,
  DateDay,
  Decimal,
  Dictionary,
  Field,
  FixedSizeBinary,
  FixedSizeList,
  Float32,
  Int32,
  LargeUtf8,
  List,
  Map_,
  makeData,
  makeVector,
  Null,
  Struct,
  TimestampMicrosecond,
  Utf8,
  Utf8View,
  type Vector,
  vectorFromArray,
} from "apache-arrow";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8Vector } from "../../src/arrow/strings.js";
import { KernelError } from "../../src/errors.js";
import { portableKernels as k } from "../../src/kernels/portable.js";
import { INT_TYPES, type IntTypeName, ints, STRING_LAYOUTS, strings } from "./portable-columns.js";

const idx = (...v: number[]) => Int32Array.from(v);
const plainRows = (v: Vector) => v.toArray().map((r: { toJSON(): unknown } | null) => r?.toJSON() ?? null);
const plain = (v: Vector) =>
  JSON.parse(JSON.stringify(v.toArray(), (_, x) => (typeof x === "bigint" ? `${x}` : x)));

describe("portable take", () => {
  it("gathers strings of every layout into the same type, -1 giving null", () => {
    const values = ["a", null, "", "ünïcødé", "x".repeat(70), "𝄞"];
    for (const layout of STRING_LAYOUTS) {
      const col = strings(values, layout);
      const got = k.take(col, idx(5, -1, 4, 1, 0, 0, 2, 3));
      expect(got.type.typeId, layout).toBe(col.type.typeId);
      expect(got.data).toHaveLength(1);
      expect(got.toArray(), layout).toEqual(["𝄞", null, "x".repeat(70), null, "a", "a", "", "ünïcødé"]);
      expect(got.nullCount).toBe(2);
    }
    expect(k.take(strings(values, "large"), idx(4)).type).toBeInstanceOf(LargeUtf8);
    expect(k.take(strings(values, "view"), idx(4)).type).toBeInstanceOf(Utf8View);
  });

  it("gathers every integer type (multi-chunk, sliced) by value, without BigInt loss", () => {
    for (const t of Object.keys(INT_TYPES) as IntTypeName[]) {
      const v = t.startsWith("u") ? [0n, 7n, null, 200n, 1n] : [-1n, 7n, null, 100n, -128n];
      const got = k.take(ints(v, t, true), idx(3, 2, -1, 0, 4, 1));
      expect(got.type.toString()).toBe(INT_TYPES[t].toString());
      expect(plain(got)).toEqual(plain(ints([v[3]!, null, null, v[0]!, v[4]!, v[1]!], t)));
    }
    const big = k.take(ints([18446744073709551615n, 9223372036854775807n], "uint64"), idx(1, 0));
    expect([...(big.toArray() as BigUint64Array)]).toEqual([9223372036854775807n, 18446744073709551615n]);
  });

  it("gathers floats, dates, timestamps, decimals and fixed-size binary", () => {
    expect([...k.take(makeVector(Float64Array.of(1.5, -0, Number.NaN)), idx(2, 0)).toArray()]).toEqual([
      Number.NaN,
      1.5,
    ]);
    expect(k.take(vectorFromArray([1.5, null], new Float32()), idx(1, 0, -1)).toArray()).toEqual(
      Float32Array.of(0, 1.5, 0),
    );
    const ts = makeVector(
      makeData({ type: new TimestampMicrosecond("UTC"), length: 3, data: BigInt64Array.of(1n, 2n, 3n) }),
    ).slice(1);
    const tsOut = k.take(ts, idx(1, -1, 0));
    expect(tsOut.type).toBeInstanceOf(TimestampMicrosecond);
    expect([...(tsOut.data[0]!.values as BigInt64Array)]).toEqual([3n, 0n, 2n]);
    expect([tsOut.get(0), tsOut.get(1), tsOut.get(2)]).toEqual([ts.get(1), null, ts.get(0)]);
    const days = makeVector(makeData({ type: new DateDay(), length: 2, data: Int32Array.of(0, 19000) }));
    expect(k.take(days, idx(1)).get(0)).toEqual(days.get(1));
    const dec = makeVector(
      makeData({ type: new Decimal(2, 10, 128), length: 2, data: Uint32Array.of(1, 0, 0, 0, 2, 3, 4, 5) }),
    );
    expect([...(k.take(dec, idx(1, 0)).data[0]!.values as Uint32Array)]).toEqual([2, 3, 4, 5, 1, 0, 0, 0]);
    const fsb = makeVector(
      makeData({ type: new FixedSizeBinary(3), length: 3, data: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9) }),
    ).slice(1);
    expect([...(k.take(fsb, idx(1, 0)).data[0]!.values as Uint8Array)]).toEqual([7, 8, 9, 4, 5, 6]);
  });

  it("gathers booleans from a sliced bitmap", () => {
    const b = vectorFromArray([true, false, null, true, false, true, true, false, true], new Bool()).slice(1);
    expect(k.take(b, idx(0, 1, 2, -1, 7, 4)).toArray()).toEqual([false, null, true, null, true, true]);
  });

  it("gathers structs (with nested strings), lists, maps, fixed-size lists and dictionaries", () => {
    const st = vectorFromArray(
      [{ a: 1, b: "x" }, null, { a: 3, b: null }],
      new Struct([new Field("a", new Int32(), true), new Field("b", new Utf8(), true)]),
    );
    expect(plainRows(k.take(st, idx(2, 1, -1, 0)))).toEqual([
      { a: 3, b: null },
      null,
      null,
      { a: 1, b: "x" },
    ]);
    const list = vectorFromArray(
      [[1, 2], null, [], [3]],
      new List(new Field("item", new Int32(), true)),
    ).slice(1);
    const lo = k.take(list, idx(2, 0, 1, -1));
    expect([lo.get(0)?.toArray(), lo.get(1), lo.get(2)?.toArray(), lo.get(3)]).toEqual([
      Int32Array.of(3),
      null,
      Int32Array.of(),
      null,
    ]);
    const mapType = new Map_<Utf8, Utf8>(
      new Field(
        "entries",
        new Struct<{ key: Utf8; value: Utf8 }>([
          new Field("key", new Utf8(), false),
          new Field("value", new Utf8(), true),
        ]),
      ),
    );
    const m = vectorFromArray([new Map([["k", "v"]]), null, new Map([["a", null]])], mapType);
    expect(plainRows(k.take(m, idx(2, 0, 1)))).toEqual([{ a: null }, { k: "v" }, null]);
    const fsl = vectorFromArray(
      [[1, 2], [3, 4], null],
      new FixedSizeList(2, new Field("item", new Int32(), true)),
    );
    const fo = k.take(fsl, idx(1, 2, 0));
    expect([fo.get(0)?.toArray(), fo.get(1), fo.get(2)?.toArray()]).toEqual([
      Int32Array.of(3, 4),
      null,
      Int32Array.of(1, 2),
    ]);
    const dict = vectorFromArray(["x", "y", "x", null], new Dictionary(new Utf8(), new Int32()));
    const dOut = k.take(dict, idx(3, 1, 0, -1));
    expect(dOut.type).toBeInstanceOf(Dictionary);
    expect(dOut.toArray()).toEqual([null, "y", "x", null]);
    const bin = vectorFromArray([Uint8Array.of(1, 2), null, Uint8Array.of(3)], new Binary());
    expect(k.take(bin, idx(2, 0)).toArray()).toEqual([Uint8Array.of(3), Uint8Array.of(1, 2)]);
    const nul = makeVector(makeData({ type: new Null(), length: 2 }));
    expect(k.take(nul, idx(1, -1, 0)).toArray()).toEqual([null, null, null]);
  });

  it("rejects out-of-range indices with KernelError", () => {
    expect(() => k.take(utf8Vector(["a"]), idx(1))).toThrow(
      /kernels: take index 1 at position 0 is out of range for 1 rows/,
    );
    expect(() => k.take(utf8Vector(["a"]), idx(0, -2))).toThrow(KernelError);
  });

  it("matches Vector.get on random indices over random layouts", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.string({ unit: "binary", maxLength: 20 }), { freq: 4 }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.constantFrom(...STRING_LAYOUTS),
        fc.array(fc.nat(), { maxLength: 20 }),
        (values, layout, picks) => {
          const col = strings(values, layout);
          const indices = Int32Array.from(picks, (p) => (p % (values.length + 1)) - 1);
          expect(k.take(col, indices).toArray()).toEqual(
            Array.from(indices, (i) => (i < 0 ? null : values[i])),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
