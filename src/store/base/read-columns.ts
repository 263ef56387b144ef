import { METAXY_DELETED_AT, METAXY_FEATURE_VERSION, METAXY_UPDATED_AT } from "../../constants.js";
import { filterColumns } from "../../filters/filter-columns.js";
import type { FilterExpr } from "../../filters/filter-expr.js";

/**
 * What the read pipeline will do, which decides the columns it needs.
 *
 * @example
 * const needs: ReadNeeds = { columns: ["path"], idColumns: ["id"], versionFilter: true, dedup: true, dropSoftDeleted: true, filters: [] };
 */
export interface ReadNeeds {
  /** Requested output columns; undefined = all. */
  readonly columns: readonly string[] | undefined;
  readonly idColumns: readonly string[];
  readonly versionFilter: boolean;
  readonly dedup: boolean;
  readonly dropSoftDeleted: boolean;
  readonly filters: readonly FilterExpr[];
}

/**
 * The columns to ask a backend for: undefined (all) when the caller wants all, else the requested
 * ones plus what the pipeline reads on the way — id columns, the version and timestamp system
 * columns, and the top-level columns the filters reference.
 *
 * @example
 * readColumns({ columns: ["path"], idColumns: ["id"], versionFilter: true, dedup: true, dropSoftDeleted: true, filters: [] });
 */
export function readColumns(needs: ReadNeeds): readonly string[] | undefined {
  if (needs.columns === undefined) return undefined;
  const out = new Set(needs.columns);
  if (needs.dedup) for (const c of needs.idColumns) out.add(c);
  if (needs.versionFilter) out.add(METAXY_FEATURE_VERSION);
  if (needs.dedup) {
    out.add(METAXY_UPDATED_AT);
    out.add(METAXY_DELETED_AT);
  }
  if (needs.dropSoftDeleted) out.add(METAXY_DELETED_AT);
  // A dotted name is a column of that name or a field of struct column `a`: ask for both.
  for (const f of needs.filters) {
    for (const name of filterColumns(f)) {
      out.add(name);
      out.add(name.split(".")[0]!);
    }
  }
  return [...out];
}
