import type { Table } from "apache-arrow";
import { concatTables } from "../../arrow/concat-tables.js";
import { constantUtf8 } from "../../arrow/constant-utf8.js";
import { withColumn } from "../../arrow/with-column.js";
import type { FeatureKeyInput } from "../../models/feature-key.js";
import type { FilterInput, MetadataStore, ResolveUpdateOptions } from "../../store/metadata-store.js";
import { METAXY_STATUS, type MetaxyStatus } from "./metaxy-status.js";

/**
 * Options of {@link readIncrementTable}.
 *
 * @example
 * const options: IncrementTableOptions = { filters: ["video_id < 100"], stalenessPredicates: ["status = 'error'"] };
 */
export interface IncrementTableOptions {
  /**
   * `resolveUpdate`'s `targetFilters`, as Python's datasource passes them: they hide *stored* rows
   * (and samples), not upstream rows, so expected rows whose stored row is filtered out come back
   * as new. To narrow the samples themselves use `resolveOptions.globalFilters` or per-feature
   * `resolveOptions.filters`.
   */
  readonly filters?: readonly FilterInput[];
  /** Stored rows matching any of these are stale. */
  readonly stalenessPredicates?: readonly FilterInput[];
  /** Further `resolveUpdate` options: `samples` (root features), upstream `filters`, `globalFilters`… */
  readonly resolveOptions?: Omit<ResolveUpdateOptions, "targetFilters" | "stalenessPredicates">;
}

/**
 * What a feature needs processed, as one table: `resolveUpdate`'s new rows, then its stale rows, with
 * the column {@link METAXY_STATUS} (`"new"` / `"stale"`) appended. Orphaned rows are left out. The
 * store must be open.
 *
 * @example
 * const todo = await store.withOpen("r", (s) => readIncrementTable(s, "video/faces"));
 */
export async function readIncrementTable(
  store: MetadataStore,
  feature: FeatureKeyInput,
  options: IncrementTableOptions = {},
): Promise<Table> {
  const increment = await store.resolveUpdate(feature, {
    ...options.resolveOptions,
    ...(options.filters === undefined ? {} : { targetFilters: options.filters }),
    ...(options.stalenessPredicates === undefined
      ? {}
      : { stalenessPredicates: options.stalenessPredicates }),
  });
  return concatTables([withStatus(increment.new, "new"), withStatus(increment.stale, "stale")]);
}

function withStatus(table: Table, status: MetaxyStatus): Table {
  return withColumn(table, METAXY_STATUS, constantUtf8(status, table.numRows));
}
