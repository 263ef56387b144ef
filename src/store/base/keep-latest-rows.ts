import { Int64, type Table, Type, type Vector } from "apache-arrow";
import { coalesceTimestamps } from "../../arrow/coalesce-timestamps.js";
import { dropColumns } from "../../arrow/drop-columns.js";
import { keepLatestAppended } from "../../arrow/keep-latest-appended.js";
import { nullVector } from "../../arrow/null-vector.js";
import { strictlyAscending } from "../../arrow/strictly-ascending.js";
import { takeTable } from "../../arrow/take-table.js";
import { METAXY_DELETED_AT, METAXY_UPDATED_AT } from "../../constants.js";
import type { Kernels } from "../../kernels/kernels.js";
import { tableColumn } from "../../versioning/table-column.js";

/**
 * Merge-on-read deduplication (Python `keep_latest_by_group`): per id tuple, the row with the
 * greatest `coalesce(metaxy_deleted_at, metaxy_updated_at)`; ties go to the later row, so rows must
 * come in write order. A missing timestamp column counts as all null. Rows keep their order.
 * `keep` names the columns the caller still needs: when rows have to be gathered, only those are
 * (the result then holds just them, in table order); when every row is kept the table comes back
 * whole.
 *
 * @example
 * const latest = keepLatestRows(raw, ["sample_uid"], kernels);
 */
export function keepLatestRows(
  table: Table,
  idColumns: readonly string[],
  kernels: Kernels,
  keep?: readonly string[],
): Table {
  if (table.numRows <= 1) return table;
  const keys = idColumns.map((c) => tableColumn(table, c, "store: keep-latest"));
  const n = table.numRows;
  const orderBy = coalesceTimestamps(
    table.getChild(METAXY_DELETED_AT) ?? nullColumn(n),
    table.getChild(METAXY_UPDATED_AT) ?? nullColumn(n),
  );
  // Ids written in increasing order (as appends of new samples are) are all distinct: every row
  // is its group's latest, so there is nothing to group. The order column is still checked above.
  if (strictlyAscending(keys)) return table;
  const order = orderBy.type.typeId === Type.Null ? nullColumn(n) : orderBy;
  // Ids in order, then an appended batch: only the batch needs grouping.
  const indices =
    (keys.length === 1 ? keepLatestAppended(keys[0]!, order, kernels.keepLatest) : null) ??
    kernels.keepLatest(keys, order);
  if (indices.length === n) return table;
  const wanted = keep === undefined ? table : dropColumns(table, unwanted(table, keep));
  return takeTable(wanted, indices, kernels.take);
}

function unwanted(table: Table, keep: readonly string[]): string[] {
  const kept = new Set(keep);
  return table.schema.fields.map((f) => f.name).filter((name) => !kept.has(name));
}

function nullColumn(n: number): Vector {
  return nullVector(new Int64(), n);
}
