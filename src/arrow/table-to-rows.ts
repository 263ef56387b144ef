import type { Table } from "apache-arrow";
import { columnValues, setKey } from "./read-values.js";

/**
 * The table as plain row objects: Int64 → number when safe (else bigint), Timestamp → Date,
 * Struct and Map → plain objects, every string variant → string, dictionaries decoded, null → null.
 *
 * @example
 * tableToRows(increment.new); // [{ sample_uid: 1, metaxy_provenance: "…", … }]
 */
export function tableToRows(table: Table): Record<string, unknown>[] {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((_, k) => columnValues(table.getChildAt(k)!, "rows"));
  const rows: Record<string, unknown>[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    for (let k = 0; k < names.length; k++) setKey(row, names[k]!, columns[k]![i]);
    rows[i] = row;
  }
  return rows;
}
