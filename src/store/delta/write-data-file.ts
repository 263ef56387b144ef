import { randomUUID } from "node:crypto";
import type { Table } from "apache-arrow";
import type { ObjectStore } from "../io/object-store.js";
import type { AddAction } from "./actions.js";
import { joinKey } from "./log-files.js";
import { DEFAULT_COMPRESSION, encodeParquet, type ParquetEncodeOptions } from "./parquet-write.js";
import { computeStats } from "./stats.js";

/**
 * Writes one data file for rows already conformed to the table (see `conformForWrite`) and returns
 * its `add` action (stats included) — not yet committed: until a log entry names it, no reader sees
 * it. Files are named `part-00000-<uuid>-c000.<codec>.parquet` at the table root.
 *
 * @example
 * const add = await writeDataFile(store, "video/raw.delta", conformed);
 */
export async function writeDataFile(
  store: ObjectStore,
  table: string,
  data: Table,
  options: ParquetEncodeOptions = {},
): Promise<AddAction> {
  const stats = computeStats(data);
  const bytes = encodeParquet(data, options);
  const codec = options.compression ?? DEFAULT_COMPRESSION;
  const path = `part-00000-${randomUUID()}-c000.${codec === "uncompressed" ? "" : `${codec}.`}parquet`;
  await store.put(joinKey(table, path), bytes);
  return {
    path,
    partitionValues: {},
    size: bytes.length,
    modificationTime: Date.now(),
    dataChange: true,
    stats: JSON.stringify(stats),
  };
}
