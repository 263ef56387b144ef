import {
  Field,
  Int64,
  Struct,
  Table,
  tableFromIPC,
  tableToIPC,
  Utf8,
  Vector,
  vectorFromArray,
} from "apache-arrow";
import { describe, expect, it } from "vitest";
import { newBitmap, setBit } from "../../src/arrow/bitmap.js";
import { makeMapVector } from "../../src/arrow/make-map-vector.js";
import { makeStructVector } from "../../src/arrow/make-struct-vector.js";
import { mapToStruct } from "../../src/arrow/map-to-struct.js";
import { columnValues } from "../../src/arrow/read-values.js";
import { rowsToTable } from "../../src/arrow/rows-to-table.js";
import { utf8Vector } from "../../src/arrow/strings.js";
import { structFieldVector } from "../../src/arrow/struct-field-vector.js";
import { structToMap } from "../../src/arrow/struct-to-map.js";
import { InvalidArgumentError, MetadataSchemaError } from "../../src/errors.js";

const values = (v: Vector) => columnValues(v, "rows");

function validity(bits: readonly boolean[]): Uint8Array {
  const b = newBitmap(bits.length);
  bits.forEach((ok, i) => {
    if (ok) setBit(b, i);
  });
  return b;
}

describe("makeStructVector / structFieldVector", () => {
  const audio = utf8Vector(["a0", null, "a2"]);
  const frames = utf8Vector(["f0", "f1", "f2"]);

  it("builds a struct and reads fields back; a null struct row reads as null", () => {
    const s = makeStructVector(
      [
        ["audio", audio],
        ["frames", frames],
      ],
      validity([true, true, false]),
    );
    expect(String(s.type)).toBe("Struct<{audio:Utf8, frames:Utf8}>");
    expect(s.nullCount).toBe(1);
    expect(values(s)).toEqual([{ audio: "a0", frames: "f0" }, { audio: null, frames: "f1" }, null]);
    expect(values(structFieldVector(s, "frames"))).toEqual(["f0", "f1", null]);
    expect(values(structFieldVector(s, "audio"))).toEqual(["a0", null, null]);
  });

  it("a missing struct field is a MetadataSchemaError listing the fields", () => {
    const s = makeStructVector([["audio", audio]]);
    expect(() => structFieldVector(s, "video")).toThrow(
      new MetadataSchemaError('arrow: struct has no field "video" (fields: audio)'),
    );
    expect(() => structFieldVector(audio, "x")).toThrow(MetadataSchemaError);
  });

  it("rejects fields of different lengths", () => {
    expect(() =>
      makeStructVector([
        ["a", audio],
        ["b", utf8Vector(["x"])],
      ]),
    ).toThrow(InvalidArgumentError);
  });

  it("reads multi-chunk and sliced struct columns", () => {
    const one = rowsToTable([{ s: { a: "1", n: 1 } }, { s: null }, { s: { a: "3", n: 3 } }]).getChild("s")!;
    const two = rowsToTable([{ s: { a: "4", n: 4 } }, { s: { a: null, n: 5 } }]).getChild("s")!;
    const multi = new Vector([...one.data, ...two.data]);
    expect(values(structFieldVector(multi, "a"))).toEqual(["1", null, "3", "4", null]);
    const sliced = multi.slice(1, 4);
    expect(values(structFieldVector(sliced, "n"))).toEqual([null, 3, 4]);
    expect(values(structFieldVector(one.slice(1), "a"))).toEqual([null, "3"]);
  });

  it("survives IPC with parent nulls applied", () => {
    const s = makeStructVector([["audio", audio]], validity([false, true, true]));
    const back = tableFromIPC(tableToIPC(new Table({ s }), "stream")).getChild("s")!;
    expect(values(structFieldVector(back, "audio"))).toEqual([null, null, "a2"]);
  });
});

