import { join } from "node:path";
import type { HashAlgorithm } from "../../src/kernels/kernels.js";
import type { FeatureGraph } from "../../src/models/feature-graph.js";
import type { FeatureKey } from "../../src/models/feature-key.js";
import { DeltaTable } from "../../src/store/delta/delta-table.js";
import { DeltaMetadataStore } from "../../src/store/delta-store/delta-metadata-store.js";
import { featureTablePath } from "../../src/store/delta-store/feature-table-path.js";
import { LocalObjectStore } from "../../src/store/io/local.js";

/**
 * Which kernel set our side runs.
 *
 * @example
 * const kernels: KernelKind = "portable";
 */
export type KernelKind = "native" | "portable";

/**
 * The store under test, configured as the paper's `metaxy.toml` (`enable_map_datatype = true`)
 * with the configuration's hash algorithm.
 *
 * @example
 * const store = benchStore("rounds/round-0/store", graph, "xxhash64", "native");
 */
export function benchStore(
  rootPath: string,
  graph: FeatureGraph,
  hashAlgorithm: HashAlgorithm,
  kernels: KernelKind,
): DeltaMetadataStore {
  return new DeltaMetadataStore({ rootPath, graph, hashAlgorithm, enableMapDatatype: true, kernels });
}

/**
 * Absolute paths of the active Parquet files of a feature's Delta table (the store's default nested
 * layout), from its log; null when the table does not exist. This is how
 * the DuckDB peer reads exactly the files our store reads.
 *
 * @example
 * await activeFiles("rounds/round-0/store", leaf.key); // ["rounds/round-0/store/bench/simple_leaf.delta/part-….parquet"]
 */
export async function activeFiles(rootPath: string, key: FeatureKey): Promise<string[] | null> {
  const objects = new LocalObjectStore(rootPath);
  const table = await DeltaTable.open(objects, featureTablePath(key, "nested"));
  if (table === null) return null;
  return table.snapshot.files.map((f) => join(objects.root, f.key));
}
