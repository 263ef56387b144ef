import {
  Dictionary,
  Field,
  FixedSizeBinary,
  Int32,
  LargeUtf8,
  List,
  Schema,
  Struct,
  Table,
  TimestampMicrosecond,
  tableFromIPC,
  tableToIPC,
  Utf8,
  Utf8View,
  vectorFromArray,
} from "apache-arrow";
import { describe, expect, it } from "vitest";
import { constantUtf8 } from "../../src/arrow/constant-utf8.js";
import { dropColumns } from "../../src/arrow/drop-columns.js";
import { emptyTable } from "../../src/arrow/empty-table.js";
import { utf8MapType } from "../../src/arrow/infer-type.js";
import { normalizeTable } from "../../src/arrow/normalize-table.js";
import { nullVector } from "../../src/arrow/null-vector.js";
import { columnValues } from "../../src/arrow/read-values.js";
import { renameColumns } from "../../src/arrow/rename-columns.js";
import { rowsToTable } from "../../src/arrow/rows-to-table.js";
import { selectColumns } from "../../src/arrow/select-columns.js";
import { tableToRows } from "../../src/arrow/table-to-rows.js";
import { withColumn } from "../../src/arrow/with-column.js";
import { InvalidArgumentError, MetadataSchemaError } from "../../src/errors.js";

const names = (t: Table) => t.schema.fields.map((f) => f.name);
const table = rowsToTable([
  { a: 1, b: "x", c: true },
  { a: 2, b: "y", c: false },
]);

describe("select / rename / drop / withColumn", () => {
  it("selectColumns keeps the requested order and errors on missing names", () => {
    const out = selectColumns(table, ["c", "a"]);
    expect(names(out)).toEqual(["c", "a"]);
    expect(tableToRows(out)).toEqual([
      { c: true, a: 1 },
      { c: false, a: 2 },
    ]);
    expect(() => selectColumns(table, ["a", "zz"])).toThrow(
      new MetadataSchemaError('arrow: no column "zz" to select (columns: a, b, c)'),
    );
    expect(() => selectColumns(table, ["a", "a"])).toThrow(InvalidArgumentError);
    expect(selectColumns(table, []).numRows).toBe(2);
  });

  it("renameColumns renames in place; missing sources and collisions are errors", () => {
    const out = renameColumns(table, { a: "id", c: "flag" });
    expect(names(out)).toEqual(["id", "b", "flag"]);
    expect(tableToRows(out)[1]).toEqual({ id: 2, b: "y", flag: false });
    expect(() => renameColumns(table, { q: "r" })).toThrow(
      new MetadataSchemaError('arrow: no column "q" to rename (columns: a, b, c)'),
    );
    expect(() => renameColumns(table, { a: "b" })).toThrow(
      new MetadataSchemaError('arrow: renaming gives two columns named "b"'),
    );
    expect(names(renameColumns(table, { a: "b", b: "a" }))).toEqual(["b", "a", "c"]);
  });

  it("dropColumns ignores absent names", () => {
    expect(names(dropColumns(table, ["b", "nope"]))).toEqual(["a", "c"]);
    expect(dropColumns(table, ["b"]).numRows).toBe(2);
  });

  it("withColumn replaces in place or appends; the length must match", () => {
    const replaced = withColumn(table, "b", constantUtf8("k", 2));
    expect(names(replaced)).toEqual(["a", "b", "c"]);
    expect(columnValues(replaced.getChild("b")!, "rows")).toEqual(["k", "k"]);
    const appended = withColumn(table, "d", constantUtf8(null, 2));
    expect(names(appended)).toEqual(["a", "b", "c", "d"]);
    expect(columnValues(appended.getChild("d")!, "rows")).toEqual([null, null]);
    expect(() => withColumn(table, "d", constantUtf8("k", 3))).toThrow(
      new InvalidArgumentError('arrow: column "d" has 3 rows, the table has 2'),
    );
    expect(withColumn(new Table(), "x", constantUtf8("v", 4)).numRows).toBe(4);
  });

  it("works on multi-chunk tables with different chunking per column", () => {
    const multi = new Table([...table.batches, ...table.batches]);
    const out = withColumn(multi, "z", constantUtf8("ü", 4));
    expect(out.numRows).toBe(4);
    expect(columnValues(out.getChild("a")!, "rows")).toEqual([1, 2, 1, 2]);
    expect(tableToRows(tableFromIPC(tableToIPC(out, "stream")))).toEqual(tableToRows(out));
  });

  it("keeps schema and field metadata", () => {
    const field = new Field("a", new Int32(), true, new Map([["k", "v"]]));
    const t = new Table(
      new Schema([field], new Map([["table", "meta"]])),
      rowsToTable([{ a: 1 }], { schema: new Schema([field]) }).batches,
    );
    const out = renameColumns(t, { a: "b" });
    expect(out.schema.metadata.get("table")).toBe("meta");
    expect(out.schema.fields[0]!.metadata.get("k")).toBe("v");
  });
});

