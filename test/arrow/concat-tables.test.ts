import {
  Dictionary,
  Field,
  Float32,
  Int8,
  Int32,
  Int64,
  LargeUtf8,
  Schema,
  Table,
  TimestampMicrosecond,
  TimestampMillisecond,
  tableFromIPC,
  tableToIPC,
  Uint8,
  Utf8,
  Utf8View,
  vectorFromArray,
} from "apache-arrow";
import { describe, expect, it } from "vitest";
import { concatTables } from "../../src/arrow/concat-tables.js";
import { columnValues } from "../../src/arrow/read-values.js";
import { rowsToTable } from "../../src/arrow/rows-to-table.js";
import { tableToRows } from "../../src/arrow/table-to-rows.js";
import { unifyTypes } from "../../src/arrow/unify-types.js";
import { MetadataSchemaError } from "../../src/errors.js";

const types = (t: Table) => t.schema.fields.map((f) => `${f.name}:${f.type}`);

describe("concatTables", () => {
  it("null-fills a column missing from one table, columns in first-seen order", () => {
    const a = rowsToTable([{ id: 1, x: "a" }]);
    const b = rowsToTable([{ y: true, id: 2 }]);
    const out = concatTables([a, b]);
    expect(types(out)).toEqual(["id:Int64", "x:Utf8", "y:Bool"]);
    expect(tableToRows(out)).toEqual([
      { id: 1, x: "a", y: null },
      { id: 2, x: null, y: true },
    ]);
  });

  it("Int32 + Int64 → Int64, Null + X → X, string variants → Utf8", () => {
    const a = new Table({
      n: vectorFromArray([1, 2], new Int32()),
      s: vectorFromArray(["l1", "l2"], new LargeUtf8()),
      v: vectorFromArray(["v1", null], new Utf8View()),
    });
    const b = rowsToTable([
      { n: 2n ** 40n, s: "u", v: null, d: null },
      { n: null, s: null, v: null, d: null },
    ]);
    const c = new Table({ s: vectorFromArray(["d"], new Dictionary(new Utf8(), new Int32())) });
    const out = concatTables([a, b, c]);
    expect(types(out)).toEqual(["n:Int64", "s:Utf8", "v:Utf8", "d:Null"]);
    expect(columnValues(out.getChild("n")!, "raw")).toEqual([1n, 2n, 2n ** 40n, null, null]);
    expect(columnValues(out.getChild("s")!, "rows")).toEqual(["l1", "l2", "u", null, "d"]);
    expect(columnValues(out.getChild("v")!, "rows")).toEqual(["v1", null, null, null, null]);
    const back = tableFromIPC(tableToIPC(out, "stream"));
    expect(tableToRows(back)).toEqual(tableToRows(out));
  });

  it("an all-null (Null-typed) column adopts the other table's type", () => {
    const a = rowsToTable([{ at: null }]);
    const b = rowsToTable([{ at: new Date(2) }]);
    const out = concatTables([a, b]);
    expect(types(out)).toEqual(["at:Timestamp<MICROSECOND, UTC>"]);
    expect(columnValues(out.getChild("at")!, "raw")).toEqual([null, 2000n]);
  });

  it("merges struct field sets, recursively unifying field types", () => {
    const a = rowsToTable([{ p: { audio: "a", n: 1 } }]);
    const b = new Table({
      p: rowsToTable([{ p: { frames: "f", n: 2.5 } }, { p: null }]).getChild("p")!,
    });
    const out = concatTables([a, b]);
    expect(types(out)).toEqual(["p:Struct<{audio:Utf8, n:Float64, frames:Utf8}>"]);
    expect(tableToRows(out)).toEqual([
      { p: { audio: "a", n: 1, frames: null } },
      { p: { audio: null, n: 2.5, frames: "f" } },
      { p: null },
    ]);
  });

  it("incompatible types are a MetadataSchemaError naming the column and both types", () => {
    const a = rowsToTable([{ id: 1 }]);
    const b = rowsToTable([{ id: "1" }]);
    expect(() => concatTables([a, b])).toThrow(
      new MetadataSchemaError('arrow: column "id" has incompatible types Int64 and Utf8'),
    );
    const s1 = rowsToTable([{ p: { a: "x" } }]);
    const s2 = rowsToTable([{ p: { a: true } }]);
    expect(() => concatTables([s1, s2])).toThrow(
      new MetadataSchemaError('arrow: column "p.a" has incompatible types Utf8 and Bool'),
    );
  });

  it("with a schema: exactly its columns, converted, missing ones null, extra ones dropped", () => {
    const schema = new Schema([new Field("id", new Int32(), false), new Field("late", new Utf8(), true)]);
    const a = rowsToTable([{ id: 1, extra: "x" }]);
    const b = rowsToTable([{ id: 2, late: "y" }]);
    const out = concatTables([a, b], schema);
    expect(types(out)).toEqual(["id:Int32", "late:Utf8"]);
    expect(tableToRows(out)).toEqual([
      { id: 1, late: null },
      { id: 2, late: "y" },
    ]);
    expect(() => concatTables([rowsToTable([{ id: 2 ** 33 }])], schema)).toThrow(
      new MetadataSchemaError(
        'arrow: column "id" row 0: 8589934592n is out of range for Int32 (-2147483648..2147483647)',
      ),
    );
    const offset = rowsToTable([{ id: 1 }, { id: 2 ** 33 }]);
    expect(() => concatTables([rowsToTable([{ id: 5 }]), offset], schema)).toThrow(
      'arrow: column "id" row 1: 8589934592n',
    );
  });

  it("no tables: the schema's empty table (or an empty table)", () => {
    const schema = new Schema([new Field("id", new Int64(), true)]);
    expect(types(concatTables([], schema))).toEqual(["id:Int64"]);
    expect(concatTables([]).numCols).toBe(0);
  });

  it("keeps input chunks (multi-chunk result) and handles sliced inputs", () => {
    const a = rowsToTable([{ id: 1 }, { id: 2 }, { id: 3 }]).slice(1);
    const b = rowsToTable([{ id: 4 }]);
    const out = concatTables([a, b]);
    expect(out.getChild("id")!.data.length).toBe(2);
    expect(columnValues(out.getChild("id")!, "rows")).toEqual([2, 3, 4]);
  });
});

describe("unifyTypes", () => {
  it("integer and float rules", () => {
    expect(String(unifyTypes(new Int8(), new Uint8(), "x"))).toBe("Int16");
    expect(String(unifyTypes(new Int32(), new Float32(), "x"))).toBe("Float64");
    expect(String(unifyTypes(new Int32(), new Int8(), "x"))).toBe("Int32");
  });

  it("timestamps: finer unit; zones must agree, a missing zone adopts the other", () => {
    expect(String(unifyTypes(new TimestampMillisecond("UTC"), new TimestampMicrosecond(null), "t"))).toBe(
      "Timestamp<MICROSECOND, UTC>",
    );
    expect(() =>
      unifyTypes(new TimestampMicrosecond("UTC"), new TimestampMicrosecond("Europe/Paris"), "t"),
    ).toThrow(MetadataSchemaError);
  });

  it("converts timestamp units when stacking", () => {
    const ms = new Table({
      t: rowsToTable([{ t: new Date(7) }], {
        schema: new Schema([new Field("t", new TimestampMillisecond("UTC"), true)]),
      }).getChild("t")!,
    });
    const us = rowsToTable([{ t: new Date(9) }]);
    expect(columnValues(concatTables([ms, us]).getChild("t")!, "raw")).toEqual([7000n, 9000n]);
  });
});
