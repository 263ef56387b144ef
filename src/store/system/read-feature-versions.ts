import type { Table } from "apache-arrow";
import { emptyTable } from "../../arrow/empty-table.js";
import { FEATURE_VERSIONS_KEY } from "../../constants.js";
import { SystemDataNotFoundError } from "../../errors.js";
import type { FilterInput, MetadataStore } from "../metadata-store.js";
import {
  FEATURE_VERSIONS_SCHEMA,
  type FeatureVersionRecord,
  featureVersionRecords,
} from "./feature-versions-table.js";

/**
 * The `feature_versions` rows matching every filter, as stored; a store without the table reads as
 * an empty table of {@link FEATURE_VERSIONS_SCHEMA} (Python's `_read_system_metadata`).
 *
 * @example
 * const rows = await readFeatureVersionsTable(store, ["project = 'demo'"]);
 */
export async function readFeatureVersionsTable(
  store: MetadataStore,
  filters: readonly FilterInput[] = [],
): Promise<Table> {
  try {
    return await store.read(FEATURE_VERSIONS_KEY, { filters });
  } catch (error) {
    if (error instanceof SystemDataNotFoundError) return emptyTable(FEATURE_VERSIONS_SCHEMA);
    throw error;
  }
}

/**
 * Every `feature_versions` row as a record, in table order (empty without the table).
 *
 * @example
 * const pushed = (await readFeatureVersionRecords(store)).filter((r) => r.project === "demo");
 */
export async function readFeatureVersionRecords(store: MetadataStore): Promise<FeatureVersionRecord[]> {
  return featureVersionRecords(await readFeatureVersionsTable(store));
}

/**
 * The newest record (largest `recordedAt`; among equal times the later row), or undefined.
 *
 * @example
 * newestRecord(records)?.projectVersion;
 */
export function newestRecord(records: readonly FeatureVersionRecord[]): FeatureVersionRecord | undefined {
  let best: FeatureVersionRecord | undefined;
  for (const r of records) if (best === undefined || r.recordedAt >= best.recordedAt) best = r;
  return best;
}

/**
 * The newest record per feature key, in order of each key's first appearance.
 *
 * @example
 * latestPerFeature(records).get("video/raw")?.definitionVersion;
 */
export function latestPerFeature(
  records: readonly FeatureVersionRecord[],
): Map<string, FeatureVersionRecord> {
  const out = new Map<string, FeatureVersionRecord>();
  for (const r of records) {
    const seen = out.get(r.featureKey);
    if (seen === undefined || r.recordedAt >= seen.recordedAt) out.set(r.featureKey, r);
  }
  return out;
}
