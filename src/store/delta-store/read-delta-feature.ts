import type { Table } from "apache-arrow";
import { METAXY_FEATURE_VERSION } from "../../constants.js";
import { col } from "../../filters/builders.js";
import { mayMatchStats } from "../../filters/may-match-stats.js";
import type { ParquetDecoder } from "../../kernels/parquet-decoder.js";
import type { BackendReadOptions } from "../base/store-backend.js";
import type { DeltaFile } from "../delta/delta-file.js";
import type { Snapshot } from "../delta/snapshot.js";

/**
 * Every row of a feature table's snapshot in file order (the order commits added them), projected
 * to the requested columns the table has. With a `featureVersion` hint, files whose
 * `metaxy_feature_version` statistics exclude that version are not read at all.
 *
 * @example
 * const rows = await readDeltaFeature(table.snapshot, { columns: ["video_id"], featureVersion: "4c78e5e2" });
 */
export function readDeltaFeature(
  snapshot: Snapshot,
  options: BackendReadOptions,
  decoder: ParquetDecoder | null = null,
): Promise<Table> {
  const present = new Set(snapshot.arrowSchema.fields.map((f) => f.name));
  const columns =
    options.columns === undefined ? undefined : [...new Set(options.columns.filter((c) => present.has(c)))];
  const version = options.featureVersion;
  const filter =
    version === undefined || !present.has(METAXY_FEATURE_VERSION) ? undefined : versionPruner(version);
  return snapshot.read({
    ...(columns === undefined ? {} : { columns }),
    ...(filter === undefined ? {} : { filter }),
    decoder,
  });
}

/**
 * A file filter keeping files that may hold rows of `version` (files without stats are kept).
 *
 * @example
 * await snapshot.read({ filter: versionPruner("4c78e5e2") });
 */
export function versionPruner(version: string): (file: DeltaFile) => boolean {
  const wanted = col(METAXY_FEATURE_VERSION).eq(version);
  return (file) => file.stats === null || mayMatchStats(wanted, file.stats);
}
