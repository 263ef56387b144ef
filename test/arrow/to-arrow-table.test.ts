import {
  Dictionary,
  Field,
  Int32,
  Int64,
  LargeUtf8,
  Schema,
  Struct,
  Table,
  Utf8,
  Utf8View,
  vectorFromArray,
} from "apache-arrow";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { arqueroToArrow, isArqueroTable } from "../../src/arrow/from-arquero.js";
import { columnValues } from "../../src/arrow/read-values.js";
import { rowsToTable } from "../../src/arrow/rows-to-table.js";
import { tableToRows } from "../../src/arrow/table-to-rows.js";
import { toArquero } from "../../src/arrow/to-arquero.js";
import { toArrowTable } from "../../src/arrow/to-arrow-table.js";
import { METAXY_PROVENANCE_BY_FIELD } from "../../src/constants.js";
import { InvalidArgumentError, MetadataSchemaError } from "../../src/errors.js";

const types = (t: Table) => t.schema.fields.map((f) => `${f.name}:${f.type}`);

describe("toArrowTable: Arrow input", () => {
  it("returns a table that needs nothing as is", async () => {
    const t = rowsToTable([{ id: 1, s: "a" }]);
    expect(await toArrowTable(t)).toBe(t);
  });

  it("decodes Dictionary<…, Utf8> to Utf8 and keeps LargeUtf8 / Utf8View", async () => {
    const t = new Table({
      d: vectorFromArray(["x", "y", "x", null], new Dictionary(new Utf8(), new Int32())),
      l: vectorFromArray(["1", "2", null, "4"], new LargeUtf8()),
      v: vectorFromArray(["p", null, "a long string beyond twelve bytes", "q"], new Utf8View()),
    });
    const out = await toArrowTable(t);
    expect(types(out)).toEqual(["d:Utf8", "l:LargeUtf8", "v:Utf8View"]);
    expect(tableToRows(out)).toEqual([
      { d: "x", l: "1", v: "p" },
      { d: "y", l: "2", v: null },
      { d: "x", l: null, v: "a long string beyond twelve bytes" },
      { d: null, l: "4", v: "q" },
    ]);
  });

  it("converts columns to the schema's types and reports values that do not fit", async () => {
    const t = rowsToTable([
      { n: 1, s: "a" },
      { n: 2, s: "b" },
    ]);
    const schema = new Schema([new Field("n", new Int32(), true), new Field("s", new LargeUtf8(), true)]);
    const out = await toArrowTable(t, { schema });
    // strings already are strings: kept as they are
    expect(types(out)).toEqual(["n:Int32", "s:Utf8"]);
    expect(columnValues(out.getChild("n")!, "raw")).toEqual([1, 2]);
    const big = rowsToTable([{ n: 1 }, { n: 2 ** 40 }]);
    await expect(toArrowTable(big, { schema })).rejects.toThrow(
      new MetadataSchemaError(
        'arrow: column "n" row 1: 1099511627776n is out of range for Int32 (-2147483648..2147483647)',
      ),
    );
  });

  it("turns Struct *_by_field columns into Map<Utf8, Utf8> with enableMapDatatype", async () => {
    const t = rowsToTable([
      { [METAXY_PROVENANCE_BY_FIELD]: { a: "1", b: null } },
      { [METAXY_PROVENANCE_BY_FIELD]: null },
    ]);
    const out = await toArrowTable(t, { enableMapDatatype: true });
    expect(types(out)).toEqual([`${METAXY_PROVENANCE_BY_FIELD}:Map<{key:Utf8, value:Utf8}>`]);
    expect(tableToRows(out)).toEqual([
      { [METAXY_PROVENANCE_BY_FIELD]: { a: "1", b: null } },
      { [METAXY_PROVENANCE_BY_FIELD]: null },
    ]);
  });

  it("rejects other inputs", async () => {
    await expect(toArrowTable(42 as never)).rejects.toThrow(InvalidArgumentError);
    await expect(toArrowTable({ numRows: 1 } as never)).rejects.toThrow(
      "arrow: expected an Arrow table, an arquero table or an array of row objects, got object",
    );
  });
});

