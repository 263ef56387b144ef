import {
  Field,
  Float32,
  Int8,
  Int32,
  Int64,
  LargeUtf8,
  Map_,
  Null,
  Schema,
  Struct,
  TimestampMillisecond,
  tableFromIPC,
  tableToIPC,
  Uint8,
  Uint64,
  Utf8,
} from "apache-arrow";
import { describe, expect, it } from "vitest";
import { utf8MapType } from "../../src/arrow/infer-type.js";
import { columnValues } from "../../src/arrow/read-values.js";
import { rowsToTable } from "../../src/arrow/rows-to-table.js";
import { tableToRows } from "../../src/arrow/table-to-rows.js";
import { METAXY_DATA_VERSION_BY_FIELD, METAXY_PROVENANCE_BY_FIELD } from "../../src/constants.js";
import { MetadataSchemaError } from "../../src/errors.js";

function typeOf(rows: Record<string, unknown>[], column: string, options = {}): string {
  return String(rowsToTable(rows, options).getChild(column)!.type);
}

function schemaError(run: () => unknown): MetadataSchemaError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(MetadataSchemaError);
    expect((e as MetadataSchemaError).code).toBe("METADATA_SCHEMA");
    return e as MetadataSchemaError;
  }
  throw new Error("expected a MetadataSchemaError");
}

describe("rowsToTable: inference", () => {
  it("integral numbers and bigints → Int64", () => {
    const t = rowsToTable([{ n: 1 }, { n: -2 }, { n: 3n }, { n: null }]);
    expect(String(t.getChild("n")!.type)).toBe("Int64");
    expect(columnValues(t.getChild("n")!, "raw")).toEqual([1n, -2n, 3n, null]);
  });

  it("a column mixing integral and non-integral numbers → Float64", () => {
    const t = rowsToTable([{ x: 1 }, { x: 2.5 }, { x: Number.NaN }]);
    expect(String(t.getChild("x")!.type)).toBe("Float64");
    expect(columnValues(t.getChild("x")!, "rows")).toEqual([1, 2.5, Number.NaN]);
  });

  it("integral numbers beyond ±2^63 make the column Float64", () => {
    expect(typeOf([{ x: 1 }, { x: 2 ** 63 }], "x")).toBe("Float64");
    expect(typeOf([{ x: -(2 ** 63) }], "x")).toBe("Int64");
    expect(typeOf([{ x: 1e300 }], "x")).toBe("Float64");
    expect(schemaError(() => rowsToTable([{ x: 1n }, { x: 2 ** 64 }])).message).toBe(
      'arrow: column "x" mixes types: bigint at row 0, number beyond Int64 at row 1',
    );
  });

  it("strings → Utf8, never Dictionary; booleans → Bool", () => {
    const t = rowsToTable([
      { s: "a", b: true },
      { s: "a", b: false },
      { s: "ü", b: null },
    ]);
    expect(String(t.getChild("s")!.type)).toBe("Utf8");
    expect(String(t.getChild("b")!.type)).toBe("Bool");
    expect(tableToRows(t)).toEqual([
      { s: "a", b: true },
      { s: "a", b: false },
      { s: "ü", b: null },
    ]);
  });

  it("Dates → Timestamp(µs, UTC) with exact microseconds", () => {
    const t = rowsToTable([{ d: new Date("2024-01-02T03:04:05.678Z") }, { d: undefined }]);
    expect(String(t.getChild("d")!.type)).toBe("Timestamp<MICROSECOND, UTC>");
    expect(columnValues(t.getChild("d")!, "raw")).toEqual([1704164645678000n, null]);
  });

  it("plain objects → Struct, recursively, with the union of keys in first-seen order", () => {
    const t = rowsToTable([{ o: { a: "x", inner: { n: 1 } } }, { o: { b: 2.5 } }, { o: null }]);
    expect(String(t.getChild("o")!.type)).toBe("Struct<{a:Utf8, inner:Struct<{n:Int64}>, b:Float64}>");
    expect(columnValues(t.getChild("o")!, "rows")).toEqual([
      { a: "x", inner: { n: 1 }, b: null },
      { a: null, inner: null, b: 2.5 },
      null,
    ]);
  });

  it("an all-null column → Null; a key missing from some rows → null there", () => {
    const t = rowsToTable([{ a: null, b: 1 }, { a: undefined }]);
    expect(String(t.getChild("a")!.type)).toBe("Null");
    expect(t.getChild("a")!.nullCount).toBe(2);
    expect(columnValues(t.getChild("b")!, "rows")).toEqual([1, null]);
    expect(t.schema.fields.map((f) => f.name)).toEqual(["a", "b"]);
  });

  it("*_by_field objects → Map<Utf8, Utf8> only with enableMapDatatype", () => {
    const rows = [
      { [METAXY_PROVENANCE_BY_FIELD]: { audio: "h1", frames: null }, other: { k: "v" } },
      { [METAXY_PROVENANCE_BY_FIELD]: { frames: "h2" }, other: { k: "w" } },
    ];
    expect(typeOf(rows, METAXY_PROVENANCE_BY_FIELD)).toBe("Struct<{audio:Utf8, frames:Utf8}>");
    const t = rowsToTable(rows, { enableMapDatatype: true });
    expect(String(t.getChild(METAXY_PROVENANCE_BY_FIELD)!.type)).toBe("Map<{key:Utf8, value:Utf8}>");
    expect(String(t.getChild("other")!.type)).toBe("Struct<{k:Utf8}>");
    expect(columnValues(t.getChild(METAXY_PROVENANCE_BY_FIELD)!, "rows")).toEqual([
      { audio: "h1", frames: null },
      { frames: "h2" },
    ]);
    const renamed = `${METAXY_DATA_VERSION_BY_FIELD}__video_raw`;
    expect(typeOf([{ [renamed]: { a: "1" } }], renamed, { enableMapDatatype: true })).toBe(
      "Map<{key:Utf8, value:Utf8}>",
    );
  });

  it("survives an IPC round trip", () => {
    const t = rowsToTable([
      { id: 1, s: "x", f: 0.5, d: new Date(0), o: { a: "1" }, z: null },
      { id: 2, s: null, f: null, d: null, o: null, z: null },
    ]);
    const back = tableFromIPC(tableToIPC(t, "stream"));
    expect(tableToRows(back)).toEqual(tableToRows(t));
    expect(tableToRows(back)[0]).toEqual({ id: 1, s: "x", f: 0.5, d: new Date(0), o: { a: "1" }, z: null });
  });

  it("no rows: an empty table, or the schema's empty table", () => {
    expect(rowsToTable([]).numCols).toBe(0);
    const schema = new Schema([new Field("id", new Utf8(), true)]);
    const t = rowsToTable([], { schema });
    expect(t.numRows).toBe(0);
    expect(String(t.schema.fields[0]!.type)).toBe("Utf8");
  });
});

