import {
  Bool,
  Dictionary,
  Field,
  FixedSizeBinary,
  FixedSizeList,
  Int32,
  LargeUtf8,
  List,
  Table,
  tableFromIPC,
  tableToIPC,
  Utf8,
  Utf8View,
  Vector,
  vectorFromArray,
} from "apache-arrow";
import { describe, expect, it } from "vitest";
import { columnValues } from "../../src/arrow/read-values.js";
import { rowsToTable } from "../../src/arrow/rows-to-table.js";
import { utf8Vector } from "../../src/arrow/strings.js";
import { tableToRows } from "../../src/arrow/table-to-rows.js";
import { takeColumn } from "../../src/arrow/take-column.js";
import { takeTable } from "../../src/arrow/take-table.js";
import { METAXY_PROVENANCE_BY_FIELD } from "../../src/constants.js";
import { InvalidArgumentError } from "../../src/errors.js";
import { portableKernels } from "../../src/kernels/portable.js";

const values = (v: Vector) => columnValues(v, "rows");
const idx = (...i: number[]) => Int32Array.from(i);

describe("takeColumn", () => {
  it("gathers fixed-width, boolean and string columns; -1 gives null", () => {
    expect(values(takeColumn(vectorFromArray([10, 20, 30], new Int32()), idx(2, -1, 0, 0)))).toEqual([
      30,
      null,
      10,
      10,
    ]);
    expect(values(takeColumn(vectorFromArray([true, false, null], new Bool()), idx(1, 2, 0, -1)))).toEqual([
      false,
      null,
      true,
      null,
    ]);
    expect(values(takeColumn(utf8Vector(["a", "ünï", null]), idx(1, 1, 2, -1, 0)))).toEqual([
      "ünï",
      "ünï",
      null,
      null,
      "a",
    ]);
  });

  it("string variants come back as Utf8; dictionaries decoded", () => {
    const large = takeColumn(vectorFromArray(["x", "y"], new LargeUtf8()), idx(1, 0));
    expect(String(large.type)).toBe("Utf8");
    expect(values(large)).toEqual(["y", "x"]);
    const view = takeColumn(
      vectorFromArray(["short", "a string longer than twelve"], new Utf8View()),
      idx(1, -1),
    );
    expect(values(view)).toEqual(["a string longer than twelve", null]);
    const dict = takeColumn(
      vectorFromArray(["p", "q", "p"], new Dictionary(new Utf8(), new Int32())),
      idx(2, 1, -1),
    );
    expect(String(dict.type)).toBe("Utf8");
    expect(values(dict)).toEqual(["p", "q", null]);
  });

  it("multi-chunk and sliced inputs (sliced bitmaps, sliced Bool bits)", () => {
    const a = vectorFromArray([1, null, 3, 4], new Int32());
    const b = vectorFromArray([5, 6, null], new Int32());
    const multi = new Vector([...a.slice(1).data, ...b.data]); // [null, 3, 4, 5, 6, null]
    expect(values(takeColumn(multi, idx(5, 0, 1, 3, -1, 2)))).toEqual([null, null, 3, 5, null, 4]);
    const bools = vectorFromArray(
      [true, false, true, null, false, true, true, false, true],
      new Bool(),
    ).slice(3);
    expect(values(takeColumn(bools, idx(0, 1, 2, 5)))).toEqual([null, false, true, true]);
    const strings = new Vector([...utf8Vector(["a", "b", null]).slice(1).data, ...utf8Vector(["c"]).data]);
    expect(values(takeColumn(strings, idx(2, 1, 0)))).toEqual(["c", null, "b"]);
  });

  it("nested: struct (with null rows), map and list columns", () => {
    const t = rowsToTable([{ s: { a: "1", n: 1 } }, { s: null }, { s: { a: null, n: 3 } }]);
    const s = takeColumn(t.getChild("s")!, idx(2, 1, -1, 0));
    expect(values(s)).toEqual([{ a: null, n: 3 }, null, null, { a: "1", n: 1 }]);
    const P = METAXY_PROVENANCE_BY_FIELD;
    const m = rowsToTable([{ [P]: { x: "1" } }, { [P]: { y: "2", z: "3" } }, { [P]: null }], {
      enableMapDatatype: true,
    });
    const taken = takeColumn(m.getChild(P)!.slice(1), idx(0, 1, -1, 0));
    expect(String(taken.type)).toBe("Map<{key:Utf8, value:Utf8}>");
    expect(values(taken)).toEqual([{ y: "2", z: "3" }, null, null, { y: "2", z: "3" }]);
  });

  it("rejects out-of-range indices", () => {
    expect(() => takeColumn(utf8Vector(["a"]), idx(1))).toThrow(
      new InvalidArgumentError("arrow: take index 1 is out of range for 1 rows"),
    );
    expect(() => takeColumn(utf8Vector(["a"]), idx(-2))).toThrow(InvalidArgumentError);
  });

  it("64-bit values stay exact; odd-width fixed binary works", () => {
    const big = rowsToTable([{ n: 2n ** 62n + 1n }, { n: -(2n ** 63n) }]).getChild("n")!;
    expect(columnValues(takeColumn(big, idx(1, 0, -1)), "raw")).toEqual([-(2n ** 63n), 2n ** 62n + 1n, null]);
    const fsb = vectorFromArray([Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5, 6)], new FixedSizeBinary(3));
    expect(values(takeColumn(fsb.slice(1), idx(0, -1, 0)))).toEqual([
      Uint8Array.of(4, 5, 6),
      null,
      Uint8Array.of(4, 5, 6),
    ]);
  });

  it("list and fixed-size list columns", () => {
    const list = vectorFromArray([[1, 2], null, [3]], new List(new Field("item", new Int32(), true)));
    expect(values(takeColumn(list, idx(2, 0, 1, -1)))).toEqual([[3], [1, 2], null, null]);
    const fixed = vectorFromArray(
      [[1, 2], [3, 4], null],
      new FixedSizeList(2, new Field("item", new Int32(), true)),
    );
    expect(values(takeColumn(fixed.slice(1), idx(1, 0)))).toEqual([null, [3, 4]]);
  });
});

