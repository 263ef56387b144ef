import type { RecordBatch, Table } from "apache-arrow";
import { selectColumns } from "../../arrow/select-columns.js";
import type { FeatureKeyInput } from "../../models/feature-key.js";
import type { MetadataStore, ReadOptions } from "../../store/metadata-store.js";
import { METAXY_STATUS } from "./metaxy-status.js";
import { type IncrementTableOptions, readIncrementTable } from "./read-increment-table.js";
import { checkBatchSize, splitBatches } from "./split-batches.js";

/**
 * Options of {@link readBatches}: the read options, plus the incremental mode and batch size.
 *
 * @example
 * const options: ReadBatchesOptions = { incremental: true, batchSize: 512, filters: ["video_id < 100"] };
 */
export interface ReadBatchesOptions extends ReadOptions, IncrementTableOptions {
  /**
   * Yield only what needs processing (new and stale rows of `resolveUpdate`, with the column
   * `metaxy_status`) instead of the stored rows. `filters` become the target filters; the history,
   * soft-delete, fallback and feature-version options do not apply.
   */
  readonly incremental?: boolean;
  /** At most this many rows per batch (batches are sliced, never merged). Default: as read. */
  readonly batchSize?: number;
  /** Filters on the rows read; in incremental mode the target filters (see {@link IncrementTableOptions}). */
  readonly filters?: ReadOptions["filters"];
}

/**
 * A feature's metadata as Arrow record batches (Python's Ray `MetaxyDatasource`): the store is opened
 * for reading, the rows are read (or, with `incremental`, resolved) and the store is closed again
 * before the first batch is yielded, so slow consumers hold no store open. In incremental mode
 * `columns`, when given, selects among the increment's columns, and `metaxy_status` is always kept
 * (last); Python ignores `columns` there.
 *
 * @example
 * for await (const batch of readBatches(store, "video/faces", { incremental: true, batchSize: 256 })) {
 *   await process(batch); // batch.getChild("metaxy_status"): "new" | "stale"
 * }
 */
export async function* readBatches(
  store: MetadataStore,
  feature: FeatureKeyInput,
  options: ReadBatchesOptions = {},
): AsyncGenerator<RecordBatch, void, undefined> {
  checkBatchSize(options.batchSize);
  const table = await store.withOpen("r", (s) => readTable(s, feature, options));
  yield* splitBatches(table, options.batchSize);
}

async function readTable(
  store: MetadataStore,
  feature: FeatureKeyInput,
  options: ReadBatchesOptions,
): Promise<Table> {
  const {
    incremental = false,
    batchSize: _batchSize,
    stalenessPredicates,
    resolveOptions,
    ...read
  } = options;
  if (!incremental) return store.read(feature, read);
  const table = await readIncrementTable(store, feature, {
    ...(read.filters === undefined ? {} : { filters: read.filters }),
    ...(stalenessPredicates === undefined ? {} : { stalenessPredicates }),
    ...(resolveOptions === undefined ? {} : { resolveOptions }),
  });
  if (read.columns === undefined) return table;
  return selectColumns(table, [...read.columns.filter((c) => c !== METAXY_STATUS), METAXY_STATUS]);
}