describe("rowsToTable: errors", () => {
  it("a column mixing string and number names the column, both rows and both types", () => {
    const e = schemaError(() => rowsToTable([{ id: "a" }, { id: null }, { id: 5 }]));
    expect(e.message).toBe('arrow: column "id" mixes types: string at row 0, number at row 2');
  });

  it("bigint with a non-integral number is a mix", () => {
    const e = schemaError(() => rowsToTable([{ n: 1n }, { n: 2 }, { n: 2.5 }]));
    expect(e.message).toBe('arrow: column "n" mixes types: bigint at row 0, non-integral number at row 2');
  });

  it("boolean vs Date, and object vs string inside a struct", () => {
    expect(schemaError(() => rowsToTable([{ x: true }, { x: new Date(0) }])).message).toBe(
      'arrow: column "x" mixes types: boolean at row 0, Date at row 1',
    );
    expect(schemaError(() => rowsToTable([{ o: { a: "s" } }, { o: { a: { deep: 1 } } }])).message).toBe(
      'arrow: column "o.a" mixes types: string at row 0, object at row 1',
    );
  });

  it("unsupported values (arrays, Maps) name the column and row", () => {
    expect(schemaError(() => rowsToTable([{ a: 1 }, { a: [1, 2] }])).message).toBe(
      'arrow: column "a" row 1: unsupported value an array of type Array',
    );
  });

  it("map values must be strings", () => {
    const e = schemaError(() =>
      rowsToTable([{ [METAXY_PROVENANCE_BY_FIELD]: { a: 1 } }], { enableMapDatatype: true }),
    );
    expect(e.message).toBe(
      `arrow: column "${METAXY_PROVENANCE_BY_FIELD}" row 0: map value for key "a" must be a string, got number 1`,
    );
  });

  it("a row that is not an object", () => {
    expect(schemaError(() => rowsToTable([{ a: 1 }, "nope" as never])).message).toBe(
      'arrow: row 1 is not a plain object: "nope"',
    );
  });
});

