import { TimestampMicrosecond, tableFromIPC, tableToIPC } from "apache-arrow";
import * as parquet from "parquet-wasm";
import { describe, expect, it } from "vitest";
import { concatTables } from "../../src/arrow/concat-tables.js";
import { copyFixedWidthBuffers } from "../../src/arrow/copy-fixed-width-buffers.js";
import { nullVector } from "../../src/arrow/null-vector.js";
import { rowsToTable } from "../../src/arrow/rows-to-table.js";
import { tableToRows } from "../../src/arrow/table-to-rows.js";
import { takeTable } from "../../src/arrow/take-table.js";
import { timestampVector } from "../../src/arrow/timestamp-vector.js";
import { withColumn } from "../../src/arrow/with-column.js";
import {
  METAXY_CREATED_AT,
  METAXY_DELETED_AT,
  METAXY_PROVENANCE_BY_FIELD,
  METAXY_UPDATED_AT,
} from "../../src/constants.js";

function throughParquet(table: Parameters<typeof tableToIPC>[0]) {
  const bytes = parquet.writeParquet(parquet.Table.fromIPCStream(tableToIPC(table, "stream")));
  return tableFromIPC(parquet.readParquet(bytes).intoIPCStream());
}

describe("tables built here survive a Parquet write and read (parquet-wasm)", () => {
  it("rows with every inferred type, a Map column, gathered, stacked and null-filled", () => {
    const t = rowsToTable(
      [
        { id: 1, s: "x", f: 0.5, d: new Date(3), b: true, [METAXY_PROVENANCE_BY_FIELD]: { a: "1", b: null } },
        { id: 2, s: null, f: null, d: null, b: null, [METAXY_PROVENANCE_BY_FIELD]: null },
        { id: 3, s: "z", f: 2, d: new Date(9), b: false, [METAXY_PROVENANCE_BY_FIELD]: { a: "3", b: "4" } },
      ],
      { enableMapDatatype: true },
    );
    const stacked = concatTables([takeTable(t, Int32Array.of(2, -1, 0)), t.slice(1)]);
    const out = withColumn(stacked, METAXY_DELETED_AT, nullVector(new TimestampMicrosecond("UTC"), 5));
    const back = throughParquet(out);
    expect(back.schema.fields.map((f) => String(f.type))).toEqual(
      out.schema.fields.map((f) => String(f.type)),
    );
    expect(tableToRows(back)).toEqual(tableToRows(out));
    expect(tableToRows(back).map((r) => r.id)).toEqual([3, null, 1, 2, 3]);
  });

  it("created_at and updated_at from one buffer, after copyFixedWidthBuffers", () => {
    const shared = timestampVector(1700000000000000n, 2);
    let t = rowsToTable([{ id: 1 }, { id: 2 }]);
    t = withColumn(withColumn(t, METAXY_CREATED_AT, shared), METAXY_UPDATED_AT, shared);
    const back = throughParquet(copyFixedWidthBuffers(t));
    expect(tableToRows(back)).toEqual([
      { id: 1, [METAXY_CREATED_AT]: new Date(1700000000000), [METAXY_UPDATED_AT]: new Date(1700000000000) },
      { id: 2, [METAXY_CREATED_AT]: new Date(1700000000000), [METAXY_UPDATED_AT]: new Date(1700000000000) },
    ]);
  });
});
