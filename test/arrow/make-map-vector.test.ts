import { LargeUtf8, Vector, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { newBitmap, setBit } from "../../src/arrow/bitmap.js";
import { makeMapVector, utf8MapData } from "../../src/arrow/make-map-vector.js";
import { keySequence } from "../../src/arrow/map-key-sequence.js";
import { keySequenceOf, repeatKeys } from "../../src/arrow/repeat-keys.js";
import { utf8Vector } from "../../src/arrow/strings.js";
import { mapRows, stringValues } from "./map-helpers.js";

const long = (c: string) => `${c.repeat(70)}é`;

describe("makeMapVector / utf8MapData", () => {
  it("interleaves K columns row by row: nulls, empty strings, long and multi-byte values", () => {
    const m = makeMapVector([
      ["h", utf8Vector(["1234567", null, "", long("x")])],
      ["g", utf8Vector([long("y"), "ab", null, "abcd"])],
      ["f", utf8Vector(["z", "zz", "zzz", "zzzz"])],
    ]);
    expect(mapRows(m)).toEqual([
      [
        ["h", "1234567"],
        ["g", long("y")],
        ["f", "z"],
      ],
      [
        ["h", null],
        ["g", "ab"],
        ["f", "zz"],
      ],
      [
        ["h", ""],
        ["g", null],
        ["f", "zzz"],
      ],
      [
        ["h", long("x")],
        ["g", "abcd"],
        ["f", "zzzz"],
      ],
    ]);
    const values = m.data[0]!.children[0]!.children[1]!;
    expect(values.nullCount).toBe(2);
    expect(keySequence(m.data[0]!)?.perRow).toBe(3);
  });

  it("null map rows hold no entries; the result is then not marked uniform", () => {
    const validity = newBitmap(3);
    setBit(validity, 0);
    setBit(validity, 2);
    const d = utf8MapData(
      ["a", "b"],
      [utf8Vector(["a0", "a1", "a2"]), utf8Vector(["b0", null, "b2"])],
      3,
      validity,
    );
    expect(Array.from(d.valueOffsets)).toEqual([0, 2, 2, 4]);
    expect(mapRows(d)).toEqual([
      [
        ["a", "a0"],
        ["b", "b0"],
      ],
      null,
      [
        ["a", "a2"],
        ["b", "b2"],
      ],
    ]);
    expect(d.nullCount).toBe(1);
    expect(d.children[0]!.children[1]!.nullCount).toBe(0);
    expect(keySequence(d)).toBeNull();
  });

  it("sliced, multi-chunk and LargeUtf8 sources", () => {
    const sliced = utf8Vector(["skip", "s1", null, "s3"]).slice(1);
    const multi = new Vector([...utf8Vector(["m1"]).data, ...utf8Vector([null, "m3"]).data]);
    const large = vectorFromArray(["l1", "l2", null], new LargeUtf8());
    const m = makeMapVector([
      ["s", sliced],
      ["m", multi],
      ["l", large],
    ]);
    expect(mapRows(m)).toEqual([
      [
        ["s", "s1"],
        ["m", "m1"],
        ["l", "l1"],
      ],
      [
        ["s", null],
        ["m", null],
        ["l", "l2"],
      ],
      [
        ["s", "s3"],
        ["m", "m3"],
        ["l", null],
      ],
    ]);
  });

  it("fixed-width values (truncated hashes): word copies, byte copies, misaligned slices", () => {
    const rows = (m: Vector) => mapRows(m).map((r) => r!.map(([, v]) => v));
    const words = makeMapVector([
      ["a", utf8Vector(["aaaa1111", "aaaa2222", "aaaa3333"])],
      ["b", utf8Vector(["bbbb", "cccc", "dddd"])],
    ]);
    expect(rows(words)).toEqual([
      ["aaaa1111", "bbbb"],
      ["aaaa2222", "cccc"],
      ["aaaa3333", "dddd"],
    ]);
    expect(Array.from(words.data[0]!.children[0]!.children[1]!.valueOffsets)).toEqual([
      0, 8, 12, 20, 24, 32, 36,
    ]);
    const odd = makeMapVector([
      ["a", utf8Vector(["xyz", "uvw"])],
      ["b", utf8Vector(["", ""])],
      ["c", utf8Vector(["é", "ü"])],
    ]);
    expect(rows(odd)).toEqual([
      ["xyz", "", "é"],
      ["uvw", "", "ü"],
    ]);
    // Sliced by one row of 3 bytes: the values start at byte 3, not word aligned.
    const shifted = utf8Vector(["abc", "defg", "hijk"]).slice(1);
    const mixed = makeMapVector([
      ["s", shifted],
      ["t", utf8Vector(["1234", "5678"])],
    ]);
    expect(rows(mixed)).toEqual([
      ["defg", "1234"],
      ["hijk", "5678"],
    ]);
    const aligned = utf8Vector(["abcd", "efgh", "ijkl"]).slice(1);
    expect(rows(makeMapVector([["s", aligned]]))).toEqual([["efgh"], ["ijkl"]]);
  });

  it("no keys: rows without entries", () => {
    const m = makeMapVector([], 2);
    expect(mapRows(m)).toEqual([[], []]);
    expect(keySequence(m.data[0]!)).toBeNull();
  });
});

describe("repeatKeys", () => {
  it("repeats the sequence row after row (odd counts exercise the doubling)", () => {
    const seq = keySequenceOf(["audio", "", "é"]);
    for (const rows of [0, 1, 3, 5]) {
      const d = repeatKeys(seq, rows);
      expect(stringValues(new Vector([d]))).toEqual(
        Array.from({ length: rows }, () => ["audio", "", "é"]).flat(),
      );
    }
  });
});