describe("toArrowTable: arquero input (real arquero)", () => {
  it("converts through toArrowIPC with the row rules' types: Utf8, Int64, Float64, Bool, Timestamp(µs, UTC), Struct", async () => {
    const input = aq.table({
      id: [1, 2, 3],
      s: ["a", null, "a"],
      f: [0.5, 1, 2],
      b: [true, false, null],
      d: [new Date(1000), null, new Date(2000)],
      o: [{ k: "v" }, null, { k: "w" }],
    });
    expect(isArqueroTable(input)).toBe(true);
    const out = await toArrowTable(input);
    expect(types(out)).toEqual([
      "id:Int64",
      "s:Utf8",
      "f:Float64",
      "b:Bool",
      "d:Timestamp<MICROSECOND, UTC>",
      "o:Struct<{k:Utf8}>",
    ]);
    expect(tableToRows(out)).toEqual([
      { id: 1, s: "a", f: 0.5, b: true, d: new Date(1000), o: { k: "v" } },
      { id: 2, s: null, f: 1, b: false, d: null, o: null },
      { id: 3, s: "a", f: 2, b: null, d: new Date(2000), o: { k: "w" } },
    ]);
  });

  it("respects filters and orderings of the arquero table", async () => {
    const input = aq
      .table({ id: [3, 1, 2], name: ["c", "a", "b"] })
      .filter((d: { id: number }) => d.id > 1)
      .orderby("id");
    const out = await arqueroToArrow(input);
    expect(tableToRows(out)).toEqual([
      { id: 2, name: "b" },
      { id: 3, name: "c" },
    ]);
  });

  it("applies the schema and the map option after conversion", async () => {
    const input = aq.table({ n: [1, 2], [METAXY_PROVENANCE_BY_FIELD]: [{ a: "x" }, { a: "y" }] });
    const out = await toArrowTable(input, {
      schema: new Schema([new Field("n", new Int32(), true)]),
      enableMapDatatype: true,
    });
    expect(types(out)).toEqual(["n:Int32", `${METAXY_PROVENANCE_BY_FIELD}:Map<{key:Utf8, value:Utf8}>`]);
    expect(tableToRows(out)).toEqual([
      { n: 1, [METAXY_PROVENANCE_BY_FIELD]: { a: "x" } },
      { n: 2, [METAXY_PROVENANCE_BY_FIELD]: { a: "y" } },
    ]);
  });

  it("a column arquero cannot encode is a MetadataSchemaError naming it", async () => {
    const input = aq.table({ ok: [1, 2], x: ["a", 1] });
    await expect(toArrowTable(input)).rejects.toThrow(
      new MetadataSchemaError(
        'arrow: arquero could not encode column "x" as Arrow: Mixed types detected, please define a union type.',
      ),
    );
  });

  it("is not fooled by look-alikes", () => {
    expect(isArqueroTable({ numRows: () => 1 })).toBe(false);
    expect(isArqueroTable(rowsToTable([{ a: 1 }]))).toBe(false);
  });
});

describe("toArquero", () => {
  it("gives arquero the values tableToRows gives", async () => {
    const t = rowsToTable([
      { id: 1, big: 2n ** 60n, s: "x", d: new Date(5), o: { a: "1" } },
      { id: 2, big: 3n, s: null, d: null, o: null },
    ]);
    const out = await toArquero(t);
    expect(out.columnNames()).toEqual(["id", "big", "s", "d", "o"]);
    expect(out.objects()).toEqual([
      { id: 1, big: 2n ** 60n, s: "x", d: new Date(5), o: { a: "1" } },
      { id: 2, big: 3, s: null, d: null, o: null },
    ]);
    const summed = out.rollup({ total: (d: { id: number }) => aq.op.sum(d.id) }).objects();
    expect(summed).toEqual([{ total: 3 }]);
  });

  it("round-trips through arquero back to Arrow", async () => {
    const t = rowsToTable([{ id: 7, s: "é" }]);
    const back = await toArrowTable(await toArquero(t));
    expect(types(back)).toEqual(["id:Int64", "s:Utf8"]);
    expect(tableToRows(back)).toEqual([{ id: 7, s: "é" }]);
  });
});

describe("Struct input typing", () => {
  it("a struct built elsewhere passes through unchanged", async () => {
    const struct = vectorFromArray([{ a: 1n }], new Struct([new Field("a", new Int64(), true)]));
    const t = new Table({ s: struct });
    expect(await toArrowTable(t)).toBe(t);
  });
});
