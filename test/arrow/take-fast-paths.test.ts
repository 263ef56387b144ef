import { type Field, Int64, Table, tableFromIPC, tableToIPC, Vector, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { makeMapVector } from "../../src/arrow/make-map-vector.js";
import { keySequence } from "../../src/arrow/map-key-sequence.js";
import { utf8Vector } from "../../src/arrow/strings.js";
import type { TakeFn } from "../../src/arrow/take-column.js";
import { oneChunk, takeColumn } from "../../src/arrow/take-column.js";
import { takeTable } from "../../src/arrow/take-table.js";
import { getKernels, kernelsInfo } from "../../src/kernels/index.js";
import { type MapRow, mapData, mapRows, stringValues } from "./map-helpers.js";

const takes: [string, TakeFn | undefined][] = [
  ["no take", undefined],
  ["portable take", getKernels("portable").take],
];
if (kernelsInfo().nativeAvailable) takes.push(["native take", getKernels("native").take]);

const row = (i: number): NonNullable<MapRow> => [
  ["audio", `a${i}`],
  ["frames", i % 3 === 0 ? null : `f${i}`],
];

describe.each(takes)("Map gathers (%s)", (_, take) => {
  it("uniform chunks: keys rebuilt, values gathered, nulls and -1 give null rows", () => {
    const first = mapData([row(0), null, row(2), row(3)], { nullEntries: row(1) });
    const second = mapData([row(4), row(5)]);
    expect(keySequence(first)).not.toBeNull();
    const column = new Vector([first, second]);
    const out = takeColumn(column, Int32Array.of(5, -1, 1, 0, 3, 3, 4, 2), take);
    expect(mapRows(out)).toEqual([row(5), null, null, row(0), row(3), row(3), row(4), row(2)]);
    expect(out.data.length).toBe(1);
    expect(out.nullCount).toBe(2);
  });

  it("a gathered uniform map without null rows is known uniform; it round-trips through IPC", () => {
    const column = new Vector([mapData([row(0), row(1), row(2)]), mapData([row(3)])]);
    const out = takeColumn(column, Int32Array.of(3, 0, 2), take);
    expect(keySequence(out.data[0]!)?.perRow).toBe(2);
    const back = tableFromIPC(tableToIPC(new Table({ m: out })));
    expect(mapRows(back.getChild("m")!)).toEqual([row(3), row(0), row(2)]);
  });

  it("chunks with different key sequences, or non-uniform rows, take the general path", () => {
    const other: MapRow = [
      ["frames", "x"],
      ["audio", "y"],
    ];
    const column = new Vector([mapData([row(0), row(1)]), mapData([other, other])]);
    expect(mapRows(takeColumn(column, Int32Array.of(2, 1, -1), take))).toEqual([other, row(1), null]);
    const ragged: MapRow[] = [row(0), [["audio", "z"]], [], null, row(4)];
    expect(mapRows(takeColumn(new Vector([mapData(ragged)]), Int32Array.of(4, 3, 2, 1, 0), take))).toEqual(
      [...ragged].reverse(),
    );
  });

  it("LargeUtf8 keys are gathered, not rebuilt", () => {
    const data = mapData([row(0), row(1)], { largeKeys: true });
    expect(mapRows(takeColumn(new Vector([data]), Int32Array.of(1, 0), take))).toEqual([row(1), row(0)]);
  });

  it("sliced uniform chunks", () => {
    const data = mapData([0, 1, 2, 3, 4].map(row)).slice(2, 3);
    expect(mapRows(takeColumn(new Vector([data]), Int32Array.of(2, 0, 1), take))).toEqual([
      row(4),
      row(2),
      row(3),
    ]);
  });

  it("built maps (makeMapVector) gather back to the same rows", () => {
    const built = makeMapVector([
      ["p", utf8Vector(["p0", null, "p2"])],
      ["q", utf8Vector(["q0", "q1", "q2"])],
    ]);
    expect(mapRows(takeColumn(built, Int32Array.of(2, 1), take))).toEqual([
      [
        ["p", "p2"],
        ["q", "q2"],
      ],
      [
        ["p", null],
        ["q", "q1"],
      ],
    ]);
  });
});

describe.each(takes)("row location and validity (%s)", (_, take) => {
  const chunks = [utf8Vector(["a", "b"]), utf8Vector([]), utf8Vector(["c", null, "e"]), utf8Vector(["f"])];
  const column = new Vector(chunks.flatMap((v) => v.data));

  it("ascending, descending and jumping indices over chunks (one empty)", () => {
    expect(stringValues(takeColumn(column, Int32Array.of(0, 1, 2, 3, 4, 5), take))).toEqual([
      "a",
      "b",
      "c",
      null,
      "e",
      "f",
    ]);
    expect(stringValues(takeColumn(column, Int32Array.of(5, 4, -1, 2, 1, 0), take))).toEqual([
      "f",
      "e",
      null,
      "c",
      "b",
      "a",
    ]);
    expect(stringValues(takeColumn(column, Int32Array.of(2, 0, 5, 1, 2, 5), take))).toEqual([
      "c",
      "a",
      "f",
      "b",
      "c",
      "f",
    ]);
  });

  it("out-of-range indices are refused whichever path locates them", () => {
    // The kernels word it their own way; every path names the index.
    expect(() => takeColumn(column, Int32Array.of(0, 6), take)).toThrow(/take index 6 /);
    expect(() => takeColumn(column, Int32Array.of(-2), take)).toThrow(/take index -2 /);
    const one = utf8Vector(["x"]);
    expect(() => takeColumn(one, Int32Array.of(1), take)).toThrow(/take index 1 /);
    const bools = new Vector([...vectorFromArray([true, false]).data, ...vectorFromArray([true]).data]);
    expect(() => takeColumn(bools, Int32Array.of(1, 3), take)).toThrow(/take index 3 /);
  });

  it("columns without nulls: only -1 gives null", () => {
    const ids = vectorFromArray([10n, 11n, 12n], new Int64());
    const out = takeColumn(new Vector([...ids.data, ...ids.slice(1).data]), Int32Array.of(4, -1, 0), take);
    expect(Array.from(out, (v) => (v === null ? null : Number(v)))).toEqual([12, null, 10]);
    expect(out.nullCount).toBe(1);
  });
});

describe("oneChunk of Utf8 chunks", () => {
  it("concatenates null-free and nullable, sliced chunks; null rows keep no bytes", () => {
    const column = new Vector([
      ...utf8Vector(["skip", "a", "bc"]).slice(1).data,
      ...utf8Vector([null, "", "déf", null]).data,
      ...utf8Vector(["x", null, "yz"]).slice(1).data,
    ]);
    const one = oneChunk(column);
    expect(stringValues(new Vector([one]))).toEqual(["a", "bc", null, "", "déf", null, null, "yz"]);
    expect(one.nullCount).toBe(3);
    expect(Array.from(one.valueOffsets)).toEqual([0, 1, 3, 3, 3, 7, 7, 7, 9]);
    const clean = oneChunk(new Vector([...utf8Vector(["p"]).data, ...utf8Vector(["q", "r"]).slice(1).data]));
    expect(stringValues(new Vector([clean]))).toEqual(["p", "r"]);
    expect(clean.nullCount).toBe(0);
  });
});

describe("takeTable", () => {
  it("gathers a column held twice only once, and both read the same values", () => {
    const m = makeMapVector([["k", utf8Vector(["a", "b", "c"])]]);
    const s = utf8Vector(["x", "y", "z"]);
    const table = new Table({ m1: m, s1: s, m2: m, s2: s });
    const out = takeTable(table, Int32Array.of(2, 0));
    expect(out.getChild("m1")!.data[0]).toBe(out.getChild("m2")!.data[0]);
    expect(stringValues(out.getChild("s2")!)).toEqual(["z", "x"]);
    expect(mapRows(out.getChild("m2")!)).toEqual([[["k", "c"]], [["k", "a"]]]);
    expect(out.schema.fields.map((f: Field) => f.name)).toEqual(["m1", "s1", "m2", "s2"]);
  });
});
