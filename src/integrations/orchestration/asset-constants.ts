/**
 * Keys and fixed strings of orchestrator asset descriptors, spelled as Python Metaxy's Dagster
 * integration spells them (`metaxy.ext.dagster.constants`), so assets described from Node and from
 * Python carry the same tags and metadata.
 *
 * @example
 * descriptor.tags[ASSET_FEATURE_TAG]; // "video__raw"
 */

/** Tag (feature table name) and metadata key (feature key string) naming the feature. */
export const ASSET_FEATURE_TAG = "metaxy/feature";
/** Tag holding the feature's project. */
export const ASSET_PROJECT_TAG = "metaxy/project";
/** Metadata key of the feature info block (`{ feature: {...}, metaxy: {...} }`). */
export const ASSET_INFO_KEY = "metaxy/info";
/** Spec metadata key with orchestrator attributes (`asset_key`, `group_name`, `owners`, ...). */
export const ASSET_ATTRIBUTES_KEY = "dagster/attributes";
/** The asset kind every Metaxy asset gets. */
export const METAXY_ASSET_KIND = "metaxy";
/** Prefix of the code version: `metaxy:<feature code version>`. */
export const CODE_VERSION_PREFIX = "metaxy:";
