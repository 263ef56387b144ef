import type { FeatureKey } from "../../models/feature-key.js";
import type { DeltaLayout } from "./delta-store-options.js";

/**
 * Suffix of every table directory, as Python's Delta store names them.
 *
 * @example
 * `${key.tableName}${DELTA_TABLE_SUFFIX}`; // "video__raw.delta"
 */
export const DELTA_TABLE_SUFFIX = ".delta";

/**
 * The key prefix (relative to the store root) of a feature's Delta table, at Python's paths:
 * nested `a/b/c.delta` (hyphens kept, so `metaxy-system/feature_versions.delta`), flat
 * `a__b__c.delta` from the key's table name (`metaxy_system__feature_versions.delta`).
 *
 * @example
 * featureTablePath(FeatureKey.from("video/raw"), "nested"); // "video/raw.delta"
 * featureTablePath(FeatureKey.from("video/raw"), "flat");   // "video__raw.delta"
 */
export function featureTablePath(key: FeatureKey, layout: DeltaLayout): string {
  const base = layout === "nested" ? key.parts.join("/") : key.tableName;
  return `${base}${DELTA_TABLE_SUFFIX}`;
}
