/**
 * System column names and fixed strings shared with Python Metaxy. Defined once here; every other
 * module imports them. Names and meanings follow Python Metaxy 0.1.x `metaxy/models/constants.py`.
 */

/** Per-field provenance hashes: Struct<field struct key: string> (or Map<string,string>). */
export const METAXY_PROVENANCE_BY_FIELD = "metaxy_provenance_by_field";
/** Sample-level hash of `metaxy_provenance_by_field`; the value `resolveUpdate` compares. */
export const METAXY_PROVENANCE = "metaxy_provenance";
/** Per-field data versions; default to the provenance, users may override them. Feeds downstream. */
export const METAXY_DATA_VERSION_BY_FIELD = "metaxy_data_version_by_field";
/** Sample-level hash of `metaxy_data_version_by_field`. */
export const METAXY_DATA_VERSION = "metaxy_data_version";
/** Feature version of the graph that wrote the row; reads filter on it. */
export const METAXY_FEATURE_VERSION = "metaxy_feature_version";
/** Project version of the graph that wrote the row (bookkeeping only). */
export const METAXY_PROJECT_VERSION = "metaxy_project_version";
/** Definition version; lives only in the `feature_versions` system table. */
export const METAXY_DEFINITION_VERSION = "metaxy_definition_version";
/** Set on first write when absent; timestamp[us, UTC]. */
export const METAXY_CREATED_AT = "metaxy_created_at";
/** Transaction time of the write (kept by soft deletes); timestamp[us, UTC]. */
export const METAXY_UPDATED_AT = "metaxy_updated_at";
/** Soft-delete marker, null for live rows; timestamp[us, UTC]. */
export const METAXY_DELETED_AT = "metaxy_deleted_at";
/** Run id of the writer; always overwritten on write. */
export const METAXY_MATERIALIZATION_ID = "metaxy_materialization_id";

/** Every system column a feature table may hold (not the system-table-only definition version). */
export const ALL_SYSTEM_COLUMNS: readonly string[] = [
  METAXY_PROVENANCE_BY_FIELD,
  METAXY_PROVENANCE,
  METAXY_DATA_VERSION_BY_FIELD,
  METAXY_DATA_VERSION,
  METAXY_FEATURE_VERSION,
  METAXY_PROJECT_VERSION,
  METAXY_CREATED_AT,
  METAXY_UPDATED_AT,
  METAXY_DELETED_AT,
  METAXY_MATERIALIZATION_ID,
];

/** System columns dropped from an upstream frame before the join (Python drops these, not deleted_at). */
export const COLUMNS_DROPPED_BEFORE_JOIN: readonly string[] = [
  METAXY_FEATURE_VERSION,
  METAXY_PROJECT_VERSION,
  METAXY_CREATED_AT,
  METAXY_UPDATED_AT,
  METAXY_MATERIALIZATION_ID,
];

/** Upstream columns renamed with the upstream's column suffix (`…__video_raw`) before the join. */
export const RENAMED_UPSTREAM_COLUMNS: readonly string[] = [
  METAXY_PROVENANCE_BY_FIELD,
  METAXY_PROVENANCE,
  METAXY_DATA_VERSION_BY_FIELD,
  METAXY_DATA_VERSION,
];

/** Code version of a field that declares none. */
export const DEFAULT_CODE_VERSION = "__metaxy_initial__";
/** Serialized form of `SpecialFieldDep.ALL`: depend on every field of every upstream. */
export const ALL_FIELDS_DEP = "__METAXY_ALL_DEP__";
/** Key of the field a feature gets when it declares none. */
export const DEFAULT_FIELD_KEY = "default";
/** Default `hash_truncation_length` (Python's default, and its minimum). */
export const DEFAULT_HASH_TRUNCATION_LENGTH = 8;
/** First key part reserved for system tables. */
export const SYSTEM_KEY_PREFIX = "metaxy-system";
/** Key of the system table recording pushed feature definitions. */
export const FEATURE_VERSIONS_KEY = "metaxy-system/feature_versions";
/** Version of Python Metaxy whose hashes and storage we match; recorded in pushed tags. */
export const COMPATIBLE_METAXY_VERSION = "0.1.10";
