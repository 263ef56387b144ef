import { Int32, Table, tableFromIPC, tableToIPC, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { FilterParseError, MetadataSchemaError } from "../../src/errors.js";
import { col } from "../../src/filters/builders.js";
import { filterTable } from "../../src/filters/filter-table.js";
import { allRows, pick, sampleTable, utf8View, wideTable } from "./helpers.js";

describe("filterTable", () => {
  const table = sampleTable();

  it("returns the very same table when nothing is filtered out", () => {
    expect(filterTable(table, [])).toBe(table);
    expect(filterTable(table, ["TRUE"])).toBe(table);
    expect(filterTable(table, ["big IS NOT NULL OR n IS NULL"])).toBe(table);
  });

  it("keeps rows where every filter is TRUE (NULL drops the row)", () => {
    const out = filterTable(table, ["n > 0", col("s").ne("b")]);
    expect(out.getChild("n")!.toArray()).toEqual(Int32Array.of(1, 4));
    expect(filterTable(table, ["n > 0", "NOT b"]).numRows).toBe(1);
    expect(filterTable(table, ["n < NULL"]).numRows).toBe(0);
  });

  it("returns an empty table with the same schema when nothing matches", () => {
    const out = filterTable(table, ["FALSE"]);
    expect(out.numRows).toBe(0);
    expect(out.schema).toBe(table.schema);
  });

  it("gathers every column type exactly, including nested ones and nulls", () => {
    const wide = wideTable();
    const keep = [0, 2, 3, 5, 7, 8, 10, 12, 14, 15, 17, 19];
    const out = filterTable(wide, [`i IN (${keep.join(", ")})`]);
    expect(out.batches.length).toBe(1);
    expect(out.schema.metadata.get("origin")).toBe("test");
    expect(allRows(out)).toEqual(pick(wide, keep));
    // Buffers are well-formed: an IPC round trip reads the same rows.
    expect(allRows(tableFromIPC(tableToIPC(out)))).toEqual(pick(wide, keep));
  });

  it("slices batches without copying when the kept rows form few runs", () => {
    const wide = wideTable();
    const out = filterTable(wide, ["i < 4 OR i >= 15"]);
    expect(out.batches.length).toBe(2);
    expect(out.getChild("s")!.data[0]!.values).toBe(wide.getChild("s")!.data[0]!.values);
    expect(allRows(out)).toEqual(pick(wide, [0, 1, 2, 3, 15, 16, 17, 18, 19]));
  });

  it("filters multi-batch and sliced inputs", () => {
    const wide = wideTable();
    const twice = wide.concat(wideTable()).slice(5, 35);
    const out = filterTable(twice, ["flag", "st.x IS NOT NULL"]);
    const expected = Array.from({ length: twice.numRows }, (_, k) => k).filter((k) => {
      const row = twice.get(k)!.toJSON() as { flag: boolean | null; st: { x: number | null } | null };
      return row.flag === true && row.st !== null && row.st.x !== null;
    });
    expect(expected.length).toBeGreaterThan(3);
    expect(allRows(out)).toEqual(pick(twice, expected));
  });

  it("gathers Utf8View columns, sharing their data buffers", () => {
    const values = Array.from({ length: 20 }, (_, i) =>
      i % 6 === 5 ? null : `v${i}${i % 2 ? "-and-a-long-tail" : ""}`,
    );
    const t = new Table({
      i: vectorFromArray(
        values.map((_, i) => i),
        new Int32(),
      ),
      v: utf8View(values),
    });
    const out = filterTable(t, ["i IN (0, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19)"]);
    expect(out.getChild("v")!.toArray()).toEqual(
      [0, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19].map((i) => values[i]),
    );
    expect(out.getChild("v")!.data[0]!.variadicBuffers[0]!.buffer).toBe(
      t.getChild("v")!.data[0]!.variadicBuffers[0]!.buffer,
    );
  });

  it("reports invalid filters with the parse or schema error", () => {
    expect(() => filterTable(table, ["n >"])).toThrow(FilterParseError);
    expect(() => filterTable(table, ["missing = 1"])).toThrow(MetadataSchemaError);
  });
});
