import { columnValues } from "../../arrow/read-values.js";
import { METAXY_CREATED_AT, METAXY_MATERIALIZATION_ID } from "../../constants.js";
import type { FeatureKeyInput } from "../../models/feature-key.js";
import { pyFloatRepr } from "../../models/py-float.js";
import type { FilterInput, MetadataStore } from "../../store/metadata-store.js";
import { meanTicks } from "./mean-ticks.js";

/**
 * Options of {@link materializationStats}.
 *
 * @example
 * const options: MaterializationStatsOptions = { materializationId: "run-7", filters: ["region = 'eu'"] };
 */
export interface MaterializationStatsOptions {
  /** Run whose rows `materializedInRun` counts; default the store's `materializationId`. */
  readonly materializationId?: string | null;
  /** Filters on the current rows (e.g. a partition). */
  readonly filters?: readonly FilterInput[];
}

/**
 * What an orchestrator records after materialising a feature (Python's Dagster `FeatureStats` plus
 * `metaxy/materialized_in_run`).
 *
 * @example
 * const stats: MaterializationStats = await materializationStats(store, "video/raw");
 */
export interface MaterializationStats {
  /** Current rows (latest per sample, not soft-deleted, filters applied). */
  readonly rowCount: number;
  /**
   * Python's `str()` of the mean `metaxy_created_at` in microseconds, or `"empty"` without rows: it
   * changes when rows are added or deleted, so it serves as the asset's data version.
   */
  readonly dataVersion: string;
  /** Rows among them written by the run; null when no run id is known. */
  readonly materializedInRun: number | null;
}

/**
 * Reads a feature's current rows (opening the store for reading) and summarises them; see
 * {@link MaterializationStats}. Throws FeatureNotFoundError when the store has no rows table for it.
 *
 * @example
 * const { rowCount, dataVersion, materializedInRun } = await materializationStats(store, "video/raw", {
 *   materializationId: "run-7",
 * }); // 2, "1700000000000001.5", 2
 */
export async function materializationStats(
  store: MetadataStore,
  feature: FeatureKeyInput,
  options: MaterializationStatsOptions = {},
): Promise<MaterializationStats> {
  const runId = options.materializationId === undefined ? store.materializationId : options.materializationId;
  const table = await store.withOpen("r", (s) =>
    s.read(feature, {
      columns: [METAXY_CREATED_AT, METAXY_MATERIALIZATION_ID],
      ...(options.filters === undefined ? {} : { filters: options.filters }),
    }),
  );
  const mean = table.numRows === 0 ? null : meanTicks(table.getChild(METAXY_CREATED_AT)!);
  const runIds = runId === null ? [] : columnValues(table.getChild(METAXY_MATERIALIZATION_ID)!, "rows");
  return {
    rowCount: table.numRows,
    // Python renders a mean of only nulls as str(None).
    dataVersion: table.numRows === 0 ? "empty" : mean === null ? "None" : pyFloatRepr(mean),
    materializedInRun: runId === null ? null : runIds.filter((id) => id === runId).length,
  };
}