describe("takeTable", () => {
  const table = rowsToTable([
    { id: 1, name: "a", at: new Date(1), p: { f: "x" } },
    { id: 2, name: null, at: null, p: null },
    { id: 3, name: "c", at: new Date(3), p: { f: "z" } },
  ]);

  it("gathers every column, -1 gives an all-null row, one chunk per column", () => {
    const out = takeTable(table, idx(2, -1, 0));
    expect(out.schema.fields.map((f) => String(f.type))).toEqual(
      table.schema.fields.map((f) => String(f.type)),
    );
    expect(out.getChild("id")!.data.length).toBe(1);
    expect(tableToRows(out)).toEqual([
      { id: 3, name: "c", at: new Date(3), p: { f: "z" } },
      { id: null, name: null, at: null, p: null },
      { id: 1, name: "a", at: new Date(1), p: { f: "x" } },
    ]);
  });

  it("accepts a Kernels.take (the portable kernels) and gives the same rows", () => {
    const multi = new Table([...table.batches, ...table.slice(1).batches]);
    const indices = idx(4, 0, -1, 3, 1);
    const withKernel = takeTable(multi, indices, portableKernels.take);
    expect(tableToRows(withKernel)).toEqual(tableToRows(takeTable(multi, indices)));
    expect(tableToRows(withKernel).map((r) => r.id)).toEqual([3, 1, null, 2, 2]);
  });

  it("writes a valid IPC stream", () => {
    const out = takeTable(table, idx(1, 1, 0));
    expect(tableToRows(tableFromIPC(tableToIPC(out, "stream")))).toEqual(tableToRows(out));
  });

  it("zero indices give an empty table with the same schema", () => {
    const out = takeTable(table, new Int32Array(0));
    expect(out.numRows).toBe(0);
    expect(out.schema.fields.map((f) => f.name)).toEqual(["id", "name", "at", "p"]);
  });

  it("returns the table itself for the identity permutation (nothing copied)", () => {
    expect(takeTable(table, idx(...Array.from({ length: table.numRows }, (_, i) => i)))).toBe(table);
    const reordered = takeTable(
      table,
      idx(...Array.from({ length: table.numRows }, (_, i) => table.numRows - 1 - i)),
    );
    expect(reordered).not.toBe(table);
    expect(tableToRows(reordered).reverse()).toEqual(tableToRows(table));
  });
});
