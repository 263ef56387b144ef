import type { ArrowInput } from "../../arrow/to-arrow-table.js";
import { toArrowTable } from "../../arrow/to-arrow-table.js";
import type { FeatureKeyInput } from "../../models/feature-key.js";
import type { MetadataStore } from "../../store/metadata-store.js";
import { type MaterializationStats, materializationStats } from "./materialization-stats.js";

/**
 * What {@link withMetaxyOutput} did: rows written, and the feature's stats after the write (null
 * when `fn` returned nothing to write).
 *
 * @example
 * const { rowsWritten, stats }: MetaxyOutputResult = await withMetaxyOutput(store, video, runId, compute);
 */
export interface MetaxyOutputResult {
  readonly rowsWritten: number;
  readonly stats: MaterializationStats | null;
}

/**
 * The IO-manager pattern of Python's Dagster integration for any Node orchestrator: runs `fn` (given
 * the store and the run id), writes the table it returns to `feature` with `materializationId = runId`
 * (inside `store.withOpen("w")`), and resolves to the rows written and the feature's
 * {@link materializationStats} for that run. `null`/`undefined` from `fn` writes nothing (Python's
 * `handle_output(None)`).
 *
 * @example
 * const { stats } = await withMetaxyOutput(store, "video/faces", job.id, async ({ store }) => {
 *   const inc = await store.withOpen("r", (s) => s.resolveUpdate("video/faces"));
 *   return detectFaces(inc.new);
 * });
 * stats?.materializedInRun; // rows this run wrote that are current
 */
export async function withMetaxyOutput(
  store: MetadataStore,
  feature: FeatureKeyInput,
  runId: string,
  fn: (context: {
    readonly store: MetadataStore;
    readonly runId: string;
  }) => ArrowInput | null | undefined | Promise<ArrowInput | null | undefined>,
): Promise<MetaxyOutputResult> {
  const output = await fn({ store, runId });
  if (output === null || output === undefined) return { rowsWritten: 0, stats: null };
  const table = await toArrowTable(output);
  await store.withOpen("w", (s) => s.write(feature, table, { materializationId: runId }));
  return {
    rowsWritten: table.numRows,
    stats: await materializationStats(store, feature, { materializationId: runId }),
  };
}