describe("rowsToTable: schema hints win over inference", () => {
  it("converts to the hinted integer widths and checks their range", () => {
    const schema = new Schema([
      new Field("a", new Int8(), true),
      new Field("b", new Uint8(), true),
      new Field("c", new Int32(), true),
      new Field("d", new Uint64(), true),
    ]);
    const t = rowsToTable([{ a: -128, b: 255, c: 7n, d: 2n ** 64n - 1n }], { schema });
    expect(t.schema.fields.map((f) => String(f.type))).toEqual(["Int8", "Uint8", "Int32", "Uint64"]);
    expect(tableToRows(t)).toEqual([{ a: -128, b: 255, c: 7, d: 18446744073709551615n }]);
    expect(schemaError(() => rowsToTable([{ a: 1 }, { a: 128 }], { schema })).message).toBe(
      'arrow: column "a" row 1: 128 is out of range for Int8 (-128..127)',
    );
    expect(schemaError(() => rowsToTable([{ b: -1 }], { schema })).message).toBe(
      'arrow: column "b" row 0: -1 is out of range for Uint8 (0..255)',
    );
    expect(schemaError(() => rowsToTable([{ c: 2n ** 31n }], { schema })).message).toBe(
      'arrow: column "c" row 0: 2147483648n is out of range for Int32 (-2147483648..2147483647)',
    );
    expect(schemaError(() => rowsToTable([{ d: -1n }], { schema })).message).toBe(
      'arrow: column "d" row 0: -1n is out of range for Uint64 (0..18446744073709551615)',
    );
    expect(schemaError(() => rowsToTable([{ c: 1.5 }], { schema })).message).toBe(
      'arrow: column "c" row 0: 1.5 is not an integer (Int32)',
    );
    expect(schemaError(() => rowsToTable([{ c: "7" }], { schema })).message).toBe(
      'arrow: column "c" row 0: expected an integer (Int32), got string "7"',
    );
  });

  it("Int64 hint: 2^63 is out of range, -2^63 fits", () => {
    const schema = new Schema([new Field("n", new Int64(), true)]);
    expect(columnValues(rowsToTable([{ n: -(2n ** 63n) }], { schema }).getChild("n")!, "raw")).toEqual([
      -(2n ** 63n),
    ]);
    expect(schemaError(() => rowsToTable([{ n: 2 ** 63 }], { schema })).message).toBe(
      'arrow: column "n" row 0: 9223372036854776000 is out of range for Int64 (-9223372036854775808..9223372036854775807)',
    );
  });

  it("floats, strings (LargeUtf8 hint gives Utf8), booleans, timestamps", () => {
    const schema = new Schema([
      new Field("f", new Float32(), true),
      new Field("s", new LargeUtf8(), true),
      new Field("t", new TimestampMillisecond(null), true),
    ]);
    const t = rowsToTable(
      [
        { f: 1, s: "x", t: new Date(5) },
        { f: 3n, s: null, t: 7n },
      ],
      { schema },
    );
    expect(t.schema.fields.map((f) => String(f.type))).toEqual(["Float32", "Utf8", "Timestamp<MILLISECOND>"]);
    expect(columnValues(t.getChild("f")!, "rows")).toEqual([1, 3]);
    expect(columnValues(t.getChild("t")!, "raw")).toEqual([5n, 7n]);
    expect(schemaError(() => rowsToTable([{ s: 1 }], { schema })).message).toBe(
      'arrow: column "s" row 0: expected a string (LargeUtf8), got number 1',
    );
    expect(schemaError(() => rowsToTable([{ t: 5 }], { schema })).message).toBe(
      'arrow: column "t" row 0: expected a Date or bigint ticks since the epoch (Timestamp<MILLISECOND>), got number 5',
    );
  });

  it("Struct and Map hints, including errors for unknown struct keys and wrong value types", () => {
    const struct = new Struct([new Field("audio", new Utf8(), true), new Field("n", new Int32(), true)]);
    const schema = new Schema([new Field("s", struct, true), new Field("m", utf8MapType(), true)]);
    const t = rowsToTable(
      [
        { s: { audio: "h" }, m: { a: "1", b: null } },
        { s: null, m: new Map([["c", "3"]]) },
      ],
      {
        schema,
      },
    );
    expect(String(t.getChild("s")!.type)).toBe("Struct<{audio:Utf8, n:Int32}>");
    expect(t.getChild("m")!.type).toBeInstanceOf(Map_);
    expect(tableToRows(t)).toEqual([
      { s: { audio: "h", n: null }, m: { a: "1", b: null } },
      { s: null, m: { c: "3" } },
    ]);
    expect(schemaError(() => rowsToTable([{ s: { video: "x" } }], { schema })).message).toBe(
      'arrow: column "s" row 0: key "video" is not a field of Struct<{audio:Utf8, n:Int32}>',
    );
    expect(
      schemaError(() => rowsToTable([{ s: { n: 1 } }, { s: { n: 300000000000 } }], { schema })).message,
    ).toBe('arrow: column "s.n" row 1: 300000000000 is out of range for Int32 (-2147483648..2147483647)');
    expect(schemaError(() => rowsToTable([{ m: { a: "1" } }, { m: { b: 2 } }], { schema })).message).toBe(
      'arrow: column "m" row 1: expected a string (Utf8), got number 2',
    );
    expect(schemaError(() => rowsToTable([{ m: "x" }], { schema })).message).toBe(
      'arrow: column "m" row 0: expected an object (Map<{key:Utf8, value:Utf8}>), got string "x"',
    );
  });

  it("a Null-typed hint gives no opinion; schema columns the rows lack are not added", () => {
    const schema = new Schema([new Field("x", new Utf8(), true), new Field("late", new Null(), true)]);
    const t = rowsToTable([{ late: 5 }], { schema });
    expect(t.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(["late:Int64"]);
  });
});
