import type { Table } from "apache-arrow";
import { concatTables } from "../../arrow/concat-tables.js";
import type { FeatureKeyInput } from "../../models/feature-key.js";
import type { MetadataStore } from "../../store/metadata-store.js";

/**
 * Frames waiting for one feature: the feature as first given to `put` (a `Feature` object keeps its
 * own graph) and its tables in arrival order.
 *
 * @example
 * const entry: PendingFrames = { feature: "video/raw", tables: [t1, t2] };
 */
export interface PendingFrames {
  readonly feature: FeatureKeyInput;
  readonly tables: Table[];
}

/**
 * One flush of a buffered writer: concatenates each feature's tables and writes them all with one
 * `store.writeMulti` (dependents first) inside `store.withOpen("w")`. Resolves to the rows written per
 * feature key string; writes nothing when no tables are pending.
 *
 * @example
 * await flushFrames(store, new Map([["video/raw", { feature: "video/raw", tables: [t1, t2] }]]));
 * // Map { "video/raw" => t1.numRows + t2.numRows }
 */
export async function flushFrames(
  store: MetadataStore,
  pending: ReadonlyMap<string, PendingFrames>,
): Promise<Map<string, number>> {
  const combined = new Map<FeatureKeyInput, Table>();
  const rows = new Map<string, number>();
  for (const [key, { feature, tables }] of pending) {
    if (tables.length === 0) continue;
    const table = tables.length === 1 ? tables[0]! : concatTables(tables);
    combined.set(feature, table);
    rows.set(key, table.numRows);
  }
  if (combined.size > 0) await store.withOpen("w", (s) => s.writeMulti(combined));
  return rows;
}
