import { SYSTEM_KEY_PREFIX } from "../../constants.js";
import { Feature } from "../../models/feature.js";
import type { FeatureGraph } from "../../models/feature-graph.js";
import { FeatureKey, type FeatureKeyInput } from "../../models/feature-key.js";

/**
 * The feature a store call names: a `Feature` object is used as given (with its own graph's
 * versions, as Python's single active graph would); a key or key string resolves through the
 * store's graph (`FeatureNotFoundError` when absent).
 *
 * @example
 * resolveFeature(store.graph, "video/raw").featureVersion();
 */
export function resolveFeature(graph: FeatureGraph, ref: FeatureKeyInput): Feature {
  return ref instanceof Feature ? ref : graph.get(ref);
}

/**
 * Whether a key names a system table (`metaxy-system/...`): those are written and read as given,
 * without system columns, version filter or deduplication.
 *
 * @example
 * isSystemKey("metaxy-system/feature_versions"); // true
 */
export function isSystemKey(ref: FeatureKeyInput): boolean {
  if (ref instanceof Feature) return false;
  return FeatureKey.from(ref).parts[0] === SYSTEM_KEY_PREFIX;
}
