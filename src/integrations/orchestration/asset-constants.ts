// Keys and fixed strings of orchestrator asset descriptors, spelled as Python Metaxy's Dagster
// integration spells them (`metaxy.ext.dagster.constants`), so assets described from Node and from
// Python carry the same tags and metadata.

/**
 * Tag (feature table name) and metadata key (feature key string) naming the feature.
 *
 * @example
 * describeAsset(graph, "video/raw").tags[ASSET_FEATURE_TAG]; // "video__raw"
 */
export const ASSET_FEATURE_TAG = "metaxy/feature";

/**
 * Tag holding the feature's project.
 *
 * @example
 * describeAsset(graph, "video/raw").tags[ASSET_PROJECT_TAG]; // "demo"
 */
export const ASSET_PROJECT_TAG = "metaxy/project";

/**
 * Metadata key of the feature info block (`{ feature: {...}, metaxy: {...} }`).
 *
 * @example
 * describeAsset(graph, "video/raw").metadata[ASSET_INFO_KEY].feature.version; // "b9bb54e4"
 */
export const ASSET_INFO_KEY = "metaxy/info";

/**
 * Spec metadata key with orchestrator attributes (`asset_key`, `group_name`, `owners`, ...).
 *
 * @example
 * graph.feature({ key: "sites", idColumns: ["site"], metadata: { [ASSET_ATTRIBUTES_KEY]: { group_name: "geo" } } });
 */
export const ASSET_ATTRIBUTES_KEY = "dagster/attributes";

/**
 * The asset kind every Metaxy asset gets.
 *
 * @example
 * describeAsset(graph, "video/raw").kinds; // [METAXY_ASSET_KIND]
 */
export const METAXY_ASSET_KIND = "metaxy";

/**
 * Prefix of an asset's code version: `metaxy:<feature code version>`.
 *
 * @example
 * describeAsset(graph, "video/raw").codeVersion.startsWith(CODE_VERSION_PREFIX); // true
 */
export const CODE_VERSION_PREFIX = "metaxy:";
