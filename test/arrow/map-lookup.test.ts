import { Vector } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { makeMapVector } from "../../src/arrow/make-map-vector.js";
import { makeStructVector } from "../../src/arrow/make-struct-vector.js";
import { mapKeyPositions } from "../../src/arrow/map-key-positions.js";
import { firstKeyIndex, keySequence } from "../../src/arrow/map-key-sequence.js";
import { utf8Vector } from "../../src/arrow/strings.js";
import { structFieldVector, structFieldVectors } from "../../src/arrow/struct-field-vector.js";
import type { TakeFn } from "../../src/arrow/take-column.js";
import { takeColumn } from "../../src/arrow/take-column.js";
import { getKernels, kernelsInfo } from "../../src/kernels/index.js";
import { type MapRow, mapData, stringValues } from "./map-helpers.js";

const utf8 = (s: string) => new TextEncoder().encode(s);

const takes: [string, TakeFn | undefined][] = [
  ["no take", undefined],
  ["portable take", getKernels("portable").take],
];
if (kernelsInfo().nativeAvailable) takes.push(["native take", getKernels("native").take]);

// Keys in a different order per row, a null row, a missing key, an empty row, a duplicate key
// (the first entry wins) and a null value.
const mixed: MapRow[] = [
  [
    ["a", "1"],
    ["b", "2"],
  ],
  [
    ["b", "3"],
    ["a", "4"],
  ],
  null,
  [["a", "5"]],
  [],
  [
    ["c", "6"],
    ["a", "7"],
    ["a", "8"],
  ],
  [
    ["a", null],
    ["b", "9"],
  ],
];

describe("mapKeyPositions", () => {
  it("finds each key's first entry per row; -1 for null rows and missing keys", () => {
    const [a, b, z] = mapKeyPositions(mapData(mixed), [utf8("a"), utf8("b"), utf8("z")]);
    expect(Array.from(a!)).toEqual([0, 3, -1, 4, -1, 6, 8]);
    expect(Array.from(b!)).toEqual([1, 2, -1, -1, -1, -1, 9]);
    expect(Array.from(z!)).toEqual([-1, -1, -1, -1, -1, -1, -1]);
  });

  it("a key sequence that changes back and forth is rescanned each time", () => {
    const ab: MapRow = [
      ["a", "x"],
      ["b", "y"],
    ];
    const ba: MapRow = [
      ["b", "y"],
      ["a", "x"],
    ];
    const [a] = mapKeyPositions(mapData([ab, ab, ba, ab, ba, ba]), [utf8("a")]);
    expect(Array.from(a!)).toEqual([0, 2, 5, 6, 9, 11]);
  });

  it("same key bytes split differently are not the same sequence", () => {
    // "ab|c|a" and "a|bc|a" concatenate to the same bytes; the first "a" is at 2, then at 0.
    const rows: MapRow[] = [
      [
        ["ab", "r0e0"],
        ["c", "r0e1"],
        ["a", "r0e2"],
      ],
      [
        ["a", "r1e0"],
        ["bc", "r1e1"],
        ["a", "r1e2"],
      ],
    ];
    const data = mapData(rows);
    expect(keySequence(data)).toBeNull();
    expect(Array.from(mapKeyPositions(data, [utf8("a")])[0]!)).toEqual([2, 3]);
    expect(stringValues(structFieldVector(new Vector([data]), "a"))).toEqual(["r0e2", "r1e0"]);
  });

  it("a uniform chunk (null rows covering entries too) is answered from its key sequence", () => {
    const row: MapRow = [
      ["audio", "a"],
      ["frames", "f"],
      ["audio", "dup"],
    ];
    const data = mapData([row, null, row, row], { nullEntries: row });
    const seq = keySequence(data)!;
    expect(seq.perRow).toBe(3);
    expect(Array.from(seq.offsets)).toEqual([0, 5, 11, 16]);
    expect(firstKeyIndex(seq, utf8("audio"))).toBe(0);
    expect(firstKeyIndex(seq, utf8("frames"))).toBe(1);
    expect(firstKeyIndex(seq, utf8("x"))).toBe(-1);
    const [audio, frames, x] = mapKeyPositions(data, [utf8("audio"), utf8("frames"), utf8("x")]);
    expect(Array.from(audio!)).toEqual([0, -1, 6, 9]);
    expect(Array.from(frames!)).toEqual([1, -1, 7, 10]);
    expect(Array.from(x!)).toEqual([-1, -1, -1, -1]);
  });

  it("a null row without entries breaks uniformity but not the answer", () => {
    const row: MapRow = [
      ["k", "v"],
      ["j", "w"],
    ];
    const data = mapData([row, null, row]);
    expect(keySequence(data)).toBeNull();
    expect(Array.from(mapKeyPositions(data, [utf8("j")])[0]!)).toEqual([1, -1, 3]);
  });

  it("sliced chunks use their own offsets (uniform and not)", () => {
    const uniform = mapData(
      [0, 1, 2, 3].map(
        (i): MapRow => [
          ["p", `p${i}`],
          ["q", `q${i}`],
        ],
      ),
    ).slice(1, 2);
    expect(keySequence(uniform)?.perRow).toBe(2);
    expect(Array.from(mapKeyPositions(uniform, [utf8("q")])[0]!)).toEqual([3, 5]);
    const mixedSlice = mapData(mixed).slice(1, 5);
    expect(Array.from(mapKeyPositions(mixedSlice, [utf8("a")])[0]!)).toEqual([3, -1, 4, -1, 6]);
  });

  it("LargeUtf8 keys", () => {
    const data = mapData(mixed, { largeKeys: true });
    expect(Array.from(mapKeyPositions(data, [utf8("b")])[0]!)).toEqual([1, 2, -1, -1, -1, -1, 9]);
  });

  it("an empty chunk", () => {
    expect(mapKeyPositions(mapData([]), [utf8("a")])[0]!.length).toBe(0);
  });
});

