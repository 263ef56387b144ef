import { COMPATIBLE_METAXY_VERSION } from "../../constants.js";
import type { Feature } from "../../models/feature.js";
import type { FeatureSpecJSON } from "../../models/feature-spec.js";

/**
 * The `metaxy/info` metadata block (Python's Dagster `build_feature_info_metadata`).
 *
 * @example
 * const info: FeatureInfoMetadata = featureInfo(video);
 * info.feature.version; // "b9bb54e4"
 */
export interface FeatureInfoMetadata {
  readonly feature: {
    readonly project: string | null;
    readonly spec: FeatureSpecJSON;
    readonly version: string;
    /** Where the feature is defined (its class path), or null. */
    readonly type: string | null;
  };
  readonly metaxy: {
    /** The Python Metaxy version this port is hash-compatible with. */
    readonly version: string;
    readonly plugins: readonly string[];
  };
}

/**
 * Builds the `metaxy/info` block of a feature: project, spec JSON, feature version and class path,
 * plus the compatible Metaxy version and the given plugin names.
 *
 * @example
 * featureInfo(video, ["sqlmodel"]).metaxy; // { version: "0.1.10", plugins: ["sqlmodel"] }
 */
export function featureInfo(feature: Feature, plugins: readonly string[] = []): FeatureInfoMetadata {
  return {
    feature: {
      project: feature.project ?? feature.graph.project ?? null,
      spec: feature.spec.toJSON(),
      version: feature.featureVersion(),
      type: feature.classPath ?? null,
    },
    metaxy: { version: COMPATIBLE_METAXY_VERSION, plugins: [...plugins] },
  };
}
