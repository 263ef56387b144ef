import type { Table } from "apache-arrow";
import { selectColumns } from "../../arrow/select-columns.js";
import { METAXY_DELETED_AT, METAXY_FEATURE_VERSION } from "../../constants.js";
import { col } from "../../filters/builders.js";
import { filterColumns } from "../../filters/filter-columns.js";
import type { FilterExpr } from "../../filters/filter-expr.js";
import { filterTable } from "../../filters/filter-table.js";
import type { Kernels } from "../../kernels/kernels.js";
import { keepLatestRows } from "./keep-latest-rows.js";

/**
 * The resolved read request of {@link applyReadPipeline}.
 *
 * @example
 * const read: ReadPipeline = { featureVersion: "a1b2c3d4", idColumns: ["id"], dedup: true, dropSoftDeleted: true, filters: [], columns: undefined };
 */
export interface ReadPipeline {
  /** Keep only rows of this feature version; null keeps every version. */
  readonly featureVersion: string | null;
  readonly idColumns: readonly string[];
  /** Keep the latest row per id tuple. */
  readonly dedup: boolean;
  /** Drop rows with a non-null `metaxy_deleted_at` (after dedup). */
  readonly dropSoftDeleted: boolean;
  /** User filters, applied after dedup. */
  readonly filters: readonly FilterExpr[];
  /** Output columns in order; undefined keeps all. */
  readonly columns: readonly string[] | undefined;
}

/**
 * Python `read`'s pipeline over a feature's stored rows (in write order): version filter,
 * keep-latest per id tuple by `coalesce(deleted_at, updated_at)`, soft-delete filter, user filters
 * after deduplication, projection to exactly `columns`.
 *
 * @example
 * applyReadPipeline(raw, { featureVersion: v, idColumns: ["id"], dedup: true, dropSoftDeleted: true, filters: [], columns: undefined }, kernels);
 */
export function applyReadPipeline(table: Table, read: ReadPipeline, kernels: Kernels): Table {
  let out = table;
  if (read.featureVersion !== null)
    out = filterTable(out, [col(METAXY_FEATURE_VERSION).eq(read.featureVersion)]);
  if (read.dedup) out = keepLatestRows(out, read.idColumns, kernels, laterColumns(read));
  if (read.dropSoftDeleted && out.getChild(METAXY_DELETED_AT) !== null) {
    out = filterTable(out, [col(METAXY_DELETED_AT).isNull()]);
  }
  out = filterTable(out, read.filters);
  return read.columns === undefined ? out : selectColumns(out, read.columns);
}

/**
 * The columns the pipeline still reads after keep-latest (undefined: all), so keep-latest gathers
 * no column that only the version filter or its own ordering needed.
 */
function laterColumns(read: ReadPipeline): readonly string[] | undefined {
  if (read.columns === undefined) return undefined;
  const out = new Set(read.columns);
  if (read.dropSoftDeleted) out.add(METAXY_DELETED_AT);
  // A dotted name is a column of that name or a field of struct column `a`: keep both.
  for (const f of read.filters) {
    for (const name of filterColumns(f)) {
      out.add(name);
      out.add(name.split(".")[0]!);
    }
  }
  return [...out];
}
