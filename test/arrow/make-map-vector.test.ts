import { LargeUtf8, Vector, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { newBitmap, setBit } from "../../src/arrow/bitmap.js";
import { makeMapVector, utf8MapData } from "../../src/arrow/make-map-vector.js";
import { keySequence } from "../../src/arrow/map-key-sequence.js";
import { keySequenceOf, repeatKeys } from "../../src/arrow/repeat-keys.js";
import { utf8Vector } from "../../src/arrow/strings.js";
import { mapRows, stringValues } from "./map-helpers.js";

const long = (c: string) => c.repeat(70) + "é";

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
