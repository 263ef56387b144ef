import type { Table } from "apache-arrow";
import { assembleTable } from "./assemble-table.js";

/**
 * The table without the named columns (zero-copy). Names the table does not have are ignored, so
 * system columns can be dropped whether or not they are present.
 *
 * @example
 * dropColumns(upstream, COLUMNS_DROPPED_BEFORE_JOIN);
 */
export function dropColumns(table: Table, names: readonly string[]): Table {
  const drop = new Set(names);
  const keep = table.schema.fields.map((f, k) => [f, k] as const).filter(([f]) => !drop.has(f.name));
  return assembleTable(
    keep.map(([f]) => f),
    keep.map(([, k]) => table.getChildAt(k)!),
    table.numRows,
    table.schema.metadata,
  );
}
