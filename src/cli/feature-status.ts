import type { Table } from "apache-arrow";
import { tableToRows } from "../arrow/table-to-rows.js";
import { takeTable } from "../arrow/take-table.js";
import { FeatureNotFoundError } from "../errors.js";
import type { FilterExpr } from "../filters/filter-expr.js";
import type { Feature } from "../models/feature.js";
import type { MetadataStore } from "../store/metadata-store.js";
import type { Increment, IncrementCounts } from "../versioning/increment.js";
import { tableLocation } from "./system-tables.js";

/**
 * Python's `status_category`.
 *
 * @example
 * const category: StatusCategory = "needs_update";
 */
export type StatusCategory = "missing" | "root_feature" | "needs_update" | "up_to_date" | "error";

/**
 * One feature's metadata status (Python's `FeatureMetadataStatus`, JSON member names).
 *
 * @example
 * const s: FeatureStatus = await featureStatus(store, feature, { allowFallback: true });
 * s.status; // "up_to_date"
 */
export interface FeatureStatus {
  readonly feature_key: string;
  readonly status: StatusCategory;
  readonly needs_update: boolean;
  readonly metadata_exists: boolean;
  readonly store_rows: number;
  /** Null for root features (they need samples) and on errors. */
  readonly missing: number | null;
  readonly stale: number | null;
  readonly orphaned: number | null;
  readonly target_version: string;
  readonly is_root_feature: boolean;
  readonly store_metadata?: { readonly display: string; readonly uri?: string };
  readonly error_message?: string;
  /** Share of expected samples already materialised (0–100), null when nothing is expected. */
  readonly progress_percentage?: number | null;
  readonly sample_details?: Readonly<
    Record<"new" | "stale" | "orphaned", readonly Record<string, unknown>[]>
  >;
}

/**
 * Options of {@link featureStatus}.
 *
 * @example
 * const options: StatusOptions = { allowFallback: true, targetFilters: [parseFilter("n > 3")] };
 */
export interface StatusOptions {
  readonly allowFallback: boolean;
  readonly targetFilters?: readonly FilterExpr[];
  readonly globalFilters?: readonly FilterExpr[];
  readonly stalenessPredicates?: readonly FilterExpr[];
  readonly progress?: boolean;
  /** Include up to 5 id-column rows of each increment part. */
  readonly samples?: boolean;
}

/**
 * Computes a feature's status against an open store: stored rows of the current version, and for
 * non-root features the increment (`resolveUpdate` with the filters and staleness predicates). Errors
 * become status `error` with the message, so one feature never stops the others.
 *
 * @example
 * await store.withOpen("r", () => featureStatus(store, graph.get("example/crop"), { allowFallback: true }));
 */
export async function featureStatus(
  store: MetadataStore,
  feature: Feature,
  options: StatusOptions,
): Promise<FeatureStatus> {
  const isRoot = feature.spec.deps.length === 0;
  const target = feature.featureVersion();
  let exists = false;
  let stored = 0;
  let display: FeatureStatus["store_metadata"];
  try {
    const holder = await store.findStoreForFeature(feature, { checkFallback: options.allowFallback });
    exists = holder !== null;
    if (holder !== null) {
      const uri = tableLocation(holder, feature.key.toString());
      display = { display: holder.display(), ...(uri === null ? {} : { uri }) };
    }
    if (holder !== null) {
      const filters = [...(options.globalFilters ?? []), ...(options.targetFilters ?? [])];
      const columns = [...feature.spec.idColumns];
      stored = (await store.read(feature, { filters, columns, allowFallback: options.allowFallback }))
        .numRows;
    }
    if (isRoot) {
      return status(feature, exists ? "root_feature" : "missing", { exists, stored, target, display });
    }
    let increment: Increment;
    try {
      increment = await store.resolveUpdate(feature, {
        ...(options.globalFilters === undefined ? {} : { globalFilters: options.globalFilters }),
        ...(options.targetFilters === undefined ? {} : { targetFilters: options.targetFilters }),
        ...(options.stalenessPredicates === undefined
          ? {}
          : { stalenessPredicates: options.stalenessPredicates }),
      });
    } catch (error) {
      // Nothing stored here and an upstream without data: simply missing, nothing to compare.
      if (!exists && error instanceof FeatureNotFoundError) {
        return status(feature, "missing", { exists, stored, target, display });
      }
      throw error;
    }
    const counts = increment.counts;
    const needsUpdate = counts.new > 0 || counts.stale > 0 || counts.orphaned > 0;
    const expected = stored - counts.orphaned + counts.new;
    return status(feature, !exists ? "missing" : needsUpdate ? "needs_update" : "up_to_date", {
      exists,
      stored,
      target,
      display,
      counts,
      ...(options.progress === true
        ? { progress: expected <= 0 ? null : Math.round(((expected - counts.new) / expected) * 1000) / 10 }
        : {}),
      ...(options.samples === true
        ? {
            samples: {
              new: preview(increment.new, feature),
              stale: preview(increment.stale, feature),
              orphaned: preview(increment.orphaned, feature),
            },
          }
        : {}),
    });
  } catch (error) {
    return status(feature, "error", {
      exists,
      stored,
      target,
      display,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

interface StatusParts {
  readonly exists: boolean;
  readonly stored: number;
  readonly target: string;
  readonly display: FeatureStatus["store_metadata"];
  readonly counts?: IncrementCounts;
  readonly progress?: number | null;
  readonly samples?: FeatureStatus["sample_details"];
  readonly error?: string;
}

/** Builds the status object with Python's member order. */
function status(feature: Feature, category: StatusCategory, parts: StatusParts): FeatureStatus {
  const { counts } = parts;
  const isRoot = feature.spec.deps.length === 0;
  return {
    feature_key: feature.key.toString(),
    status: category,
    needs_update: counts !== undefined && (counts.new > 0 || counts.stale > 0 || counts.orphaned > 0),
    metadata_exists: parts.exists,
    store_rows: parts.stored,
    missing: isRoot || counts === undefined ? null : counts.new,
    stale: isRoot || counts === undefined ? null : counts.stale,
    orphaned: isRoot || counts === undefined ? null : counts.orphaned,
    target_version: parts.target,
    is_root_feature: isRoot,
    ...(parts.samples === undefined ? {} : { sample_details: parts.samples }),
    ...(parts.display === undefined ? {} : { store_metadata: parts.display }),
    ...(parts.error === undefined ? {} : { error_message: parts.error }),
    ...(parts.progress === undefined ? {} : { progress_percentage: parts.progress }),
  };
}

function preview(table: Table, feature: Feature): Record<string, unknown>[] {
  const head = takeTable(
    table,
    Int32Array.from({ length: Math.min(5, table.numRows) }, (_, i) => i),
  );
  const ids = new Set(feature.spec.idColumns);
  return tableToRows(head).map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => ids.has(k))));
}
