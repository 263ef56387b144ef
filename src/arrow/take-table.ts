import type { Table } from "apache-arrow";
import { assembleTable } from "./assemble-table.js";
import { isIdentity } from "./is-identity.js";
import { type TakeFn, takeColumn } from "./take-column.js";

/**
 * Gathers the rows at `indices` from every column (`-1` gives an all-null row); each column comes
 * back as one chunk — except when `indices` is exactly 0..n-1 (keep-latest found no duplicates, a
 * join matched every row in order): then the table itself is returned, no column is copied. Pass `take` (e.g. `kernels.take`) to run the leaf gathers in a kernel set;
 * the default is {@link takeColumn}.
 *
 * @example
 * const latest = takeTable(table, kernels.keepLatest([idCol], updatedAt), kernels.take);
 */
export function takeTable(table: Table, indices: Int32Array, take?: TakeFn): Table {
  if (isIdentity(indices, table.numRows)) return table;
  return assembleTable(
    table.schema.fields,
    table.schema.fields.map((_, k) => takeColumn(table.getChildAt(k)!, indices, take)),
    indices.length,
    table.schema.metadata,
  );
}