describe("makeMapVector / Map lookups", () => {
  it("one entry per key per row in key order; null values kept as entries", () => {
    const m = makeMapVector([
      ["frames", utf8Vector(["f0", null])],
      ["audio", utf8Vector(["a0", "a1"])],
    ]);
    expect(String(m.type)).toBe("Map<{key:Utf8, value:Utf8}>");
    const data = m.data[0]!;
    expect(Array.from(data.valueOffsets)).toEqual([0, 2, 4]);
    expect(values(new Vector([data.children[0]!.children[0]!]))).toEqual([
      "frames",
      "audio",
      "frames",
      "audio",
    ]);
    expect(values(new Vector([data.children[0]!.children[1]!]))).toEqual(["f0", "a0", null, "a1"]);
    expect(values(m)).toEqual([
      { frames: "f0", audio: "a0" },
      { frames: null, audio: "a1" },
    ]);
  });

  it("structFieldVector on a map: a missing key or null map row → null, multi-chunk", () => {
    const a = rowsToTable([{ m: { x: "1", y: "2" } }, { m: null }], { schema: undefined }).getChild("m")!;
    const asMaps = structToMap(a);
    const b = makeMapVector([["y", utf8Vector(["9"])]]);
    const multi = new Vector([...asMaps.data, ...b.data]);
    expect(values(structFieldVector(multi, "y"))).toEqual(["2", null, "9"]);
    expect(values(structFieldVector(multi, "x"))).toEqual(["1", null, null]);
    expect(values(structFieldVector(multi.slice(1), "y"))).toEqual([null, "9"]);
  });

  it("map values must be strings", () => {
    expect(() => makeMapVector([["n", vectorFromArray([1n], new Int64())]])).toThrow(
      new MetadataSchemaError('arrow: map value "n" must be strings, got Int64'),
    );
  });
});

describe("structToMap / mapToStruct", () => {
  it("round-trips Struct → Map → Struct with nulls, through IPC", () => {
    const s = rowsToTable([
      { p: { audio: "a0", frames: "f0" } },
      { p: null },
      { p: { audio: null, frames: "f2" } },
    ]).getChild("p")!;
    const m = structToMap(s);
    expect(values(m)).toEqual([{ audio: "a0", frames: "f0" }, null, { audio: null, frames: "f2" }]);
    const back = tableFromIPC(tableToIPC(new Table({ m }), "stream")).getChild("m")!;
    const s2 = mapToStruct(back, ["audio", "frames"]);
    expect(String(s2.type)).toBe("Struct<{audio:Utf8, frames:Utf8}>");
    expect(values(s2)).toEqual(values(s));
  });

  it("mapToStruct follows the requested key order and fills absent keys with null", () => {
    const m = makeMapVector([
      ["b", utf8Vector(["b0"])],
      ["a", utf8Vector(["a0"])],
    ]);
    const s = mapToStruct(m, ["a", "c", "b"]);
    expect(String(s.type)).toBe("Struct<{a:Utf8, c:Utf8, b:Utf8}>");
    expect(values(s)).toEqual([{ a: "a0", c: null, b: "b0" }]);
  });

  it("structToMap of a sliced struct and of an all-null field", () => {
    const s = rowsToTable([{ p: { a: "1", z: null } }, { p: { a: "2", z: null } }]).getChild("p")!;
    expect(values(structToMap(s.slice(1)))).toEqual([{ a: "2", z: null }]);
  });

  it("type errors", () => {
    const ints = makeStructVector([["n", vectorFromArray([1n], new Int64())]]);
    expect(() => structToMap(ints)).toThrow(MetadataSchemaError);
    expect(() => structToMap(utf8Vector(["x"]))).toThrow(
      new MetadataSchemaError("arrow: structToMap expects a Struct column, got Utf8"),
    );
    expect(() => mapToStruct(ints, ["n"])).toThrow(
      new MetadataSchemaError("arrow: mapToStruct expects a Map column, got Struct<{n:Int64}>"),
    );
  });

  it("keeps field order of a struct built from Arrow types", () => {
    const type = new Struct([new Field("z", new Utf8(), true), new Field("a", new Utf8(), true)]);
    const s = vectorFromArray([{ z: "1", a: "2" }], type);
    expect(values(structToMap(s))).toEqual([{ z: "1", a: "2" }]);
    expect(Object.keys(values(structToMap(s))[0] as object)).toEqual(["z", "a"]);
  });
});