describe.each(takes)("structFieldVectors on maps (%s)", (_, take) => {
  it("all keys at once: first entry wins, null map / missing key → null, null values kept", () => {
    const [a, b, c, z] = structFieldVectors(new Vector([mapData(mixed)]), ["a", "b", "c", "z"], take);
    expect(stringValues(a!)).toEqual(["1", "4", null, "5", null, "7", null]);
    expect(stringValues(b!)).toEqual(["2", "3", null, null, null, null, "9"]);
    expect(stringValues(c!)).toEqual([null, null, null, null, null, "6", null]);
    expect(stringValues(z!)).toEqual([null, null, null, null, null, null, null]);
    expect(a!.data.length).toBe(1);
  });

  it("multi-chunk columns give one chunk per input chunk; sliced vectors too", () => {
    const second = makeMapVector([
      ["b", utf8Vector(["B0", null, "B2"])],
      ["a", utf8Vector(["A0", "A1", null])],
    ]);
    const column = new Vector([mapData(mixed), ...second.data]);
    const [a, b] = structFieldVectors(column, ["a", "b"], take);
    expect(stringValues(a!)).toEqual(["1", "4", null, "5", null, "7", null, "A0", "A1", null]);
    expect(stringValues(b!)).toEqual(["2", "3", null, null, null, null, "9", "B0", null, "B2"]);
    expect(a!.data.length).toBe(2);
    const sliced = column.slice(5, 9);
    expect(stringValues(structFieldVectors(sliced, ["a"], take)[0]!)).toEqual(["7", null, "A0", "A1"]);
  });

  it("with rows: the values at those rows, as if the column were gathered first", () => {
    const second = makeMapVector([["a", utf8Vector(["A0", null])]]);
    const column = new Vector([mapData(mixed), ...second.data]);
    const rows = Int32Array.of(8, -1, 0, 7, 2, 5, 5, 1);
    const [a, b] = structFieldVectors(column, ["a", "b"], take, rows);
    expect(stringValues(a!)).toEqual([null, null, "1", "A0", null, "7", "7", "4"]);
    expect(stringValues(b!)).toEqual([null, null, "2", null, null, null, null, "3"]);
    expect(a!.data.length).toBe(1);
    const gathered = takeColumn(column, rows);
    expect(stringValues(structFieldVector(gathered, "a"))).toEqual(stringValues(a!));
    expect(() => structFieldVectors(column, ["a"], take, Int32Array.of(9))).toThrow(/out of range/);
  });

  it("with rows over uniform chunks (null rows, a sliced chunk, an empty one, a missing key)", () => {
    const row = (i: number): NonNullable<MapRow> => [
      ["p", `p${i}`],
      ["q", i === 4 ? null : `q${i}`],
    ];
    const first = mapData([row(0), null, row(2)], { nullEntries: row(1) });
    const second = mapData([row(9), row(3), row(4), row(5)]).slice(1, 3);
    const column = new Vector([first, mapData([]), second]);
    const rows = Int32Array.of(4, 1, -1, 0, 5, 3, 2);
    const [q, p, z] = structFieldVectors(column, ["q", "p", "z"], take, rows);
    expect(stringValues(q!)).toEqual([null, null, null, "q0", "q5", "q3", "q2"]);
    expect(stringValues(p!)).toEqual(["p4", null, null, "p0", "p5", "p3", "p2"]);
    expect(stringValues(z!)).toEqual([null, null, null, null, null, null, null]);
    // Chunks with different sequences take the entry-by-entry path and agree.
    const flipped = mapData([
      [
        ["q", "fq"],
        ["p", "fp"],
      ],
    ]);
    const mixedSeq = new Vector([first, flipped]);
    expect(stringValues(structFieldVectors(mixedSeq, ["p"], take, Int32Array.of(3, 0, 1))[0]!)).toEqual([
      "fp",
      "p0",
      null,
    ]);
  });

  it("with rows on a Struct column: the field values at those rows", () => {
    const s = makeStructVector([
      ["x", utf8Vector(["x0", null, "x2"])],
      ["y", utf8Vector(["y0", "y1", "y2"])],
    ]);
    const [y, x] = structFieldVectors(s, ["y", "x"], take, Int32Array.of(2, -1, 1));
    expect(stringValues(y!)).toEqual(["y2", null, "y1"]);
    expect(stringValues(x!)).toEqual(["x2", null, null]);
  });
});