describe("constantUtf8 / nullVector / emptyTable", () => {
  it("constantUtf8 repeats the encoded value", () => {
    const v = constantUtf8("héllo", 3);
    expect(String(v.type)).toBe("Utf8");
    expect(Array.from(v.data[0]!.valueOffsets)).toEqual([0, 6, 12, 18]);
    expect(v.toArray()).toEqual(["héllo", "héllo", "héllo"]);
    expect(constantUtf8("x", 0).length).toBe(0);
  });

  it("nullVector builds well-formed all-null columns of every kind that survive IPC", () => {
    const types = [
      new Int32(),
      new Utf8(),
      new LargeUtf8(),
      new Utf8View(),
      new TimestampMicrosecond("UTC"),
      new Struct([new Field("a", new Utf8(), true)]),
      utf8MapType(),
      new List(new Field("item", new Int32(), true)),
      new FixedSizeBinary(4),
      new Dictionary(new Utf8(), new Int32()),
    ];
    const t = new Table(Object.fromEntries(types.map((type, k) => [`c${k}`, nullVector(type, 3)])));
    const back = tableFromIPC(tableToIPC(t, "stream"));
    for (let k = 0; k < types.length; k++) {
      const col = back.getChild(`c${k}`)!;
      expect(col.nullCount).toBe(3);
      expect(columnValues(col, "rows")).toEqual([null, null, null]);
    }
  });

  it("emptyTable has the schema, zero rows and one empty chunk per column", () => {
    const schema = new Schema([
      new Field("id", new Utf8(), true),
      new Field("at", new TimestampMicrosecond("UTC"), true),
    ]);
    const t = emptyTable(schema);
    expect(t.numRows).toBe(0);
    expect(t.schema.fields.map((f) => String(f.type))).toEqual(["Utf8", "Timestamp<MICROSECOND, UTC>"]);
    expect(t.getChild("id")!.data.length).toBe(1);
    expect(tableFromIPC(tableToIPC(t, "stream")).numRows).toBe(0);
  });
});

describe("normalizeTable", () => {
  it("gives one chunk per column and decodes dictionaries; compliant columns are reused", () => {
    const dict = vectorFromArray(["a", "b", "a"], new Dictionary(new Utf8(), new Int32()));
    const t = new Table({ d: dict, n: vectorFromArray([1, 2, 3], new Int32()) });
    const multi = new Table([...t.batches, ...t.slice(1).batches]);
    expect(multi.getChild("n")!.data.length).toBe(2);
    const out = normalizeTable(multi);
    expect(out.schema.fields.map((f) => String(f.type))).toEqual(["Utf8", "Int32"]);
    expect(out.getChild("d")!.data.length).toBe(1);
    expect(out.getChild("n")!.data.length).toBe(1);
    expect(tableToRows(out)).toEqual([
      { d: "a", n: 1 },
      { d: "b", n: 2 },
      { d: "a", n: 3 },
      { d: "b", n: 2 },
      { d: "a", n: 3 },
    ]);
    const single = normalizeTable(table);
    expect(single.getChild("b")!.data[0]).toBe(table.getChild("b")!.data[0]);
  });
});
